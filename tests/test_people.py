from extract.pipeline import extract
from extract.readers import RawDocument


def officials(text, nlp):
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    names = {p.key: p.name for p in record.people}
    bodies = {b.key: b.name for b in record.bodies}
    return {(names[p.person], p.title, bodies.get(p.body)) for p in record.posts if p.public}, record


def test_posts_in_any_order(nlp):
    got, _ = officials(
        "At a briefing, Gong Ming, deputy procurator-general of the SPP, pledged to act.\n"
        "Director of the SPP's IPR Procuratorial Office, Liu Taizong, stated that cases rose.\n"
        "Chinese Premier Li Qiang presides over a session of the State Council.", nlp)
    assert got == {("Gong Ming", "deputy procurator-general", "Supreme People's Procuratorate"),
                   ("Liu Taizong", "director", "IPR Procuratorial Office"),
                   ("Li Qiang", "premier", "State Council")}


def test_eu_commissioner_and_a_person_without_post(nlp):
    got, record = officials("EU Commissioner Thierry Breton said the bloc will act. Analyst Maria Lopez disagreed.", nlp)
    assert ("Thierry Breton", "commissioner", "European Union") in got
    assert "Maria Lopez" not in {name for name, _, _ in got}


def test_surname_resolves_to_nearest_full_name(nlp):
    _, record = officials("Gong Ming, deputy procurator-general of the SPP, spoke. Gong said more.", nlp)
    (person,) = [p for p in record.people if p.name == "Gong Ming"]
    assert person.aliases == ["Gong"]


def test_portfolio_titles_find_their_ministry(nlp):
    got, _ = officials(
        "Japan's Ministry of Economy, Trade and Industry (METI) said on Tuesday it would act.\n"
        "Minister of Economy, Trade and Industry Ken Saito told a news conference that it will help.\n"
        "The Department of Health and Social Care said 160 centres would open.\n"
        "Health Secretary Victoria Atkins said the fall showed progress.", nlp)
    assert got == {("Ken Saito", "minister of economy, trade and industry", "Ministry of Economy, Trade and Industry"),
                   ("Victoria Atkins", "health secretary", "Department of Health and Social Care")}


def test_a_name_right_after_a_body_is_not_part_of_it(nlp):
    got, record = officials("Secretary of the Department of Pharmaceuticals Arunish Chawla said exports rose.", nlp)
    assert got == {("Arunish Chawla", "secretary", "Department of Pharmaceuticals")}
    assert [b.name for b in record.bodies] == ["Department of Pharmaceuticals"]


def test_posts_in_companies_and_associations_are_not_public(nlp):
    got, record = officials(
        "The grant goes to chipmaker Rapidus.\n"
        "Rapidus President Atsuyoshi Koike said the company aimed to start in 2025.\n"
        "Peter Vogel, chief economist at the European Chemical Industry Council, said plants would close.", nlp)
    assert got == set()
    assert {(p.title, p.public) for p in record.posts} == {("president", False), ("chief economist", False)}
    assert {b.name: b.kind for b in record.bodies} == {"Rapidus": "company", "European Chemical Industry Council": "other"}


def test_names_with_hyphens_particles_accents_and_a_pronoun_surname(nlp):
    got, record = officials(
        "Industry Minister Kim Sang-hoon said the plan is ready.\n"
        "Brazilian President Luiz Inácio Lula da Silva on Friday unveiled the budget.\n"
        "Chinese vice-premier He Lifeng has called for more loans.\n"
        "But Mr Chalmers said the budget was sound.", nlp)
    names = {name for name, _, _ in got}
    assert {"Kim Sang-hoon", "Luiz Inácio Lula da Silva", "He Lifeng"} <= names
    assert "Mr Chalmers" not in {p.name for p in record.people}


def test_a_post_a_country_qualifies_is_public(nlp):
    got, _ = officials("U.S. Trade Representative Jane Doyle said tariffs will stay.\n"
                       "European Commissioner for the Internal Market Pierre Lamy said on Monday that chips matter.", nlp)
    titles = {(name, title) for name, title, _ in got}
    assert ("Jane Doyle", "trade representative") in titles
    assert ("Pierre Lamy", "commissioner for the internal market") in titles


def test_a_post_known_only_from_the_description_that_follows(nlp):
    got, _ = officials("Britain will build more homes, Lisa Carter has said.\n"
                       "The UK housing secretary is now in talks with builders.", nlp)
    # no date: the department as it is named today
    assert ("Lisa Carter", "housing secretary", "Ministry of Housing, Communities and Local Government") in got


def test_the_body_a_post_implies_when_the_text_names_none(nlp):
    got, record = officials("Japan's industry minister, Kenji Mori, said on Sunday the aid would continue.\n"
                            "Prime Minister Taro Abe said the cabinet agreed.\n"
                            "Japanese exporters welcomed the plan in Tokyo.", nlp)
    assert ("Kenji Mori", "industry minister", "Ministry of Economy, Trade and Industry") in got
    assert ("Taro Abe", "prime minister", "Cabinet of Japan") in got
    implied = {b.name for b in record.bodies if not b.mentions}
    assert implied == {"Ministry of Economy, Trade and Industry", "Cabinet of Japan"}


def test_a_renamed_department_follows_the_publication_year(nlp):
    text = "LONDON, March 2 - British Business Secretary Ann Clarke said exports were rising."
    for published, body in (("2015-03-02", "Department for Business, Innovation and Skills"),
                            ("2019-03-02", "Department for Business, Energy and Industrial Strategy"),
                            ("2024-03-02", "Department for Business and Trade"), (None, "Department for Business and Trade")):
        record = extract(RawDocument("t.txt", "t.txt", text, "x", published=published), nlp)
        assert [(p.title, {b.key: b.name for b in record.bodies}.get(p.body)) for p in record.posts] == \
            [("british business secretary", body)], published


def test_abbreviated_posts_written_out_and_former_posts_not_public(nlp):
    got, _ = officials("Sen. Maria Ortiz (D-N.M.) said the bill would pass.\n"
                       "Gov. Tom Hale told reporters the state would sue.\n"
                       "Former Treasury Secretary Alan Pike warned that tariffs could raise prices.", nlp)
    titles = {(name, title) for name, title, _ in got}
    assert ("Maria Ortiz", "senator") in titles and ("Tom Hale", "governor") in titles
    assert "Alan Pike" not in {name for name, _, _ in got}


def test_a_governor_is_in_the_central_bank_the_text_speaks_of(nlp):
    got, _ = officials(
        "NAIROBI, Oct 8 - The Central Bank of Kenya on Tuesday cut its benchmark rate to 12 percent.\n"
        "Governor Kamau Thugge said the monetary policy committee had voted to ease.\n", nlp)
    described, _ = officials(
        "TOKYO - The Bank of Japan raised its policy rate to 0.5% on Friday.\n"
        "Governor Kazuo Ueda told a news conference that the central bank would raise rates again.\n", nlp)
    state, _ = officials("Governor Kathy Hochul said New York would build 800 homes.", nlp)
    assert got == {("Kamau Thugge", "governor", "Central Bank of Kenya")}
    assert described == {("Kazuo Ueda", "governor", "Bank of Japan")}
    assert state == {("Kathy Hochul", "governor", None)}


def test_a_body_in_what_a_titled_person_says_or_does_is_not_theirs(nlp):
    """"Chancellor X pledged £22bn for the NHS": the NHS is what she funds, the Treasury is hers;
    a minister's body is a ministry, not an agency of the field ("Financial Services Authority")."""
    got, _ = officials(
        "LONDON - Chancellor Rachel Reeves has pledged an extra £22bn for the NHS's day-to-day budget.\n"
        "Health Secretary Wes Streeting said waiting lists at the NHS would not fall overnight.\n", nlp)
    jakarta, _ = officials(
        "JAKARTA - Indonesia's Financial Services Authority said banks were sound.\n"
        "Finance Minister Sri Mulyani Indrawati said the deficit would stay below 3 percent of GDP.\n", nlp)
    assert got == {("Rachel Reeves", "chancellor", "HM Treasury"),
                   ("Wes Streeting", "health secretary", "Department of Health and Social Care")}
    assert jakarta == {("Sri Mulyani Indrawati", "finance minister", "Ministry of Finance")}


def test_a_post_s_body_is_of_the_text_s_country_not_another_country_s_of_that_name(nlp):
    _, record = officials("Finance Minister Nirmala Sitharaman said on Saturday that India's deficit would narrow. "
                          "Indian exports rose.", nlp)
    (post,) = record.posts
    (body,) = [b for b in record.bodies if b.key == post.body]
    assert (body.name, body.parent) == ("Ministry of Finance", None)  # not China's, under the State Council


def test_a_one_word_name_is_the_full_name_before_or_after_it(nlp):
    """A headline's surname ("Chalmers says ...") is the full name the body gives after it; a later
    surname is the full name before it."""
    text = ("Chalmers says inflation fight not yet won\n"
            "Published: 2025-02-18\n\n"
            "Treasurer Jim Chalmers said the fight against inflation in the Australian economy was not yet won.\n"
            "Chalmers added that relief had helped households.\n")
    got, record = officials(text, nlp)
    assert got == {("Jim Chalmers", "treasurer", "Department of the Treasury")}
    (person,) = record.people
    assert person.aliases == ["Chalmers"] and [m.text for m in person.mentions] == ["Chalmers", "Jim Chalmers", "Chalmers"]


def test_a_courtesy_title_between_the_post_and_the_name(nlp):
    got, _ = officials(
        "NAIROBI - Kenya will plant 2 million trees this year, Cabinet Secretary for Water and Sanitation "
        "Dr. Grace Achieng announced on Monday.\n"
        "Speaking at the same event, Principal Secretary for the State Department for Housing Mr. Tom Otieno "
        "urged counties to act.", nlp)
    assert got == {("Grace Achieng", "cabinet secretary for water and sanitation", "Ministry of Water and Sanitation"),
                   ("Tom Otieno", "principal secretary", "State Department for Housing")}


def test_a_plural_title_before_a_list_of_names(nlp):
    """Each name holds the post; a judge is in the court the text names; economists named after a
    company's name are the company's, not officials."""
    got, record = officials(
        "NEW DELHI - The Supreme Court on Friday upheld a fine on three cement makers.\n"
        "A bench of Justices Maria Fernandes and Rohan Mehta held that the firms had shared markets.\n"
        "UBS Group AG economists Tao Li and Mei Chen wrote in a note that prices would rise.", nlp)
    assert got == {("Maria Fernandes", "justice", "Supreme Court"), ("Rohan Mehta", "justice", "Supreme Court")}
    names = {p.key: p.name for p in record.people}
    assert {(names[p.person], p.title, p.public) for p in record.posts if not p.public} == \
        {("Tao Li", "economist", False), ("Mei Chen", "economist", False)}


def test_a_legislator_is_in_the_chamber_not_the_party(nlp):
    london, _ = officials("Labour MP Helen Foster told the House of Commons in London that water bills were too high.", nlp)
    cape_town, _ = officials("CAPE TOWN - Democratic Alliance (DA) MP Sipho Nkosi said the tariff would hurt households. "
                             "Parliament will debate it next week.", nlp)
    assert london == {("Helen Foster", "mp", "House of Commons")}
    assert cape_town == {("Sipho Nkosi", "mp", "Parliament")}


def test_a_ministry_named_after_the_portfolio_in_the_country_s_way(nlp):
    brasilia, record = officials("BRASILIA - Brazil will auction new power lines, the Minister of Mines and Energy, "
                                 "Paulo Ramos, said on Tuesday.", nlp)
    pretoria, _ = officials("PRETORIA - South Africa's Minister of Electricity and Energy Thabo Dube said load "
                            "shedding would end.", nlp)
    nowhere, _ = officials("The Minister of Mines and Energy, Paulo Ramos, said on Tuesday that lines would be built.", nlp)
    assert brasilia == {("Paulo Ramos", "minister of mines and energy", "Ministry of Mines and Energy")}
    assert [b.mentions for b in record.bodies] == [[]]  # implied, not named
    assert pretoria == {("Thabo Dube", "minister of electricity and energy", "Department of Electricity and Energy")}
    assert nowhere == {("Paulo Ramos", "minister of mines and energy", None)}  # no country, no way of naming


def test_the_body_a_sentence_describes_and_the_body_its_stands_for(nlp):
    got, record = officials(
        "Brazil's National Water Agency (Anawa) fined the utility on Tuesday. Anawa said the fine was a record.\n"
        "Director-general Luis Costa said the agency would tighten oversight.\n"
        "The Nickel Producers Association warned of layoffs. Its secretary-general, Ana Putri, said output had fallen.\n"
        "Piotr Kowal, chief economist at mBank, said the Monetary Policy Council was too cautious.", nlp)
    assert got == {("Luis Costa", "director-general", "National Water Agency")}
    names, bodies = {p.key: p.name for p in record.people}, {b.key: b.name for b in record.bodies}
    assert {(names[p.person], p.title, bodies.get(p.body)) for p in record.posts if not p.public} == \
        {("Ana Putri", "secretary-general", "Nickel Producers Association"), ("Piotr Kowal", "chief economist", "mBank")}


def test_a_name_after_a_portfolio_starts_after_the_bodys_words(nlp):
    # Vietnamese and Arabic names of three words after "Minister of <portfolio>": the name starts
    # after the last word that public bodies are named with, not at the shortest name with a post
    got, _ = officials(
        "Vietnam's Minister of Finance Dang Thi Lan said her ministry would submit a decree.\n"
        "Saudi Minister of Industry and Mineral Resources Khalid Al-Mutairi announced the round.", nlp)
    assert {(name, title) for name, title, _ in got} == {
        ("Dang Thi Lan", "minister of finance"),
        ("Khalid Al-Mutairi", "minister of industry and mineral resources")}


def test_speakers_superintendents_undersecretaries_and_mnas_are_officials(nlp):
    got, _ = officials(
        "The National Assembly passed the bill on Monday, Speaker Hamdy Mansour announced.\n"
        "Superintendent Ana Restrepo said the fines would rise.\n"
        "Undersecretary Luca Morandi stressed that the deadline remains.\n"
        "PPP MNA Aftab Hussain Shah said the party had voted for the bill.", nlp)
    assert {(name, title) for name, title, _ in got} == {
        ("Hamdy Mansour", "speaker"), ("Ana Restrepo", "superintendent"), ("Luca Morandi", "undersecretary"),
        ("Aftab Hussain Shah", "member of the national assembly")}
    assert {name: body for name, _, body in got}["Hamdy Mansour"] == "National Assembly"


def test_names_the_model_takes_for_an_organisation_or_a_place(nlp):
    got, record = officials(
        "Economy Minister Ignacio Bertone said the duty on soybean exports would fall.\n\n"
        "President Martín Ezcurra said in a radio interview that the cut would stay.\n"
        "The decree, agreed with the Minister of Economy and Finance, Marta Cavallari, follows the law.\n"
        "Not everyone agreed. Deputy Governor Per Sjöholm entered a reservation against the decision.\n\n"
        "Ignacio Bertone   Martín Ezcurra   Export duties   Soy   Agriculture", nlp)
    assert {(name, title) for name, title, _ in got} == {
        ("Ignacio Bertone", "economy minister"), ("Martín Ezcurra", "president"), ("Marta Cavallari", "minister of economy and finance"),
        ("Per Sjöholm", "deputy governor")}
    assert "Martín Ezcurra" not in {b.name for b in record.bodies}


def test_a_post_is_in_the_office_its_word_names(nlp):
    got, _ = officials(
        "The Superintendence of Industry and Commerce fined three airlines.\n"
        "Superintendent Andrés Felipe Moncada said at a press conference that the fines would stand.\n"
        "The European Commission imposed duties on plywood. \"We will act,\" said Jakub Novotný, "
        "Commissioner for Trade and Economic Security.", nlp)
    assert {(name, body) for name, _, body in got} == {
        ("Andrés Felipe Moncada", "Superintendence of Industry and Commerce"),
        ("Jakub Novotný", "European Commission")}


def test_a_country_after_a_post_is_its_field_not_its_body(nlp):
    got, _ = officials(
        "The Central Bank of Sri Lanka kept rates on hold. In Colombo, IMF Senior Mission Chief for "
        "Sri Lanka Ms. Laura Petrescu said the authorities had made progress.", nlp)
    assert {(name, body) for name, _, body in got} == {("Laura Petrescu", "International Monetary Fund")}


def test_a_lawyer_before_the_court_is_not_in_it(nlp):
    got, _ = officials(
        "The High Court heard the case. Deputy Attorney General Aminul Islam Chowdhury, who represented "
        "the state, told the court that kilns had been demolished.", nlp)
    assert got == {("Aminul Islam Chowdhury", "deputy attorney general", None)}


def test_a_deputy_governor_is_in_the_bank_not_its_board(nlp):
    got, _ = officials(
        "Sveriges Riksbank cut its policy rate. The Board of the Riksbank met on Tuesday.\n"
        "Not everyone on the board agreed. Deputy Governor Anna Lind entered a reservation, according to the bank.", nlp)
    assert got == {("Anna Lind", "deputy governor", "Sveriges Riksbank")}


def test_a_trade_representative_is_no_legislator(nlp):
    got, _ = officials(
        "The Senate passed the bill on Tuesday. U.S. Trade Representative Katherine Tai said the tariffs "
        "would stay.", nlp)
    assert got == {("Katherine Tai", "trade representative", "Office of the United States Trade Representative")}


def test_its_is_the_body_that_is_the_subject(nlp):
    _, record = officials(
        "The Geological Survey Agency has completed a survey of the Arabian Shield Commission area, its "
        "director Hussain Al-Otaibi told the forum.", nlp)
    bodies = {b.key: b.name for b in record.bodies}
    assert [(p.title, bodies.get(p.body)) for p in record.posts] == [("director", "Geological Survey Agency")]


def test_a_local_post_is_in_its_places_government(nlp):
    got, _ = officials(
        "For the visit to Japan, the Japanese minister was accompanied by Tsuyoshi Mitsuhashi, vice governor "
        "of Hokkaido, and Chitose Mayor Ryuichi Yokota.", nlp)
    assert got == {("Tsuyoshi Mitsuhashi", "vice governor", "Hokkaido Prefectural Government"),
                   ("Ryuichi Yokota", "mayor", "Chitose City Government")}
    got, _ = officials(
        "Oklahoma Attorney General Kevin Stroud, who led the challenge against the U.S. rule, said he would "
        "appeal to the U.S. Supreme Court.", nlp)
    assert got == {("Kevin Stroud", "attorney general", "Office of the Oklahoma Attorney General")}


def test_japans_chief_cabinet_secretary_heads_the_cabinet_secretariat(nlp):
    got, _ = officials("Japan's Chief Cabinet Secretary Hiroshi Kanda told reporters in Tokyo that the government would act.", nlp)
    assert got == {("Hiroshi Kanda", "chief cabinet secretary", "Cabinet Secretariat")}


def test_a_junior_minister_is_in_the_ministry_of_the_minister_before(nlp):
    got, _ = officials(
        "German Economy Minister Katherina Reiche said the subsidy would start in January. Her state secretary, "
        "Jens Oberhauser, added that companies must invest. Undersecretary Luca Morandi stressed the deadline.", nlp)
    ministry = "Federal Ministry for Economic Affairs and Climate Action"
    assert got == {("Katherina Reiche", "economy minister", ministry), ("Jens Oberhauser", "state secretary", ministry),
                   ("Luca Morandi", "undersecretary", ministry)}


def test_a_companys_chief_executive_after_a_place_is_not_an_official(nlp):
    got, record = officials("Infrastructure New Zealand chief executive Paula Heremaia welcomed the law.", nlp)
    assert got == set()
    assert [(p.title, p.public) for p in record.posts] == [("infrastructure chief executive", False)]


def test_a_post_for_a_portfolio_that_the_countrys_table_names_is_public(nlp):
    got, _ = officials(
        "The European Commission imposed duties on plywood from China. The EU said it would act. Executive "
        "Vice-President for Prosperity and Industrial Strategy Claire Moreau said the EU industry mattered.\n"
        "Acme Corp said sales rose. Vice President for Sales John Smith said the EU market grew.", nlp)
    assert got == {("Claire Moreau", "executive vice-president for prosperity and industrial strategy", "European Commission")}


def test_a_portfolio_post_in_a_text_about_another_country_is_in_the_body_named(nlp):
    got, _ = officials(
        "China's plywood exporters in Shandong and Jiangsu face duties. Chinese firms said China would respond.\n"
        "The European Commission imposed the duties on Monday.\n"
        "Executive Vice-President for Prosperity and Industrial Strategy Claire Moreau said the industry mattered.", nlp)
    assert got == {("Claire Moreau", "executive vice-president for prosperity and industrial strategy", "European Commission")}


def test_a_minister_of_states_ministry_is_named_from_the_portfolio_after_state(nlp):
    got, _ = officials("Pakistan's Minister of State for Finance and Revenue Fatima Gul said the bill would pass.", nlp)
    assert got == {("Fatima Gul", "minister of state for finance and revenue", "Ministry of Finance and Revenue")}
