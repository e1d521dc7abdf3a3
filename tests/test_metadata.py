from pathlib import Path

import pytest

from extract.metadata import read_metadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("name, title, published", [
    ("000_86099a2a7329305b.txt", "China to strengthen legal protection for future-oriented industries", "2024-04-25"),
    ("001_a7796d521b103633.txt", "Procuratorates in China Intensify IP Protection Through Specialized Case Handling", "2023-12-02"),
    ("002_e6b2fd43824966bb.txt", None, None),  # a caption's date and a copyright year never date it
    ("003_d56525ce0f4dcf33.txt", "China in Full Swing to Enhance IPR Protection", "2020-12-18"),
    ("004_2b0068bb60e0aea3.txt", "MIIT: reinforce IPR protection to drive emerging industries", None),
])
def test_seed_title_and_date(name, title, published):
    meta = read_metadata((SEEDS / name).read_text(encoding="utf-8"))
    assert (meta.title, meta.published) == (title, published)


def test_dateline_dates_the_document():
    text = "EU agrees chip subsidies\n\nBRUSSELS, March 3, 2025 (Reuters) - The European Commission said on Monday it would spend 2 billion euros on chips."
    assert read_metadata(text).published == "2025-03-03"
