"""Bodies: candidates from the gazetteer, name shapes and spaCy's ORG entities; credits and
furniture dropped; kinds, parents and aliases. Sentences written for these tests."""
import pytest

from extract.pipeline import extract
from extract.readers import RawDocument


def bodies(text, nlp):
    """The bodies the text names (not those a post implies, which have no mention)."""
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    names = {b.key: b.name for b in record.bodies}
    return {b.name: (b.kind, names.get(b.parent)) for b in record.bodies if b.mentions}, record


def test_entities_become_bodies_with_kinds_from_head_words_and_context(nlp):
    got, _ = bodies(
        "The Ghana Revenue Authority said on Monday that Kwarteng Mining Ltd. owed back taxes.\n"
        "Speaking to Radio Univers, the company's lawyer said it would appeal.\n", nlp)
    assert got == {"Ghana Revenue Authority": ("government", None), "Kwarteng Mining Ltd.": ("company", None),
                   "Radio Univers": ("media", None)}


def test_credits_bylines_and_furniture_are_not_bodies(nlp):
    got, _ = bodies(
        "By Ana Lima, Reuters\n"
        "BRASILIA, May 3 (Reuters) - Brazil's central bank raised rates, the Central Bank of Brazil said.\n"
        "[Photo/Xinhua]\n"
        "Source: Agencia Brasil\n"
        "Latest Stories\n", nlp)
    assert got == {"Central Bank of Brazil": ("government", None)}


def test_a_media_outlet_is_a_body_where_the_prose_cites_it(nlp):
    got, _ = bodies(
        "The minister told the BBC that the plan was fully funded.\n"
        "Reuters, the news and media division of Thomson Reuters, is the world's largest news provider.\n", nlp)
    assert got == {"BBC": ("media", None)}


def test_listed_companies_are_split(nlp):
    got, _ = bodies("The venture was set up by five firms \u2014 Kioxia, Denso, Toyota Motor, NEC and "
                    "Nippon Telegraph and Telephone.", nlp)
    assert got == {"Kioxia": ("company", None), "Denso": ("company", None), "Toyota Motor": ("company", None),
                   "NEC": ("company", None), "Nippon Telegraph and Telephone": ("company", None)}


def test_places_people_posts_and_events_tagged_org_are_not_bodies(nlp):
    got, _ = bodies(
        "Defence Minister Rui Alves spoke at the Lisbon Energy Summit in Porto.\n"
        "The Treaty of Lisbon was signed in 2007.\n", nlp)
    assert got == {}


def test_units_described_under_a_named_body_take_it_as_parent(nlp):
    got, _ = bodies(
        "Judge Ana Ruiz of the Supreme People's Court's intellectual property tribunal heard the case.\n"
        "The Kerala unit of the BJP held a rally, and the BJP parliamentary board met.\n", nlp)
    assert got == {"Supreme People's Court": ("court", None),
                   "Supreme People's Court's intellectual property tribunal": ("court", "Supreme People's Court"),
                   "Bharatiya Janata Party": ("party", None),
                   "Kerala unit of the BJP": ("party", "Bharatiya Janata Party"),
                   "BJP parliamentary board": ("party", "Bharatiya Janata Party")}


def test_parents_from_possessives_lists_and_the_ministry_s(nlp):
    got, _ = bodies(
        "The minister briefed Parliament's Standing Committee on Trade and Select Committee on Finance.\n"
        "The Ministry of Public Security said the ministry's Cybercrime Investigation Bureau made 300 arrests.\n",
        nlp)
    assert got == {"Parliament": ("legislature", None),
                   "Standing Committee on Trade": ("legislature", "Parliament"),
                   "Select Committee on Finance": ("legislature", "Parliament"),
                   "Ministry of Public Security": ("government", None),
                   "Cybercrime Investigation Bureau": ("government", "Ministry of Public Security")}


def test_acronyms_short_forms_and_descriptions_are_aliases(nlp):
    _, record = bodies(
        "The Energy Regulatory Commission (ERC) fined the utility. The Commission said the ERC acts fast.\n"
        "South Korea's industry ministry said exports rose.\n", nlp)
    found = {b.name: sorted(b.aliases) for b in record.bodies}
    assert found == {"Energy Regulatory Commission": ["Commission", "ERC"], "industry ministry": []}


def test_a_local_alias_needs_the_country(nlp):
    uk, _ = bodies("Labour is ahead in the polls, Britain's pollsters say.", nlp)
    elsewhere, _ = bodies("Labour costs rose in Vietnam last year.", nlp)
    assert uk == {"Labour Party": ("party", None)} and elsewhere == {}


@pytest.fixture(scope="module")
def bare_nlp():
    """The pipeline with the bodies gazetteer emptied, as the gazetteer-free benchmark runs it."""
    import spacy
    from extract.nlp import config
    cfg = config()
    nlp = spacy.load(cfg["model"]["package"])
    for name in cfg["pipeline"]["order"]:
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        placement = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        if factory == "policykg_bodies":
            settings["gazetteer"] = ""
        nlp.add_pipe(factory, name=name, config=settings, **placement)
    return nlp


def test_without_the_gazetteer_the_general_rules_still_find_bodies(bare_nlp):
    got, _ = bodies("The Federal Trade Commission sued Amazon on Tuesday, the FTC said.", bare_nlp)
    assert got == {"Federal Trade Commission": ("government", None), "Amazon": ("company", None)}


def test_a_bank_is_a_central_bank_by_evidence_not_by_the_shape_bank_of_x(bare_nlp):
    """"Bank of X" names commercial banks too (Bank of Baroda, Bank of America): only the name's
    words ("Reserve Bank"), the text's words for it or its governor make a bank government."""
    apposition, _ = bodies("The Bank of Thailand, the country's central bank, held its policy rate on Wednesday.\n"
                           "Analysts at Bank of Ayudhya said it would cut in June.\n", bare_nlp)
    by_place, _ = bodies("Mexico's central bank cut its key rate. The Bank of Mexico's board voted unanimously.",
                         bare_nlp)
    by_description, _ = bodies("The Bank of Ghana held rates. The central bank said inflation would ease.", bare_nlp)
    by_governor, _ = bodies("Ernest Addison, governor of the Bank of Ghana, said inflation would ease.", bare_nlp)
    by_name, _ = bodies("The Reserve Bank of Malawi raised rates.", bare_nlp)
    no_evidence, _ = bodies("Bank of Baroda raised its lending rate by 10 basis points.", bare_nlp)
    assert apposition == {"Bank of Thailand": ("government", None), "Bank of Ayudhya": ("company", None)}
    assert by_place == {"Bank of Mexico": ("government", None)}
    assert by_description == by_governor == {"Bank of Ghana": ("government", None)}
    assert by_name == {"Reserve Bank of Malawi": ("government", None)}
    assert no_evidence == {"Bank of Baroda": ("company", None)}


def test_a_post_between_a_body_and_a_person_ends_the_body_s_name(nlp):
    got, _ = bodies("Bank of Japan Deputy Governor Shinichi Uchida said rates would rise.\n"
                    "Ministry of Finance Secretary Ana Lopez said the deficit would narrow.\n"
                    "The Office of the President said it would act.\n", nlp)
    assert got == {"Bank of Japan": ("government", None), "Ministry of Finance": ("government", None),
                   "Office of the President": ("government", None)}


def test_names_whose_portfolio_runs_a_list_or_a_second_link_are_whole(nlp):
    got, _ = bodies(
        "Green MP Jonas Weber, a member of the Committee on Economic Affairs and Energy, said the aid came too late.\n"
        "Labour MP Ann Price, who sits on the Environment, Food and Rural Affairs Committee, asked for more.\n"
        "The U.S. Court of Appeals for the District of Columbia Circuit ruled on Friday.", nlp)
    assert got == {"Committee on Economic Affairs and Energy": ("government", None),
                   "Environment, Food and Rural Affairs Committee": ("government", None),
                   "U.S. Court of Appeals for the District of Columbia Circuit": ("court", None)}


def test_kinds_of_regulators_unions_chambers_and_statistics_offices(nlp):
    got, record = bodies(
        "The National Energy Regulator of South Africa (Nersa) approved the tariff. Nersa said costs had risen.\n"
        "The Nigeria Labour Congress threatened a strike, and the Chamber of Deputies passed the bill.\n"
        "Statistics Poland said inflation fell.", nlp)
    assert got == {"National Energy Regulator of South Africa": ("government", None),
                   "Nigeria Labour Congress": ("other", None), "Chamber of Deputies": ("legislature", None),
                   "Statistics Poland": ("government", None)}
    (nersa,) = [b for b in record.bodies if b.name.startswith("National Energy")]
    assert nersa.aliases == ["Nersa"] and len(nersa.mentions) == 3  # the short name in brackets, and its use


def test_a_context_that_shows_an_organisation_outweighs_what_ner_calls_it(nlp):
    got, _ = bodies(
        "Analysts at Kestrel Partners said in a note that prices could rise.\n"
        "\"Rates are doing the damage,\" said Marie Dubois, a senior economist at Desjardins.\n"
        "The water regulator Ofwat has ruled, and the ruling Morena party backed the bill.", nlp)
    assert got == {"Kestrel Partners": ("company", None), "Desjardins": ("company", None),
                   "Ofwat": ("government", None), "Morena": ("party", None)}


def test_menus_labels_buildings_amounts_and_common_noun_acronyms_are_not_bodies(nlp):
    got, _ = bodies(
        "Share this: Facebook | X | WhatsApp\n"
        "Notice: office hours during the holiday\n"
        "Speaking at Kilimo House in Nairobi, the minister said prices would rise from N11 to N16 per minute.\n"
        "Under the bill, the special tax on production and services (IEPS) will rise.", nlp)
    assert got == {}


def test_a_central_bank_s_policy_committee_is_under_it_and_shared_names_stay_local(nlp):
    warsaw, _ = bodies("WARSAW - The National Bank of Poland kept rates on hold. "
                       "The Monetary Policy Council said inflation was falling.", nlp)
    abuja, _ = bodies("ABUJA - The House of Representatives on Tuesday urged the regulator to suspend the increase.", nlp)
    assert warsaw == {"National Bank of Poland": ("government", None),
                      "Monetary Policy Council": ("government", "National Bank of Poland")}
    assert abuja == {"House of Representatives": ("legislature", None)}  # not the United States House


def test_a_headline_in_title_case_with_a_generic_acronym_is_no_body(nlp):
    got, _ = bodies("Procuratorates in China Intensify IP Protection Through Specialized Case Handling\n"
                    "Business Unity South Africa said the tariff would hurt manufacturers.\n", nlp)
    assert got == {"Business Unity South Africa": ("other", None)}


def test_a_short_form_merged_through_a_longer_one_names_the_longest(nlp):
    # "Bank" goes into "... Bank", which goes into "... Bank Group": every mention ends on the last
    text = ("TUNIS, June 3, 2025 - The Bank said on Tuesday that the Asian Infrastructure Investment Bank Group "
            "would lend $200 million to Nepal. The Asian Infrastructure Investment Bank said the money would fund roads.")
    record = extract(RawDocument("t", "t", text, "x"), nlp)
    assert [(b.name, sorted(b.aliases), [m.text for m in b.mentions]) for b in record.bodies] == [
        ("Asian Infrastructure Investment Bank Group", ["AIIB", "Asian Infrastructure Investment Bank", "Bank"],
         ["Bank", "Asian Infrastructure Investment Bank Group", "Asian Infrastructure Investment Bank"])]
