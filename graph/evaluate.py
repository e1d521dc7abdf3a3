"""Score the graph's answers to the six named queries against gold files.

The matching rules are those of the gold format (``SCHEMA.md`` beside the seeds' gold,
copied into ``tests/gold/``): names folded for case, curly quotes and a leading "the";
figures by value within 0.5% and unit; claims by speaker and sentence word overlap.
Each gold item takes at most one predicted item, in gold order. Two attributes go
beyond the reference scorer, a figure's ``measure`` and ``subject``, and are reported
apart so the shared numbers stay comparable.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

LISTS = ("documents", "officials", "bodies", "industries", "figures", "claims")
RANKS = frozenset({"vice", "deputy", "assistant", "acting", "former", "executive", "first", "second",
                   "chief", "under"})
STOPWORDS = frozenset("a an and as at by for from in into its of on or over the their to under with".split())
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
EXTRA_ATTRIBUTES = frozenset({"measure", "subject"})  # scored here, not by the reference scorer


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file."""


def fold(text) -> str:
    """Lower case, straight quotes, one space, no leading "the"."""
    if text is None:
        return ""
    text = " ".join(str(text).translate(QUOTES).lower().split())
    return text[4:] if text.startswith("the ") else text


def word_set(text) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold(text)))


def doc_key(doc) -> str:
    """A document's file stem, whether given as a file name, a path or an IRI."""
    name = re.split(r"[/#]", str(doc or ""))[-1]
    return re.sub(r"\.[A-Za-z0-9]+$", "", name)


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold annotations by document key, from every ``*.json`` in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold files")
    gold = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            gold[doc_key(data["doc"])] = data
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise GoldError(f"{path}: not a gold file ({type(err).__name__}: {err})") from None
    if not gold:
        raise GoldError(f"{folder}: no gold files (*.json)")
    return gold


@dataclass
class Score:
    """Counts and attribute tallies of one list."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    checked: dict[str, list[bool]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        self.checked.setdefault(name, []).append(bool(ok))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attributes(self) -> dict[str, float]:
        return {k: round(sum(v) / len(v), 3) for k, v in sorted(self.checked.items())}

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3), "attributes": self.attributes(),
                "missed": self.missed, "spurious": self.spurious}


def items(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """One predicted item per distinct key, its ``alias`` cells gathered into ``aliases``."""
    out: dict[tuple, dict] = {}
    for row in rows:
        item = out.setdefault(tuple(fold(row.get(k)) for k in keys), {**row, "aliases": set()})
        if row.get("alias"):
            item["aliases"].add(fold(row["alias"]))
    return list(out.values())


def pair(gold: list[dict], predicted: list[dict], same: Callable[[dict, dict], bool], score: Score,
         label: Callable[[dict], str]) -> list[tuple[dict, dict]]:
    """Match each gold item to the first unused predicted item it accepts; count the rest."""
    free = list(range(len(predicted)))
    pairs = []
    for g in gold:
        hit = next((i for i in free if same(g, predicted[i])), None)
        if hit is None:
            score.fn += 1
            score.missed.append(label(g))
        else:
            free.remove(hit)
            score.tp += 1
            pairs.append((g, predicted[hit]))
    score.fp += len(free)
    score.spurious += [label(predicted[i]) for i in free]
    return pairs


def names(item: dict) -> set[str]:
    return {fold(item["name"])} | {fold(a) for a in item.get("aliases") or ()}


def known_as(doc: dict, name, lists=("bodies",)) -> set[str]:
    """Every folded name the gold document gives the entity called ``name``."""
    for key in lists:
        for item in doc.get(key, []):
            if fold(item["name"]) == fold(name):
                return names(item)
    return {fold(name)} if name else set()


def same_title(gold, pred) -> bool:
    """Equal word sets, or one inside the other with the same rank words."""
    g, p = word_set(gold), word_set(pred)
    return bool(g and p) and (g <= p or p <= g) and (g & RANKS) == (p & RANKS)


def period(text) -> str:
    return re.sub(r"\s*(?:[-\u2013\u2014/]|\bto\b)\s*", "-", fold(text))


def number(text) -> float | None:
    try:
        return float(str(text).replace(",", ""))
    except (TypeError, ValueError):
        return None


def content(text) -> set[str]:
    return word_set(text) - STOPWORDS


def same_measure(gold, pred) -> bool:
    """The predicted measure names at least half of the gold measure's content words."""
    g, p = content(gold), content(pred)
    return bool(g) and len(g & p) >= len(g) / 2


def same_subject(doc: dict, gold, pred) -> bool:
    """Subjects agree when one's words hold the other's, under any of the gold's names for it."""
    if not gold:
        return not pred
    p = word_set(pred)
    return bool(p) and any(p <= word_set(n) or word_set(n) <= p
                           for n in known_as(doc, gold, ("bodies", "officials")))


def score_document(name: str, key: str, doc: dict, rows: list[dict], score: Score) -> None:
    """Add one document's matches for list ``name`` to ``score``."""
    tag = lambda text: f"{key}: {text}"  # noqa: E731
    if name == "documents":
        for g, p in pair([{"name": key}], items(rows, ("doc",)), lambda g, p: True, score, lambda x: key):
            score.check("title", fold(doc.get("title")) == fold(p.get("title")))
            score.check("published", fold(doc.get("published")) == fold(p.get("published"))[:10])
    elif name == "officials":
        predicted = items(rows, ("name",))
        for g, p in pair(doc.get("officials", []), predicted, lambda g, p: fold(p["name"]) in names(g),
                         score, lambda x: tag(x["name"])):
            score.check("title", same_title(g.get("title"), p.get("title")))
            score.check("body", fold(p.get("body")) in known_as(doc, g.get("body")))
        outsiders = {fold(n) for n in doc.get("not_officials") or ()}
        if outsiders:
            score.check("not_officials_excluded", not any(fold(p["name"]) in outsiders for p in predicted))
    elif name in ("bodies", "industries"):
        same = lambda g, p: bool(names(g) & ({fold(p["name"])} | p["aliases"]))  # noqa: E731
        for g, p in pair(doc.get(name, []), items(rows, ("name",)), same, score, lambda x: tag(x["name"])):
            if name == "bodies":
                score.check("kind", fold(g.get("kind")) == fold(p.get("kind")))
                parent = g.get("parent")
                score.check("parent", fold(p.get("parent")) in known_as(doc, parent) if parent
                            else not p.get("parent"))
    elif name == "figures":
        def same(g, p):
            v = number(p.get("value"))
            return (v is not None and abs(v - g["value"]) <= 0.005 * abs(g["value"]) + 1e-9
                    and fold(p.get("unit")) == fold(g["unit"]))
        label = lambda x: tag(f"{x.get('text') or x.get('value')} {x.get('unit')}")  # noqa: E731
        for g, p in pair(doc.get("figures", []), items(rows, ("value", "unit", "text")), same, score, label):
            score.check("approx", fold(g.get("approx")) == fold(p.get("approx")))
            score.check("period", period(g.get("period")) == period(p.get("period")))
            if "measure" in g:
                score.check("measure", same_measure(g["measure"], p.get("measure")))
            if "subject" in g:
                score.check("subject", same_subject(doc, g["subject"], p.get("subject")))
    elif name == "claims":
        def same(g, p):
            gw, pw = word_set(g["sentence"]), word_set(p.get("sentence"))
            overlap = len(gw & pw) / len(gw | pw) if gw | pw else 0.0
            return fold(p.get("speaker")) in known_as(doc, g["speaker"], ("officials", "bodies")) and overlap >= 0.5
        label = lambda x: tag(f"{x.get('speaker')}: {(x.get('sentence') or '')[:70]}")  # noqa: E731
        predicted = items(rows, ("speaker", "sentence"))
        for g, p in pair(doc.get("claims", []), predicted, same, score, label):
            score.check("kind", fold(g.get("kind")) == fold(p.get("kind")))
            score.check("cue", fold(g.get("cue")) == fold(p.get("cue")))
        # Date is checked for every dated gold claim: a claim not found has its date wrong too.
        for g in doc.get("claims", []):
            if g.get("date"):
                hit = next((p for p in predicted if same(g, p)), None)
                score.check("date", hit is not None and fold(hit.get("date"))[:10] == fold(g["date"]))


def evaluate(gold: dict[str, dict], answers: dict[str, Iterable[dict]]) -> dict[str, Score]:
    """Scores per list, over the documents that have gold; rows of other documents are ignored."""
    report = {}
    for name in LISTS:
        by_doc: dict[str, list[dict]] = {}
        for row in answers.get(name, ()):
            by_doc.setdefault(doc_key(row.get("doc")), []).append(row)
        score = Score()
        for key, doc in gold.items():
            score_document(name, key, doc, by_doc.get(key, []), score)
        report[name] = score
    return report


def as_json(report: dict[str, Score]) -> dict:
    return {name: score.as_dict() for name, score in report.items()}


def as_table(report: dict[str, Score], verbose: bool = False) -> str:
    """Per list: precision, recall, F1 and attribute accuracy; with ``verbose`` the misses too."""
    lines = [f"{'list':<11} {'P':>6} {'R':>6} {'F1':>6}   attributes"]
    for name, score in report.items():
        attrs = ", ".join(f"{k} {v:.2f}" for k, v in score.attributes().items())
        lines.append(f"{name:<11} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}   {attrs}".rstrip())
        if verbose:
            lines += [f"    missed   {m}" for m in score.missed]
            lines += [f"    spurious {m}" for m in score.spurious]
    return "\n".join(lines)
