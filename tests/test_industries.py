"""Industries: scheme concepts, ambiguous words only in industry context, sectors named by their
head, coordinated lists, categories. Sentences written for these tests."""
from extract.pipeline import extract
from extract.readers import RawDocument


def industries(text, nlp):
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    return {i.name for i in record.industries}, record


def test_scheme_terms_and_their_alt_labels(nlp):
    got, record = industries("Vietnam will offer tax breaks to chipmakers and makers of lithium-ion batteries.", nlp)
    assert got == {"semiconductors", "batteries"}
    assert {i.name: i.broader for i in record.industries}["batteries"] == ["electrical-equipment", "energy-storage"]


def test_ambiguous_words_need_an_industry_context(nlp):
    got, _ = industries("The minister said food prices and the health of the economy worried voters.", nlp)
    assert got == set()
    got, _ = industries("Officials seized fake food, drugs and cosmetics, and the tobacco industry was fined.", nlp)
    assert got == {"food", "pharmaceuticals", "cosmetics", "tobacco"}


def test_a_list_of_three_product_groups_is_a_list_of_industries(nlp):
    got, _ = industries("Customs data showed that clothing, tobacco and alcohol were the goods most smuggled.", nlp)
    assert got == {"clothing", "tobacco", "alcohol"}


def test_sectors_outside_the_scheme_are_named_by_their_head(nlp):
    got, record = industries("The plan covers the ferry industry and the downstream cobalt industry.", nlp)
    assert got == {"ferry industry", "downstream industry"}
    ferry = next(i for i in record.industries if i.name == "ferry industry")
    assert ferry.key == "sector/ferry-industry" and ferry.aliases == ["ferry"]


def test_a_shared_head_is_given_to_each_item_of_a_list(nlp):
    got, _ = industries("The budget protects the health, defence and education sectors.", nlp)
    assert got == {"healthcare", "defence industry", "education"}
    got, _ = industries("Inspectors checked agricultural and construction materials.", nlp)
    assert got == {"agricultural materials", "construction materials"}


def test_categories_umbrellas_and_names_of_bodies(nlp):
    got, _ = industries("The Ministry of Agriculture backs strategic emerging industries and related industries.", nlp)
    assert got == {"strategic emerging industries"}


def test_modifiers_menus_and_based_compounds_are_no_mentions(nlp):
    got, _ = industries("Sports\nFilm\nEnergy prices rose as the company built a solar-based plant.", nlp)
    assert got == set()


def test_a_shared_head_after_a_two_word_item_and_hyphenated_compounds(nlp):
    got, record = industries("Wage rises will hit the retail, restaurant and nursing care sectors hardest, economists said.", nlp)
    assert got == {"retail", "restaurant sector", "residential care"}
    assert {i.name: [m.text for m in i.mentions] for i in record.industries} == \
        {"retail": ["retail"], "restaurant sector": ["restaurant"], "residential care": ["nursing care sectors"]}
    got, record = industries("The law caps power prices for energy-intensive manufacturers, and more than 300 firms "
                             "in the low-altitude sector registered.", nlp)
    assert got == {"energy-intensive industries", "low-altitude economy"}
    assert {i.name: i.aliases for i in record.industries}["energy-intensive industries"] == ["energy-intensive manufacturers"]


def test_portfolios_and_qualities_are_no_industries_new_concepts_are(nlp):
    got, _ = industries("The Minister of Communications, Innovation and Digital Economy said the review would end soon.\n"
                        "The government wants a renewable energy-based and environmentally friendly industry.", nlp)
    assert got == set()
    got, _ = industries("Lower rates would support mortgage lending, the major supermarkets and the rental housing sector.", nlp)
    assert got == {"mortgage lending", "supermarkets", "rental housing"}


def test_portfolios_and_media_are_not_industries_and_a_share_of_gdp_is(nlp):
    got, _ = industries("The committee includes the ministers of economy, agriculture, health and energy. "
                        "The minister wrote on social media that the plan was fair.", nlp)
    assert got == set()
    got, _ = industries("Telecoms contributed about 14 per cent of gross domestic product last year, the regulator said.", nlp)
    assert got == {"telecommunications"}


def test_a_metal_is_an_industry_only_where_the_text_treats_it_as_one(nlp):
    got, _ = industries("The mine would produce some 150,000 tonnes of copper concentrate a year, the company said.", nlp)
    assert got == set()
    got, _ = industries("The government has also halted nickel exports to build a smelting base.", nlp)
    assert got == {"nickel"}


def test_sectors_by_their_plant_crop_or_product(nlp):
    got, _ = industries("The agency closed 40 brick kilns and told cocoa farming cooperatives and makers of PV modules "
                        "that civil engineering firms would get the contracts.", nlp)
    assert got == {"brick manufacturing", "cocoa", "solar power", "civil engineering"}
