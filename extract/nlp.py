"""Build the spaCy pipeline from ``pipeline.cfg``: the model package plus our components."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from thinc.api import Config

from .lexicon import text_of
from .version import require_model
from .metadata import dateline_end

# Registering the factories is a side effect of importing their modules.
from . import bodies, claims, figures, industries, people  # noqa: F401




@Language.component("policykg_lines", assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines and captions have no full stop), and so does
    a full stop glued to the next sentence ("said Xi.He added"); a word followed by a space,
    with no stop after it, never does."""
    line_starts = [0] if len(doc) else []
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
            line_starts.append(token.i)
        elif prev.text == "." and not prev.whitespace_ and token.text[:1].isupper() and token.i >= 2 \
                and doc[token.i - 2].text[-1:].islower():
            token.is_sent_start = True
        elif prev.is_alpha and prev.whitespace_ and not token.is_space:
            token.is_sent_start = False  # no stop, no line break: the parser may not cut "Luong Minh | Tam said"
    for start in line_starts:
        _dateline(doc, start)
    return doc


def _dateline(doc: Doc, start: int) -> None:
    """"WASHINGTON, Oct 17, 2023 (Reuters) - The ...": the dateline is a unit of its own, never
    cut inside, and the report's first sentence starts after it."""
    head = text_of(doc)[doc[start].idx:doc[start].idx + 120]
    length = dateline_end(head)
    if length is None:
        return
    end = doc.char_span(doc[start].idx, doc[start].idx + length, alignment_mode="expand")
    if end is None or end.end >= len(doc):
        return
    for token in doc[start + 1:end.end]:
        token.is_sent_start = False
    doc[end.end].is_sent_start = True


def config() -> Config:
    return Config().from_str(resources.files("extract").joinpath("pipeline.cfg").read_text("utf-8"))


@lru_cache(maxsize=None)
def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


# The settings that name gazetteers (lists of real bodies, posts, industries), as opposed to
# lexicons of words (cue verbs, name patterns, categories) that the rules are written in.
GAZETTEERS = ("gazetteer", "posts", "scheme")


def gazetteer_settings() -> dict[str, str]:
    """The overrides that run the pipeline without its gazetteers."""
    return {path: "" for path in list_settings() if path.rsplit(".", 1)[1] in GAZETTEERS}


def list_settings() -> dict[str, str]:
    """Every component setting that names a data file (gazetteer, patterns, posts, cues, ...),
    as "components.NAME.SETTING" -> "": the overrides that run the pipeline without its lists."""
    cfg = config()
    return {f"components.{name}.{key}": "" for name in cfg["pipeline"]["order"]
            for key, value in cfg["components"][name].items()
            if isinstance(value, str) and value.endswith((".json", ".jsonl", ".txt", ".csv"))}


def load(package: str | None = None, overrides: dict[str, object] | None = None) -> Language:
    """The full pipeline. ``overrides`` change component settings by dotted path, as spaCy's
    config overrides do ({"components.policykg_bodies.gazetteer": ""} runs without the
    gazetteer). Raises ModelMissing with the package to install when the model is absent."""
    return _load(package, tuple(sorted((overrides or {}).items())))


@lru_cache(maxsize=2)
def _load(package: str | None, overrides: tuple[tuple[str, object], ...]) -> Language:
    cfg = config()
    for path, value in overrides:
        section, name, key = path.split(".", 2)
        if section != "components" or name not in cfg["components"]:
            raise ValueError(f"no such setting: {path}")
        cfg["components"][name][key] = value
    package = package or cfg["model"]["package"]
    require_model(package)
    nlp = spacy.load(package)
    # Split "Xi.He" into "Xi", ".", "He" so that the glued sentence boundary can be seen.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[a-z])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for name in cfg["pipeline"]["order"]:
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        placement = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        nlp.add_pipe(factory, name=name, config=settings, **placement)
    return nlp
