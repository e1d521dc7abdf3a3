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


def test_page_header_date_and_breadcrumb_are_cut_from_the_first_line():
    text = (" date 2022-03-09 Home / World News / Finance ministry raises fuel subsidy for farmers\n"
            "The finance ministry said on Tuesday it would raise the diesel subsidy for farmers by 12 percent.\n")
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Finance ministry raises fuel subsidy for farmers", "2022-03-09")
    assert meta.cut == {0: len(" date 2022-03-09 Home / World News / ")}


def test_a_month_alone_gives_year_and_month():
    text = " date 2023-07 The transport minister said the new rail line would open next spring.\n"
    meta = read_metadata(text)
    assert (meta.title, meta.published, meta.cut) == (None, "2023-07", {0: len(" date 2023-07 ")})


def test_published_line_outranks_updated_and_a_dateline_without_year_takes_the_header_year():
    text = ("Menu\nPorts authority approves dredging of the main channel\n"
            "Updated: Feb 3,2019 09:12 AM Published: Feb 2, 2019 06:40 PM\n"
            "ROTTERDAM, Feb. 1 (Xinhua) -- The ports authority said it approved the dredging on Friday.\n")
    assert read_metadata(text).published == "2019-02-02"
    text = (" date 2019-02-02 Ports authority approves dredging of the main channel\n\n"
            "ROTTERDAM, Feb. 1 (Xinhua) -- The ports authority said it approved the dredging on Friday.\n")
    assert read_metadata(text).published == "2019-02-01"


def test_a_dateline_without_year_and_nothing_else_gives_no_date():
    text = "ROTTERDAM, Feb. 1 (Xinhua) -- The ports authority said it approved the dredging on Friday.\n"
    assert read_metadata(text).published is None


def test_menus_tickers_bylines_and_captions_are_not_titles():
    text = ("Sign in to get alerts for this topic\nMarkets close in 2 hours 10 minutes\nBy Ana Souza\n"
            "Tue, May 7, 2024\nFILE PHOTO: A worker at a steel plant in Minas Gerais\n"
            "Brazil lifts import tariffs on steel for six months\n"
            "Brazil's trade ministry lifted import tariffs on steel products for six months, "
            "the ministry said on Monday, after prices rose sharply.\n")
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Brazil lifts import tariffs on steel for six months", "2024-05-07")
    assert meta.drop == {0, 1, 2, 3, 4}


def test_the_headline_comes_before_the_standfirst():
    text = ("Regulator fines lender over mis-sold insurance\n"
            "Watchdog says the lender failed thousands of customers who bought insurance they could not use\n"
            "The financial regulator said on Wednesday it had fined the lender 20 million pounds for "
            "selling insurance to customers who could not claim on it.\n")
    assert read_metadata(text).title == "Regulator fines lender over mis-sold insurance"


def test_day_first_numeric_dates_and_inflected_headline_words():
    text = ("Menu\nMinister cuts fuel taxes as prices ease\nPublished on 03/11/2024 - 18:30 By Ana Souza\n"
            "The finance minister said on Sunday the government had cut fuel taxes after prices eased in October.\n")
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Minister cuts fuel taxes as prices ease", "2024-11-03")
    assert read_metadata("Updated: 11/27/2024\n" + text.split("\n", 3)[3]).published == "2024-11-27"


BODY = ("The finance ministry said on Tuesday it would cut the fuel levy by 10 percent from next month "
        "to ease pressure on transport companies.")


@pytest.mark.parametrize("byline, published", [
    ("Jane Roe \u00b7 Example News \u00b7 Posted: Mar 04, 2024 9:15 AM ET | Last Updated: March 5, 2024", "2024-03-04"),
    ("The Daily Courier Online / 11:20 AM June 2, 2024", "2024-06-02"),
    ("Tom Reed, Transport Correspondent | Thursday, 6 June 2024 | 08:45", "2024-06-06"),
])
def test_a_byline_s_dated_part_dates_the_page(byline, published):
    text = f"Example News\n\nMinistry to cut fuel levy for transport companies\n\n{byline}\n\n{BODY}"
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Ministry to cut fuel levy for transport companies", published)


def test_a_source_line_s_time_stamp_gives_a_dateline_its_year():
    text = ("Ministry to cut fuel levy for transport companies\n\n"
            "Source: Xinhua | 2023-08-16 10:02:11 | Editor: Li Ming\n\n"
            "NANJING, Aug. 15 (Xinhua) -- " + BODY)
    assert read_metadata(text).published == "2023-08-15"


def test_a_menu_of_pipes_is_no_title():
    text = ("Example News\nFinance | Transport | Fuel | Levy\n\n"
            "Ministry to cut fuel levy for transport companies\n\n" + BODY)
    assert read_metadata(text).title == "Ministry to cut fuel levy for transport companies"


@pytest.mark.parametrize("stamp, published", [
    ("Posted Sat 9 Mar 2024 at 6:05am, updated Sat 9 Mar 2024 at 9:30am", "2024-03-09"),
    ("By Priya Nair, Mumbai | Updated: Mar 21, 2023 11:02 IST", "2023-03-21"),
    ("2022.04.01 (Fri) 08:00 JST", "2022-04-01"),
    ("By Ngozi Eze | Tuesday, 13th February 2024", "2024-02-13"),
    ("Published on 23/10/2023 - 17:05", "2023-10-23"),
    ("Last modified on Mon 6 Feb 2023 18.20 GMT", "2023-02-06"),
    ("Metro Desk | 2023-06-19 16:40:05", "2023-06-19"),
])
def test_time_stamps_of_many_layouts_date_the_page(stamp, published):
    text = f"Example News\nNews | Business | Sport\n\nMinistry to cut fuel levy for transport companies\n\n{stamp}\n\n{BODY}"
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Ministry to cut fuel levy for transport companies", published)


def test_numeric_day_month_order_follows_the_pages_evidence():
    head = "Ministry to cut fuel levy for transport companies\n"
    # another numeric date of the page with a part over 12 shows month first
    assert read_metadata(head + "Posted 04/05/2024 | Updated 04/15/2024 3:00 PM\n" + BODY).published == "2024-04-05"
    # the dateline's day agrees with one reading only
    text = head + "Published 03/04/2024 10:20 AM\nWASHINGTON, March 4 (Reuters) - " + BODY
    assert read_metadata(text).published == "2024-03-04"
    # nothing decides: day first, but any other date of the page outranks it
    assert read_metadata(head + "Published 03/04/2024\n" + BODY).published == "2024-04-03"
    assert read_metadata(" date 2024-03-04 " + head + "Published 03/04/2024\n" + BODY).published == "2024-03-04"


def test_a_caption_never_dates_the_page():
    text = ("Ministry to cut fuel levy for transport companies\n"
            "FILE - Trucks queue at a fuel depot in Durban on March 2, 2021. (AP Photo/Jane Roe)\n\n" + BODY)
    assert read_metadata(text).published is None


def test_a_masthead_above_the_menus_is_not_the_title():
    text = ("Ministry of Transport and Logistics\nHome > Media Centre > Press Statements\n\n"
            "Ministry to cut fuel levy for transport companies\n\n12 March 2024\n\n" + BODY)
    meta = read_metadata(text)
    assert (meta.title, meta.published) == ("Ministry to cut fuel levy for transport companies", "2024-03-12")
    # a headline in title case with no menu after it stays the title
    text = "Ministry to Cut Fuel Levy for Transport Companies\n\nBy Tom Reed\n\n" + BODY
    assert read_metadata(text).title == "Ministry to Cut Fuel Levy for Transport Companies"


WHEAT = ("The agriculture ministry said on Tuesday that it would raise the support price for wheat by 6 percent "
        "this season, the first rise in three years, after farmers protested outside its offices.\n")


def test_a_menu_of_spaced_links_is_no_title():
    # inline links leave runs of spaces between them in a page's text
    text = ("Daily Courier\nHome   Wheat   Farmers   Prices   Weather\n\n"
            "Ministry raises wheat support price by 6 percent\n\n" + WHEAT)
    assert read_metadata(text).title == "Ministry raises wheat support price by 6 percent"


def test_a_long_menu_may_hold_a_longer_item():
    text = ("Daily Courier\nWheat   Farmers   Prices   Ministry of Agriculture Support Desk   Weather\n\n"
            "Ministry raises wheat support price by 6 percent\n\n" + WHEAT)
    assert read_metadata(text).title == "Ministry raises wheat support price by 6 percent"


def test_a_byline_of_spaced_parts_dates_the_page():
    text = ("Ministry raises wheat support price by 6 percent\n\n"
            "Anna Farmer   Published March 4, 2025   Updated a day ago\n\n" + WHEAT)
    assert read_metadata(text).published == "2025-03-04"


def test_a_headline_ending_on_a_quoted_phrase_is_the_title():
    text = 'Ministry raises wheat support price to "protect farmers"\n\n' + WHEAT
    assert read_metadata(text).title == 'Ministry raises wheat support price to "protect farmers"'


def test_a_site_tagline_above_the_menus_is_not_the_title():
    text = ("The Courier\nWheat prices and farm policy news\nNews   Prices   Weather   Jobs\n\n"
            "Ministry raises wheat support price by 6 percent\n\n" + WHEAT)
    assert read_metadata(text).title == "Ministry raises wheat support price by 6 percent"


def test_a_masthead_named_in_another_language_is_not_the_title():
    body = WHEAT.replace("The agriculture ministry", "The Ministero delle Politiche Agricole e Forestali")
    text = ("Ministero delle Politiche Agricole e Forestali\nHome   Ministero   Temi   Contatti\n\n"
            "Ministry raises wheat support price by 6 percent\n\n" + body)
    assert read_metadata(text).title == "Ministry raises wheat support price by 6 percent"
