"""The body a post belongs to where the text names none.

"Minister of Commerce Wang Wentao" is in the Ministry of Commerce; "Japan's prime minister"
is in the Cabinet of Japan. After ``policykg_people`` this component gives each post
without a body (1) a body the text names whose name the title spells out ("minister of
finance" and a "Ministry of Finance" in the text), else (2) the body of that post in the
official's country, from ``data/post_bodies.json``, else (3) "Ministry of X" for a
"minister of X". The country is the one the title's own words name ("Japan's", "U.S."),
else the document's: its dateline's, else the one its text names clearly most often.
A body found so is written on the post (``body``, ``body_name``), not added to the
document's bodies: the text does not name it.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import load_json, load_jsonl, normalise, slug, text_of

RANKS = r"(?:deputy|vice|assistant|acting|executive|first|senior|former|then|interim|junior|shadow)"


@Language.factory("policykg_post_bodies", requires=["doc._.pkg_posts"], assigns=["doc._.pkg_posts"],
                  default_config={"posts": "post_bodies.json", "gazetteer": "bodies.jsonl"})
class PostBodies:
    """Fills the body of posts the text gives without one."""

    def __init__(self, nlp: Language, name: str, posts: str, gazetteer: str):
        data = load_json(posts)
        self.countries = dict(data["countries"])
        self.posts = {code: entries for code, entries in data["posts"].items()}
        self.portfolio = list(data["portfolio"])
        self.known = {normalise(b["name"]).lower(): b["id"] for b in load_jsonl(gazetteer)}
        self.country_words = _country_patterns(tuple(sorted(
            (code, tuple(c.get("names", []) + c.get("adjectives", []) + c.get("title_words", [])))
            for code, c in self.countries.items())))

    def __call__(self, doc: Doc) -> Doc:
        posts = doc._.pkg_posts or []
        if not any(p.get("body") is None for p in posts):
            return doc
        text = text_of(doc)
        named = {normalise(b["name"]).lower(): key for key, b in (doc._.pkg_bodies or {}).items()}
        country = document_country(text, self.countries)
        year = _year(doc._.pkg_published)
        for post in posts:
            if post.get("body") is not None:
                continue
            own = self._own_country(text[max(0, post["start"] - 40):post["end"]])
            found = self.body_of(post["title"], own or country, year, named)
            if found:
                post["body"], post["body_name"] = found
        return doc

    def body_of(self, title: str, country: str | None, year: int | None,
                named: dict[str, str]) -> tuple[str, str] | None:
        """(key, name) of the body a title belongs to, or None."""
        portfolio = self._portfolio(title)
        if portfolio:
            for head in ("ministry of ", "ministry for ", "department of ", "department for "):
                key = named.get(head + portfolio)
                if key:
                    return key, normalise(head.title() + portfolio)
        bare = _bare(title, self.country_words)
        # "commissioner for the internal market": the post is the commissioner's.
        head = re.split(r" (?:for|of) ", bare, maxsplit=1)[0]
        for entry in self.posts.get(country or "", []):
            if (bare in entry["titles"] or head in entry["titles"]) and _in_years(entry, year):
                name = entry["body"]
                return self.known.get(name.lower()) or named.get(name.lower()) or f"{country.lower()}-{slug(name)}", name
        if portfolio:
            name = "Ministry of " + " ".join(w if w in ("and", "of", "the", "for") else w.capitalize()
                                           for w in portfolio.split())
            return named.get(name.lower()) or (f"{country.lower()}-{slug(name)}" if country else slug(name)), name
        return None

    def _portfolio(self, title: str) -> str | None:
        low = title.lower()
        for lead in self.portfolio:
            if low.startswith(lead + " ") or re.match(rf"{RANKS}[\s-]+{re.escape(lead)} ", low):
                return low.split(lead, 1)[1].strip().removeprefix("the ")
        return None

    def _own_country(self, before: str) -> str | None:
        """The country the words just before or inside a title name ("Japan's industry minister")."""
        for code, pattern in self.country_words:
            if pattern.search(before):
                return code
        return None


@lru_cache(maxsize=4)
def _country_patterns(words: tuple) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((code, re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
                                   + r")(?:'s|\u2019s)?(?![\w])")) for code, ws in words if ws)


def _bare(title: str, country_words) -> str:
    """A title without rank words and country words: "vice-premier" -> "premier"."""
    low = title.lower().replace("\u2019", "'")
    low = re.sub(rf"^(?:{RANKS}[\s-]+)+", "", low)
    for _, pattern in country_words:
        low = re.sub(pattern.pattern, "", low, flags=re.I)
    return re.sub(r"\s+", " ", low).strip(" -")


def _in_years(entry: dict, year: int | None) -> bool:
    if year is None:
        return "until" not in entry  # without a date, the body as it is today
    return entry.get("from", 0) <= year and (year < entry["until"] if "until" in entry else True)


def _year(published: str | None) -> int | None:
    try:
        return int(published[:4]) if published else None
    except ValueError:
        return None


DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{1,40}?)(?:,|\s+\(|:|\s+--|\s+-)", re.M)


def document_country(text: str, countries: dict) -> str | None:
    """The document's country: its dateline's city or country, else the one its text names
    (names, demonyms, cities) at least twice as often as any other, else None."""
    counts: dict[str, int] = {}
    for code, c in countries.items():
        words = c.get("names", []) + c.get("adjectives", []) + c.get("cities", [])
        if not words:
            continue
        pattern = r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])"
        counts[code] = len(re.findall(pattern, text))
    places = {w.lower(): code for code, c in countries.items() for w in c.get("cities", []) + c.get("names", [])}
    for match in DATELINE_PLACE.finditer(text[:3000]):
        if match.group(1).strip().lower() in places:
            return places[match.group(1).strip().lower()]
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None
