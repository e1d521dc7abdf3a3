"""extract.post_bodies: the body a post belongs to where the text names none."""
from extract.nlp import load
from extract.post_bodies import document_country
from extract.lexicon import load_json


def posts(text: str, published: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
    nlp = load()
    doc = nlp.make_doc(text)
    doc._.pkg_published = published
    doc = nlp(doc)
    return sorted((p["person"], p["title"], p["body"], p.get("body_name")) for p in doc._.pkg_posts)


def test_a_countrys_post_gives_its_body():
    found = posts("Japanese Prime Minister Taro Yamada said on Monday the government would cut fuel taxes.")
    assert found == [("taro-yamada", "prime minister", "jp-cabinet", "Cabinet of Japan")]


def test_the_title_names_the_ministry():
    found = posts("BEIJING, May 3 (Xinhua) -- Minister of Water Resources Zhang Wei said the dams held.")
    assert found == [("zhang-wei", "minister of water resources", "cn-ministry-of-water-resources",
                      "Ministry of Water Resources")]


def test_renamed_departments_follow_the_publication_year():
    text = "LONDON, March 2 - British Business Secretary Ann Clarke said exports were rising."
    assert posts(text, "2015-03-02")[0][3] == "Department for Business, Innovation and Skills"
    assert posts(text, "2024-03-02")[0][3] == "Department for Business and Trade"


def test_a_named_body_is_kept():
    found = posts("Ana Souza, the director of the National Treasury, said revenue fell.")
    assert found == [("ana-souza", "director", "national-treasury", None)]
    found = posts("BEIJING, May 3 (Xinhua) -- Vice Minister of Commerce Li Fei said the Ministry of Commerce would act.")
    assert found == [("li-fei", "vice minister of commerce", "cn-mofcom", None)]


def test_the_document_country_comes_from_the_dateline_or_a_clear_majority():
    countries = load_json("post_bodies.json")["countries"]
    assert document_country("OTTAWA, June 4 (Reuters) - The U.S. and Canada agreed.", countries) == "CA"
    assert document_country("Kenyan farmers said Kenya's rains came late; Nairobi agreed.", countries) == "KE"
    assert document_country("China and Japan met. China, Japan.", countries) is None
