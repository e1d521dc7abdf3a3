"""Figures and their periods, on small sentences written for these tests."""
import pytest

from extract.currencies import currencies
from extract.figures import parse_number
from extract.periods import published_date, time_expressions
from extract.pipeline import extract
from extract.readers import RawDocument


def figures(nlp, text, published=None):
    record = extract(RawDocument("t.txt", "t.txt", text, "x", published=published), nlp)
    for f in record.figures:
        assert text[f.span.start:f.span.end] == f.span.text
    return [(f.value, f.unit, f.approx, f.period) for f in record.figures]


@pytest.mark.parametrize("text, value", [
    ("600 million", 6e8), ("1.2 billion", 1.2e9), ("13,000", 13000), ("100 crore", 1e9), ("three", 3),
    ("$82.79 million", 82.79e6), ("2 lakh", 2e5), ("£30m", 3e7), ("€2bn", 2e9), ("69 bln", 6.9e10), ("1.5tn", 1.5e12),
])
def test_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("written, code", [
    ("A$", "AUD"), ("HK$", "HKD"), ("S$", "SGD"), ("R$", "BRL"), ("R", "ZAR"), ("₹", "INR"), ("Rs", "INR"),
    ("US$", "USD"), ("€", "EUR"), ("zł", "PLN"), ("₦", "NGN"), ("₩", "KRW"), ("BRL", "BRL"), ("USD", "USD"),
])
def test_currency_symbols_from_cldr(written, code):
    assert currencies().code(written, "") == code


@pytest.mark.parametrize("name, code", [
    ("yuan", "CNY"), ("won", "KRW"), ("rupiah", "IDR"), ("baht", "THB"), ("ringgit", "MYR"), ("naira", "NGN"),
    ("złoty", "PLN"), ("shekels", "ILS"), ("U.S. dollars", "USD"), ("Singapore dollars", "SGD"), ("euros", "EUR"),
])
def test_currency_names_from_cldr(name, code):
    assert currencies().code(name, "", name=True) == code


def test_money_in_many_currencies(nlp):
    text = ("Thailand set aside 12 billion baht for farmers, Malaysia 3.5 billion ringgit and Nigeria 800 billion naira. "
            "South Africa budgeted R45-billion, Brazil R$12 billion and the fund USD10m. "
            "India approved a Rs 1,200 crore scheme and ₹ 300 crore for roads.")
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [
        (12e9, "THB"), (3.5e9, "MYR"), (800e9, "NGN"), (45e9, "ZAR"), (12e9, "BRL"), (1e7, "USD"),
        (1.2e10, "INR"), (3e9, "INR")]


def test_per_cent_ranges_and_hedges(nlp):
    text = ("The agency expects emissions to fall 35 to 40 per cent, while prices rose nearly 9pc. "
            "Regulators fined the bank more than £40m and up to 5% of its turnover.")
    assert figures(nlp, text) == [(35.0, "percent", None, None), (40.0, "percent", None, None),
                                  (9.0, "percent", "under", None), (4e7, "GBP", "over", None),
                                  (5.0, "percent", "under", None)]


def test_currency_range_keeps_both_ends(nlp):
    assert [(v, u) for v, u, _, _ in figures(nlp, "The plant will cost $3-5bn to build.")] == [(3e9, "USD"), (5e9, "USD")]


def test_a_bare_dollar_is_the_outlets_own_where_the_text_says_so(nlp):
    text = "The Singapore government will spend S$1.2 billion on housing. Another $300 million goes to transport."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(1.2e9, "SGD"), (3e8, "SGD")]
    text = "Canberra pledged A$2 billion while Washington offered US$1 billion and $500 million more."
    assert [u for _, u, _, _ in figures(nlp, text)] == ["AUD", "USD", "USD"]


def test_currency_words_only_beside_numbers(nlp):
    text = "The party won 60 seats, and the users versus dollars debate went on among 25 senators."
    assert figures(nlp, text) == [(60.0, "seat", None, None), (25.0, "senator", None, None)]


def test_counts_with_their_nouns(nlp):
    text = ("Operators have built 450,000 5G base stations and hired about 9,000 health workers. "
            "At least 1.2 crore farmers and 14 Leopard tanks were counted, with 1.5m homes planned.")
    assert figures(nlp, text) == [(450000.0, "base station", None, None), (9000.0, "health worker", "about", None),
                                  (1.2e7, "farmer", "over", None), (14.0, "tank", None, None), (1.5e6, "home", None, None)]


def test_numbers_in_names_ranks_and_references_are_not_figures(nlp):
    text = ("The FTSE 100 fell as the iPhone 11 and 2-nanometre chips were shown at the G20 and COP28. "
            "The two sides met for the first two rounds, and the world's No. 2 economy grew. "
            "Xi spoke at the 25th session on the 14th Five-Year Plan for 2021 to 2025.")
    assert figures(nlp, text) == []


def test_durations_only_where_measured(nlp):
    text = ("The reform would allow a workweek of up to 64 hours, and life expectancy rose from 71.4 years to 76.5 years. "
            "Talks lasted for five years and patients waited in 15 minutes.")
    assert [(v, u, a) for v, u, a, _ in figures(nlp, text)] == [(64.0, "hour", "under"), (71.4, "year", None),
                                                                 (76.5, "year", None)]


def test_shares_written_as_words(nlp):
    text = "Exports make up a quarter of the economy and demand will exceed supply by one third."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(25.0, "percent"), (33.33, "percent")]


def test_a_restated_quantity_is_one_figure(nlp):
    text = ("Brussels to invest 40 billion euros in batteries\n\n"
            "The Commission will invest 40 billion euros in battery plants, officials said. "
            "\"We will put more than €40 billion on the table,\" the commissioner said.")
    assert figures(nlp, text) == [(4e10, "EUR", "over", None)]


def test_conversions_are_figures_of_their_own(nlp):
    text = ("Published: 2023-06-01\n\nThe ministry said it handled more than 4,500 cases last year, "
            "recovering 1.2 billion yuan ($170 million), a 12.5 percent rise from the previous year.")
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    got = [(f.value, f.unit, f.approx, f.period, f.span.text) for f in record.figures]
    assert got == [(4500.0, "case", "over", "2022", "4,500 cases"),
                   (1.2e9, "CNY", None, "2022", "1.2 billion yuan"),
                   (170e6, "USD", None, "2022", "$170 million"),
                   (12.5, "percent", None, "2022", "12.5 percent")]
    assert record.figures[2].equivalent_to == 1


def test_page_furniture_gives_no_figures(nlp):
    text = ("Markets\n  • Oil\n    -0.72 (-0.97%)\n\n"
            "The ministry said 3,000 firms applied for the grants, up 12 percent on the year before.\n"
            "Latest Stories\n- Flood claims 12 lives in the south\n- Ten tips for 2024\n")
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(3000.0, "firm"), (12.0, "percent")]


@pytest.mark.parametrize("sentence, period", [
    ("Exports rose 4 percent in 2023.", "2023"),
    ("Exports rose 4 percent last year.", "2023"),
    ("Exports rose 4 percent in the first half.", "2024"),
    ("Exports rose 4 percent in fiscal 2022.", "2022"),
    ("Exports rose 4 percent last month.", "2024"),
    ("The plan aims for 40 percent of sales by 2030.", "2030"),
    ("The plan spends 40 billion yuan over 2021-2025.", "2021-2025"),
    ("Health spending will reach R90-billion in 2025/26.", "2025-2026"),
    ("Exports grew 6 percent in the past three years.", "2021-2023"),
    ("Exports grew 6 percent in the past year.", "2023-2024"),
    ("Starting from 2025, the state will spend 50 billion yuan a year for three consecutive years.", "2025-2027"),
    ("Exports rose 5 percent from 2019.", None),
    ("Output rose 7 percent in March.", "2024"),
    ("Output rose 7 percent in November.", "2023"),
])
def test_periods_from_the_sentence(nlp, sentence, period):
    assert figures(nlp, sentence, published="2024-07-15")[0][3] == period


def test_a_fiscal_year_named_by_the_month_it_starts_is_a_span(nlp):
    """Fiscal years that do not start in January run over two calendar years: the one "starting"
    in a month is the next to open, the one that "began" in it the last."""
    expects = figures(nlp, "The BOJ expects core inflation to reach 2.4% in the fiscal year starting in April.",
                      published="2025-01-24")
    began = figures(nlp, "Tax revenue rose 8 percent in the financial year that began in July.", published="2024-10-08")
    assert [p for _, _, _, p in expects] == ["2025-2026"] and [p for _, _, _, p in began] == ["2024-2025"]


def test_a_month_only_or_malformed_date_never_crashes(nlp):
    assert figures(nlp, "Exports rose 4 percent last year.", published="2024-06")[0][3] == "2023"
    assert figures(nlp, "Exports rose 4 percent last year.", published="June 2024")[0][3] is None
    assert published_date("2024-13-40") is None and published_date(None) is None
    assert published_date("2024") is not None and published_date("2024-06-05T10:00:00Z").day == 5
    assert time_expressions("last year", None) == []


def test_the_day_of_the_report_dates_acts_not_plans(nlp):
    published = "2024-03-14"
    assert figures(nlp, "On Tuesday, customs officers seized 3,000 fake watches.", published)[0][3] == "2024"
    assert figures(nlp, "The cabinet on Tuesday approved a 900 million euro scheme for ports.", published)[0][3] is None
    assert figures(nlp, "The ministry said on Tuesday it would provide 300 billion yen in aid.", published)[0][3] is None
    assert figures(nlp, "Shares of steelmakers fell about 3 percent in early trading.", published)[0][3] == "2024-03-14"


def test_a_time_stays_with_its_own_figure(nlp):
    published = "2024-03-14"
    got = figures(nlp, "Japan's share fell to about 10 percent from roughly 50 percent in 1990.", published)
    assert [p for _, _, _, p in got] == [None, "1990"]
    got = figures(nlp, "The bloc will cut gas use by 10 percent by 2030 and to raise 200 billion euros for grids.", published)
    assert [p for _, _, _, p in got] == ["2030", None]
    got = figures(nlp, "Sales rose 8 percent to $12 billion in 2023.", published)
    assert [p for _, _, _, p in got] == ["2023", "2023"]


def test_a_past_report_goes_on_in_the_next_sentence(nlp):
    text = ("Published: 2024-02-01\n\nCourts heard 52,000 patent cases in 2023.\n"
            "The judges were involved in 1,900 appeals, the court said.\n"
            "About 300 firms are waiting for a ruling.")
    assert [p for _, _, _, p in figures(nlp, text)] == ["2023", "2023", None]


def test_model_numbers_and_glued_scales(nlp):
    text = "Boeing delivered 30 737 Max jets, some 2.3mn barrels a day were shipped and 10k people marched."
    assert figures(nlp, text) == [(30.0, "jet", None, None), (2.3e6, "barrel", "about", None), (1e4, "person", None, None)]


def test_yen_sign_is_yuan_only_where_the_text_says_yuan(nlp):
    assert [u for _, u, _, _ in figures(nlp, "Tokyo will spend ¥900 billion on Chinese-made parts.")] == ["JPY"]
    assert [u for _, u, _, _ in figures(nlp, "Beijing will spend ¥900 billion, or 900 billion yuan.")] == ["CNY"]


def test_indian_and_asian_amounts(nlp):
    text = ("The Centre set aside Rs 2.5 lakh crore, RM2.5 billion went to Penang and Jakarta spent Rp 5 trillion, "
            "while 1 in 5 graduates found work.")
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(2.5e12, "INR"), (2.5e9, "MYR"), (5e12, "IDR")]


def test_scores_ratios_levels_and_decades_are_not_counts(nlp):
    text = ("Chelsea won 3-1 and the bill passed 52-48, with a 50-50 split, 24/7 service and Level 4 rules "
            "through the 1990s; 85 percent of households got $1,400 cheques.")
    assert figures(nlp, text, published="2024-05-02") == [(85.0, "percent", None, None), (1400.0, "USD", None, None)]


def test_a_restatement_gives_the_headline_figure_its_period(nlp):
    text = ("Published: 2025-07-25\n\nChina allocates 69 bln yuan for trade-in program\n\n"
            "China has allocated 69 billion yuan this year for the trade-in program, the ministry said.")
    assert figures(nlp, text) == [(6.9e10, "CNY", None, "2025")]


def test_a_time_in_a_clause_about_another_noun(nlp):
    published = "2024-03-14"
    text = "Under the act, which aims to lift output to 20% by 2030, grants of more than €40 billion are planned."
    assert [p for _, _, _, p in figures(nlp, text, published)] == ["2030", None]
    text = "The amount of debts that cities must repay by 2028 will drop from 14 trillion yuan to 2 trillion yuan."
    assert [p for _, _, _, p in figures(nlp, text, published)] == ["2028", "2028"]


def test_an_action_to_do_something_reported_as_done(nlp):
    text = "On Friday, police organized an action to destroy 40 million yuan worth of fake goods in 12 provinces."
    assert [p for _, _, _, p in figures(nlp, text, "2021-04-25")] == ["2021", "2021"]


def test_more_than_is_a_hedge_not_a_comparison_base(nlp):
    text = ("Officials seized more than 2 million fake books and opened more than 900 cases "
            "between May 2023 and March this year.")
    assert [p for _, _, _, p in figures(nlp, text, "2024-04-26")] == ["2023-2024", "2023-2024"]


def test_outlet_dollar_from_the_country_the_text_names(nlp):
    text = ("OTTAWA — Canada's transport agency fined an airline $12 million on Monday, "
            "a penalty Canadian travellers had called for.")
    assert [u for _, u, _, _ in figures(nlp, text)] == ["CAD"]
    text = "Canada and the United States agreed on $5 billion of border spending, Canadian officials said."
    assert [u for _, u, _, _ in figures(nlp, text)] == ["USD"]


def test_more_written_forms(nlp):
    text = ("The regulator may impose a fine of up to three per cent of revenue, Manila set aside P50 million "
            "and Seoul will spend 4.6 tln won; households got an average of ¥9,000.")
    assert figures(nlp, text) == [(3.0, "percent", "under", None), (5e7, "PHP", None, None),
                                  (4.6e12, "KRW", None, None), (9000.0, "JPY", None, None)]


def test_rates_set_on_a_weekday_and_previous_levels_have_no_period(nlp):
    published = "2025-02-07"
    text = "The central bank on Friday cut its repo rate to 6.25% from 6.5%, and fined a lender 30 million rupees."
    assert [p for _, _, _, p in figures(nlp, text, published)] == [None, None, "2025"]
    text = "The rupee has weakened about 4 percent since September."
    assert [p for _, _, _, p in figures(nlp, text, published)] == [None]


def test_a_symbol_several_countries_write_is_the_texts_countrys(nlp):
    text = "Pakistan's National Assembly passed a budget of Rs17.57 trillion, with Rs1.1tr for subsidies."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(1.757e13, "PKR"), (1.1e12, "PKR")]
    text = "The Saudi ministry expects SR35 billion of investment in the mining sector."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(3.5e10, "SAR")]
    text = "Chile's court blocked the mine, a project worth some 180 billion pesos."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(1.8e11, "CLP")]


def test_local_symbols_cldr_does_not_list(nlp):
    text = ("The levy rose to Tk 9.6 crore, the farmgate price to GH¢3,700 a bag, the budget to LE 3.1 trillion, "
            "the fines to COP$4.5 billion and AR$860 billion, while the IMF released SDR 254 million "
            "and the bank sold 120 billion Turkish liras and 2,800 CFA francs.")
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [
        (9.6e7, "BDT"), (3700.0, "GHS"), (3.1e12, "EGP"), (4.5e9, "COP"), (8.6e11, "ARS"), (2.54e8, "XDR"),
        (1.2e11, "TRY"), (2800.0, "XOF")]


def test_a_glued_symbol_with_a_written_sum_is_money(nlp):
    text = "Pakistan raised the exemption threshold to Rs600,000 this year."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(600000.0, "PKR")]


def test_changes_of_a_rate_are_in_points(nlp):
    text = ("The central bank cut its policy rate by 250 basis points to 43.5%. Growth should rise by 1.5 to 2 "
            "percentage points. The Riksbank lowered its rate by a quarter of a percentage point.")
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [
        (250.0, "basis point"), (43.5, "percent"), (1.5, "percentage point"), (2.0, "percentage point"),
        (0.25, "percentage point")]


def test_shares_in_words_without_of_and_spans_of_time(nlp):
    text = "The EU has 196 measures in force, of which more than two thirds concern imports."
    assert (66.66, "percent", "over", None) in figures(nlp, text)
    text = "The firms ran a cartel over a quarter of a century."
    assert [u for _, u, _, _ in figures(nlp, text)] == []


def test_areas_and_volumes_keep_their_measure(nlp):
    text = "The licences cover some 4,700 sq. km and exports reached more than 1.2 million cubic metres."
    assert [(v, u) for v, u, _, _ in figures(nlp, text)] == [(4700.0, "square kilometre"), (1.2e6, "cubic metre")]
