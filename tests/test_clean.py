from extract.clean import boilerplate_rule, clean

SEED_LINES = {  # real lines from the seeds, and the rule that drops them
    "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use. You can change your cookie settings through your browser.": "cookie banner",
    "SITEMAP": "sitemap",
    "Copyright © 2024 CGTN. 京ICP备20000184号": "copyright footer",
    "Disinformation report hotline: 010-85061466": "hotline",
    "Read More:": "read more",
    "Check out our other content": "read more",
    "Most Popular Articles": "read more",
    "Recommended News": "read more",
    "IPR Photo:VCG": "photo credit",
    "Source:China IP News": "source line",
    "(Source:IPR in China)": "source line",
    "-0.1 C": "weather widget",
}


def test_seed_boilerplate_lines_are_named_by_their_rule():
    for line, rule in SEED_LINES.items():
        assert boilerplate_rule(line) == rule, line


def test_prose_is_kept():
    assert boilerplate_rule("Gong said that upcoming policies focus on future-oriented industries.") is None
    assert boilerplate_rule("People watch") is None


def test_offsets_map_back_into_the_original_text():
    text = "SITEMAP\nLi said the plan works. /Xinhua\nShare\nHe added more.\n"
    cleaned = clean(text)
    assert cleaned.text == "Li said the plan works.\nHe added more.\n"
    start = cleaned.text.index("He added")
    assert text[cleaned.offsets.start(start):cleaned.offsets.end(start + 8)] == "He added"
    for i, char in enumerate(cleaned.text):
        assert text[cleaned.offsets.start(i)] == char


def test_long_runs_of_punctuation_are_cut_to_their_start():
    text = "The minister said so. " + "(" * 500 + " The bank agreed.\n"
    cleaned = clean(text)
    assert cleaned.text == "The minister said so. " + "(" * 16 + " The bank agreed.\n"
    at = cleaned.text.index(" The bank")
    assert text[cleaned.offsets.start(at):].startswith(" The bank")


def test_related_headlines_and_tags_after_the_article_are_dropped():
    text = ("Menu\nRelated news\nTop story of the day\n\n"
            "The central bank cut its policy rate by half a point on Thursday, the governor said.\n\n"
            "Related News\nMinistry of Mines opens lithium licensing round\nCourt fines energy companies\n\n"
            "Tags: mining   Ministry of Mines\n"
            "The bank will meet again in March, its statement said.\n")
    cleaned = clean(text)
    # before the prose a heading is a menu entry like any other; after it, the list goes with its heading
    assert cleaned.text == ("Menu\nTop story of the day\n\n"
                            "The central bank cut its policy rate by half a point on Thursday, the governor said.\n\n"
                            "\n"
                            "The bank will meet again in March, its statement said.\n")
    assert [why for _, why in cleaned.dropped] == ["read more", "related headlines", "related headlines",
                                                   "related headlines", "tags"]
