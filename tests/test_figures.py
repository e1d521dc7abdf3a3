import pytest

from extract.figures import parse_number
from extract.pipeline import extract
from extract.readers import RawDocument


@pytest.mark.parametrize("text, value", [
    ("600 million", 6e8), ("1.2 billion", 1.2e9), ("13,000", 13000), ("100 crore", 1e9), ("three", 3),
    ("$82.79 million", 82.79e6), ("2 lakh", 2e5),
])
def test_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_figures_of_a_sentence(nlp):
    text = ("Published: 2023-06-01\n\nThe ministry said it handled more than 4,500 cases last year, "
            "recovering 1.2 billion yuan ($170 million), a 12.5 percent rise from the previous year.")
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    got = [(f.value, f.unit, f.approx, f.period, f.span.text) for f in record.figures]
    assert got == [(4500.0, "case", "over", "2022", "4,500 cases"),
                   (1.2e9, "CNY", None, "2022", "1.2 billion yuan"),
                   (170e6, "USD", None, "2022", "$170 million"),
                   (12.5, "percent", None, "2022", "12.5 percent")]
    assert record.figures[2].equivalent_to == 1
    for f in record.figures:
        assert text[f.span.start:f.span.end] == f.span.text


def test_years_and_ordinals_are_not_figures(nlp):
    text = "Xi spoke at the 25th session on the 14th Five-Year Plan for 2021 to 2025."
    assert extract(RawDocument("t.txt", "t.txt", text, "x"), nlp).figures == []
