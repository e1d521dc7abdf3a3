"""extract.pipeline: one result per document, in order, whatever fails; long texts in parts."""
import spacy
from spacy.language import Language

from extract import pipeline
from extract.nlp import load
from extract.pipeline import extract_many
from extract.readers import RawDocument


def raw(key: str, text: str) -> RawDocument:
    return RawDocument(key, key + ".txt", text, key, "text")


@Language.component("test_boom")
def boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component failed")
    return doc


def test_a_failing_component_fails_only_its_document():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_boom")
    docs = [raw("a", "The minister said the plan works."), raw("b", "BOOM went the plan of the ministry."),
            raw("c", "The bank said rates will fall.")]
    results = [(r.key, type(x).__name__) for r, x in extract_many(docs, nlp, batch_size=3)]
    assert results == [("a", "DocumentRecord"), ("b", "RuntimeError"), ("c", "DocumentRecord")]


def test_a_long_text_is_read_in_parts_with_the_same_result(monkeypatch):
    regions = ("northern", "southern", "eastern", "western", "central", "coastal")
    text = "Exports rise again\n" + "".join(
        f"Finance Minister Ana Souza said on Monday that exports of the {region} region rose {i + 10} percent "
        f"to ${i}.5 billion in 2023.\n" for i, region in enumerate(regions, start=1))
    whole = next(extract_many([raw("w", text)], load()))[1]
    monkeypatch.setattr(pipeline, "PART_CHARS", 250)
    parts = next(extract_many([raw("p", text)], load()))[1]
    assert len(pipeline._parts(text, 250)) == 4
    assert [(f.value, f.unit, f.span.start) for f in parts.figures] == \
        [(f.value, f.unit, f.span.start) for f in whole.figures]
    assert [(c.speaker, c.sentence) for c in parts.claims] == [(c.speaker, c.sentence) for c in whole.claims]
    assert len(whole.figures) == 12


def test_a_text_over_a_million_characters_is_processed():
    text = "The minister said the plan works.\n" + (" " * 99 + "\n") * 10_100 + "The bank said rates will fall.\n"
    assert len(text) > 1_000_000
    (_, record), = extract_many([raw("big", text)], load())
    assert len(record.sentences) == 2


def test_parts_cut_after_line_breaks():
    assert pipeline._parts("aaa\nbbb\nccc\n", 8) == ["aaa\nbbb\n", "ccc\n"]
    assert pipeline._parts("aaaa bbbb", 6) == ["aaaa ", "bbbb"]
    assert pipeline._parts("abcdefgh", 3) == ["abc", "def", "gh"]
