"""Load the data files the pipeline reads (gazetteers, schemes, cue lists), and name helpers."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """A packaged data file, or ``name`` itself when it is a path that exists."""
    if Path(name).exists():
        return Path(name)
    return Path(str(resources.files("extract").joinpath(f"data/{name}")))


class NoData(dict):
    """What an emptied setting ("") loads: every key holds no data again (empty when iterated,
    counted or looked into)."""

    def __missing__(self, key):
        return NoData()


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """A JSON data file; "" (a setting emptied, e.g. to run without gazetteers) is no data."""
    if not name:
        return NoData()
    return json.loads(data_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    """One JSON object a line; "" is no lines."""
    if not name:
        return ()
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


def normalise(text: str) -> str:
    """One spelling for a name: straight apostrophes, single spaces, no leading "the"."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:the|The)\s+", "", text)


def slug(text: str) -> str:
    """A stable IRI-safe key from a name: "People's Procuratorate" -> "peoples-procuratorate"."""
    text = normalise(text).lower().replace("'", "").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def unit_head(name: str) -> str:
    """The head word of a name that may be a unit, before "of/for/on/under": "Standing Committee on
    Finance" -> "Committee"."""
    words = name.replace(",", " ").split()
    cut = next((i for i, w in enumerate(words) if w.lower() in ("of", "for", "on", "under")), len(words))
    return words[cut - 1] if cut else (words[-1] if words else "")


def is_acronym(text: str) -> bool:
    """"SPP", "MeitY", "5G", "NFTs": short, mostly capitals, no spaces."""
    return (" " not in text and 2 <= len(text) <= 10
            and sum(c.isupper() for c in text) >= 2 and not text.istitle())


@lru_cache(maxsize=None)
def title_regex() -> str:
    """A regex source matching a post title: rank words then a post ("deputy procurator-general")."""
    posts = load_json("posts.json")
    post_words = sorted(posts["posts"], key=len, reverse=True)
    ranks = "|".join(re.escape(r) for r in posts["ranks"])
    words = "|".join(re.escape(p).replace(r"\-", r"\s?-\s?").replace(r"\ ", r"\s+") for p in post_words)
    return rf"(?i:(?:(?:{ranks})[\s-]+){{0,3}}(?:{words}))"


def is_place(token) -> bool:
    """A place or demonym ("Chinese", "US", "Japan's"): before a title or a body's name it
    qualifies it and is no part of it."""
    return token.ent_type_ in ("GPE", "NORP", "LOC") or bool(re.fullmatch(r"(?:U\.?S\.?|UK|EU)", token.text))


def text_of(doc) -> str:
    """``doc.text``, kept: spaCy rebuilds it from the tokens at each access, which the
    components would otherwise pay for on every match."""
    text = doc.user_data.get("pkg_text")
    if text is None:
        text = doc.user_data["pkg_text"] = doc.text
    return text

