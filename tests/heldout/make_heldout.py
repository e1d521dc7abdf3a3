"""Writes the held-out set (docs/*.txt and gold/*.json) from the texts and annotations below.

The texts are short news-style paragraphs written for this set (not copied from any page);
events are modelled on real ones but wording, and some details, are invented. Gold follows
/work/shared/gold/SCHEMA.md. Run: python tests/heldout/make_heldout.py
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def O(name, title, body, aliases=()):
    return {"name": name, "aliases": list(aliases), "title": title, "body": body}


def B(name, kind, parent=None, aliases=()):
    return {"name": name, "aliases": list(aliases), "kind": kind, "parent": parent}


def F(text, value, unit, approx=None, period=None, measure="", subject=""):
    return {"text": text, "value": value, "unit": unit, "approx": approx,
            "measure": measure, "subject": subject, "period": period}


def C(speaker, cue, kind, sentence, date=None):
    return {"speaker": speaker, "cue": cue, "kind": kind, "sentence": sentence, "date": date}


DOCS = []

# ---------------------------------------------------------------- 01 Mexico, Reuters-style
DOCS.append(dict(
    doc="h01_mx_banxico_rate",
    text="""Mexico's central bank cuts key rate, signals more easing
Published: 2025-03-28 09:15 GMT

MEXICO CITY, March 27 (Reuters) - Mexico's central bank lowered its benchmark interest rate to 9.00% from 9.50% on Thursday and signalled it could make a similar cut at its next meeting.
The Bank of Mexico's board voted unanimously for the cut, the bank said in a statement.
Headline inflation slowed to 3.77% in the first half of March, close to the bank's 3% target.
Governor Victoria Rodriguez Ceja told reporters earlier this month that the bank would consider further reductions if inflation kept easing.
Finance Minister Edgar Amador said the government expected the economy to grow between 1.5% and 2.3% this year.
Analysts polled by Reuters had expected the cut.
""",
    title="Mexico's central bank cuts key rate, signals more easing",
    published="2025-03-28",
    officials=[O("Victoria Rodriguez Ceja", "governor", "Bank of Mexico", ["Rodriguez Ceja"]),
               O("Edgar Amador", "finance minister", "Secretariat of Finance and Public Credit", ["Amador"])],
    bodies=[B("Bank of Mexico", "government", None, ["Mexico's central bank", "Banxico"]),
            B("Reuters", "media")],
    industries=[],
    figures=[F("9.00%", 9.0, "percent", measure="benchmark interest rate", subject="Bank of Mexico"),
             F("9.50%", 9.5, "percent", measure="previous benchmark rate", subject="Bank of Mexico"),
             F("3.77%", 3.77, "percent", period="2025", measure="headline inflation", subject="Mexico"),
             F("3% target", 3, "percent", measure="inflation target", subject="Bank of Mexico"),
             F("1.5%", 1.5, "percent", period="2025", measure="growth forecast, low end", subject="Mexico"),
             F("2.3%", 2.3, "percent", period="2025", measure="growth forecast, high end", subject="Mexico")],
    claims=[C("Bank of Mexico", "signalled", "prediction",
              "MEXICO CITY, March 27 (Reuters) - Mexico's central bank lowered its benchmark interest rate to 9.00% from 9.50% on Thursday and signalled it could make a similar cut at its next meeting.",
              "2025-03-27"),
            C("Bank of Mexico", "said", "assertion",
              "The Bank of Mexico's board voted unanimously for the cut, the bank said in a statement."),
            C("Victoria Rodriguez Ceja", "told", "prediction",
              "Governor Victoria Rodriguez Ceja told reporters earlier this month that the bank would consider further reductions if inflation kept easing."),
            C("Edgar Amador", "said", "prediction",
              "Finance Minister Edgar Amador said the government expected the economy to grow between 1.5% and 2.3% this year.")],
    notes="Reuters is named in prose ('Analysts polled by Reuters'), so listed; the dateline credit is not a claim. 'Analysts' are generic: no claim. A month's figure has its year as period (SCHEMA: a period is YYYY, YYYY-MM-DD or a span; dev gold writes 'in August' as the year); it was YYYY-MM before.",
))

# ---------------------------------------------------------------- 02 Germany, header date
DOCS.append(dict(
    doc="h02_de_lindner_debt_brake",
    text=""" date 2024-09-12
Lindner rejects calls to loosen Germany's debt brake
German Finance Minister Christian Lindner on Wednesday rejected calls from the Social Democrats to suspend the constitutional debt brake for a fourth year.
"We cannot borrow our way out of a structural weakness," Lindner told the Bundestag during the budget debate.
The federal government plans to borrow 51.3 billion euros in 2025, up from 50.3 billion euros this year, according to the draft budget.
Bundesbank President Joachim Nagel warned that the economy could shrink again this year and said growth of just 0.2 percent was likely in 2025.
The Ifo Institute said its business climate index fell for a fourth month in a row in August.
Clemens Fuest, the institute's president, said companies were cutting investment because of high energy costs.
""",
    title="Lindner rejects calls to loosen Germany's debt brake",
    published="2024-09-12",
    officials=[O("Christian Lindner", "finance minister", "Federal Ministry of Finance", ["Lindner"]),
               O("Joachim Nagel", "president", "Deutsche Bundesbank", ["Nagel"])],
    not_officials=["Clemens Fuest"],
    bodies=[B("Social Democratic Party of Germany", "party", None, ["Social Democrats", "SPD"]),
            B("Bundestag", "legislature"),
            B("Deutsche Bundesbank", "government", None, ["Bundesbank"]),
            B("Ifo Institute", "other", None, ["Ifo"])],
    industries=[],
    figures=[F("51.3 billion euros", 51.3e9, "EUR", period="2025", measure="planned net borrowing", subject="German federal government"),
             F("50.3 billion euros", 50.3e9, "EUR", period="2024", measure="net borrowing", subject="German federal government"),
             F("0.2 percent", 0.2, "percent", period="2025", measure="growth forecast", subject="Germany")],
    claims=[C("Christian Lindner", "rejected", "assertion",
              "German Finance Minister Christian Lindner on Wednesday rejected calls from the Social Democrats to suspend the constitutional debt brake for a fourth year.",
              "2024-09-11"),
            C("Christian Lindner", "told", "assertion",
              "\"We cannot borrow our way out of a structural weakness,\" Lindner told the Bundestag during the budget debate."),
            C("Joachim Nagel", "warned", "prediction",
              "Bundesbank President Joachim Nagel warned that the economy could shrink again this year and said growth of just 0.2 percent was likely in 2025."),
            C("Ifo Institute", "said", "assertion",
              "The Ifo Institute said its business climate index fell for a fourth month in a row in August.")],
    notes="'according to the draft budget': a document, not a speaker. Fuest heads a private think tank: not an official, no claim.",
))

# ---------------------------------------------------------------- 03 India, TOI-style
DOCS.append(dict(
    doc="h03_in_rbi_repo_cut",
    text="""RBI cuts repo rate for the first time in nearly five years
TNN | Updated: Feb 7, 2025, 11:02 IST
MUMBAI: The Reserve Bank of India on Friday cut its repo rate to 6.25% from 6.5%, its first reduction since May 2020.
RBI governor Sanjay Malhotra told a press conference that the monetary policy committee had voted unanimously and that inflation was expected to align with the 4% target in 2025-26.
The central bank projected GDP growth of 6.7% for the next financial year.
Finance minister Nirmala Sitharaman welcomed the move, saying it would support consumption after the budget's income tax relief of Rs 1 lakh crore.
HDFC Bank chief executive Sashidhar Jagdishan said lenders would pass on the cut to borrowers quickly.
Banks currently hold surplus liquidity of about Rs 1.5 lakh crore, according to RBI data.
""",
    title="RBI cuts repo rate for the first time in nearly five years",
    published="2025-02-07",
    officials=[O("Sanjay Malhotra", "governor", "Reserve Bank of India", ["Malhotra"]),
               O("Nirmala Sitharaman", "finance minister", "Ministry of Finance", ["Sitharaman"])],
    not_officials=["Sashidhar Jagdishan"],
    bodies=[B("Reserve Bank of India", "government", None, ["RBI"]),
            B("Monetary Policy Committee", "government", "Reserve Bank of India", ["monetary policy committee", "MPC"]),
            B("HDFC Bank", "company")],
    industries=[],
    figures=[F("6.25%", 6.25, "percent", measure="repo rate", subject="Reserve Bank of India"),
             F("6.5%", 6.5, "percent", measure="previous repo rate", subject="Reserve Bank of India"),
             F("4% target", 4, "percent", measure="inflation target", subject="India", period="2025-2026"),
             F("6.7%", 6.7, "percent", period="2025-2026", measure="GDP growth projection", subject="India"),
             F("Rs 1 lakh crore", 1e12, "INR", measure="income tax relief", subject="India"),
             F("about Rs 1.5 lakh crore", 1.5e12, "INR", approx="about", measure="surplus liquidity", subject="banks")],
    claims=[C("Sanjay Malhotra", "told", "prediction",
              "RBI governor Sanjay Malhotra told a press conference that the monetary policy committee had voted unanimously and that inflation was expected to align with the 4% target in 2025-26."),
            C("Reserve Bank of India", "projected", "prediction",
              "The central bank projected GDP growth of 6.7% for the next financial year."),
            C("Nirmala Sitharaman", "welcomed", "assertion",
              "Finance minister Nirmala Sitharaman welcomed the move, saying it would support consumption after the budget's income tax relief of Rs 1 lakh crore."),
            C("Reserve Bank of India", "according to", "assertion",
              "Banks currently hold surplus liquidity of about Rs 1.5 lakh crore, according to RBI data.")],
    notes="TNN is a credit. 'Updated:' line dates the page. The HDFC chief executive is not an official and gives no claim.",
))

# ---------------------------------------------------------------- 04 Australia, ABC-style, bare $
DOCS.append(dict(
    doc="h04_au_rba_chalmers",
    text="""Chalmers says inflation fight 'not yet won' as RBA holds rates
By business reporter Jane Doherty
Posted Tue 5 Nov 2024 at 4:40pm
The Reserve Bank has left the cash rate on hold at 4.35 per cent for the eighth consecutive meeting.
In a statement, the RBA board said underlying inflation, at 3.5 per cent, was still too high and that it remained "resolute" in returning inflation to target.
Treasurer Jim Chalmers said the government's energy bill relief had taken pressure off household budgets, but warned that "the fight against inflation is not yet won".
The rebates, worth $300 per household, will cost the budget $3.5 billion over two years.
Greens leader Adam Bandt said the Reserve Bank should cut rates to help renters and mortgage holders.
Westpac chief economist Luci Ellis said she expected the first rate cut in February.
""",
    title="Chalmers says inflation fight 'not yet won' as RBA holds rates",
    published="2024-11-05",
    officials=[O("Jim Chalmers", "treasurer", "Department of the Treasury", ["Chalmers"]),
               O("Adam Bandt", "leader", "Australian Greens", ["Bandt"])],
    not_officials=["Luci Ellis", "Jane Doherty"],
    bodies=[B("Reserve Bank of Australia", "government", None, ["Reserve Bank", "RBA", "RBA board"]),
            B("Australian Greens", "party", None, ["Greens"]),
            B("Westpac", "company")],
    industries=[],
    figures=[F("4.35 per cent", 4.35, "percent", measure="cash rate", subject="Reserve Bank of Australia"),
             F("3.5 per cent", 3.5, "percent", measure="underlying inflation", subject="Australia"),
             F("$300 per household", 300, "AUD", measure="energy rebate per household", subject="Australian households"),
             F("$3.5 billion", 3.5e9, "AUD", measure="cost of rebates over two years", subject="Australian budget")],
    claims=[C("Reserve Bank of Australia", "said", "assertion",
              "In a statement, the RBA board said underlying inflation, at 3.5 per cent, was still too high and that it remained \"resolute\" in returning inflation to target."),
            C("Jim Chalmers", "said", "assertion",
              "Treasurer Jim Chalmers said the government's energy bill relief had taken pressure off household budgets, but warned that \"the fight against inflation is not yet won\"."),
            C("Adam Bandt", "said", "directive",
              "Greens leader Adam Bandt said the Reserve Bank should cut rates to help renters and mortgage holders.")],
    notes="'$' is AUD (Australian outlet, Australian budget). The board speaks for the bank. Luci Ellis (bank economist) gives no claim. The Treasurer's body is the most specific one his post is in (SCHEMA 'officials'), the Department of the Treasury, as dev gold gives ministers their departments; it was 'Australian Government' before.",
))

# ---------------------------------------------------------------- 05 Korea, Yonhap-style, no year
DOCS.append(dict(
    doc="h05_kr_chip_infrastructure",
    text="""S. Korea to spend 4.6 tln won on chip cluster infrastructure
SEOUL, Oct. 10 (Yonhap) -- South Korea will spend 4.6 trillion won (US$3.4 billion) over the next five years to build power grids and water pipes for semiconductor clusters, the industry ministry said Thursday.
The Ministry of Trade, Industry and Energy said the state-run Korea Electric Power Corp. would cover about 70 percent of the cost of the new grid.
"We will make sure that chipmakers do not have to wait for electricity," Industry Minister Ahn Duk-geun said during a meeting with business leaders.
Exports of semiconductors rose 37 percent on-year to $12.5 billion in September, according to ministry data.
Samsung Electronics said in a regulatory filing that it expected third-quarter operating profit of 9.1 trillion won.
Ahn added that the government would seek parliamentary approval for a special chips act by the end of the year.
""",
    title="S. Korea to spend 4.6 tln won on chip cluster infrastructure",
    published=None,
    officials=[O("Ahn Duk-geun", "industry minister", "Ministry of Trade, Industry and Energy", ["Ahn"])],
    bodies=[B("Ministry of Trade, Industry and Energy", "government", None, ["industry ministry", "MOTIE"]),
            B("Korea Electric Power Corp.", "company", None, ["Korea Electric Power Corp", "Korea Electric Power Corporation", "KEPCO"]),
            B("Samsung Electronics", "company", None, ["Samsung"])],
    industries=[{"name": "semiconductors", "aliases": ["semiconductor", "chips", "chip"]}],
    figures=[F("4.6 trillion won", 4.6e12, "KRW", measure="infrastructure spending for chip clusters", subject="South Korea"),
             F("US$3.4 billion", 3.4e9, "USD", measure="infrastructure spending (conversion)", subject="South Korea"),
             F("about 70 percent", 70, "percent", approx="about", measure="KEPCO share of grid cost", subject="Korea Electric Power Corp."),
             F("37 percent", 37, "percent", measure="chip export growth", subject="South Korea"),
             F("$12.5 billion", 12.5e9, "USD", measure="chip exports", subject="South Korea"),
             F("9.1 trillion won", 9.1e12, "KRW", measure="expected Q3 operating profit", subject="Samsung Electronics")],
    claims=[C("Ministry of Trade, Industry and Energy", "said", "commitment",
              "SEOUL, Oct. 10 (Yonhap) -- South Korea will spend 4.6 trillion won (US$3.4 billion) over the next five years to build power grids and water pipes for semiconductor clusters, the industry ministry said Thursday."),
            C("Ministry of Trade, Industry and Energy", "said", "commitment",
              "The Ministry of Trade, Industry and Energy said the state-run Korea Electric Power Corp. would cover about 70 percent of the cost of the new grid."),
            C("Ahn Duk-geun", "said", "commitment",
              "\"We will make sure that chipmakers do not have to wait for electricity,\" Industry Minister Ahn Duk-geun said during a meeting with business leaders."),
            C("Ministry of Trade, Industry and Energy", "according to", "assertion",
              "Exports of semiconductors rose 37 percent on-year to $12.5 billion in September, according to ministry data."),
            C("Samsung Electronics", "said", "prediction",
              "Samsung Electronics said in a regulatory filing that it expected third-quarter operating profit of 9.1 trillion won."),
            C("Ahn Duk-geun", "added", "commitment",
              "Ahn added that the government would seek parliamentary approval for a special chips act by the end of the year.")],
    notes="Dateline without a year: published null, claim dates null. Yonhap is a credit.",
))

# ---------------------------------------------------------------- 06 UK, BBC-style
DOCS.append(dict(
    doc="h06_uk_reeves_nhs",
    text="""Reeves pledges £22bn to cut NHS waiting lists
Published 30 October 2024
Chancellor Rachel Reeves has pledged an extra £22bn for the NHS's day-to-day budget over the next two years.
Speaking in the Commons on Wednesday, she said the money would fund 40,000 more operations a week.
The Office for Budget Responsibility (OBR) forecast that the economy would grow by 1.1% this year and 2% in 2025.
Health Secretary Wes Streeting said waiting lists, which stand at 7.6 million cases, would not fall overnight.
The British Medical Association said it welcomed the funding but urged ministers to address staff shortages.
""",
    title="Reeves pledges £22bn to cut NHS waiting lists",
    published="2024-10-30",
    officials=[O("Rachel Reeves", "chancellor", "HM Treasury", ["Reeves"]),
               O("Wes Streeting", "health secretary", "Department of Health and Social Care", ["Streeting"])],
    bodies=[B("National Health Service", "government", None, ["NHS"]),
            B("House of Commons", "legislature", None, ["Commons"]),
            B("Office for Budget Responsibility", "government", None, ["OBR"]),
            B("British Medical Association", "other", None, ["BMA"])],
    industries=[],
    figures=[F("£22bn", 22e9, "GBP", measure="extra day-to-day NHS funding over two years", subject="NHS"),
             F("40,000 more operations", 40000, "operation", measure="extra operations a week", subject="NHS"),
             F("1.1%", 1.1, "percent", period="2024", measure="growth forecast", subject="UK"),
             F("2%", 2, "percent", period="2025", measure="growth forecast", subject="UK"),
             F("7.6 million cases", 7.6e6, "case", measure="waiting list", subject="NHS")],
    claims=[C("Rachel Reeves", "pledged", "commitment",
              "Chancellor Rachel Reeves has pledged an extra £22bn for the NHS's day-to-day budget over the next two years."),
            C("Rachel Reeves", "said", "prediction",
              "Speaking in the Commons on Wednesday, she said the money would fund 40,000 more operations a week.",
              "2024-10-30"),
            C("Office for Budget Responsibility", "forecast", "prediction",
              "The Office for Budget Responsibility (OBR) forecast that the economy would grow by 1.1% this year and 2% in 2025."),
            C("Wes Streeting", "said", "prediction",
              "Health Secretary Wes Streeting said waiting lists, which stand at 7.6 million cases, would not fall overnight."),
            C("British Medical Association", "said", "assertion",
              "The British Medical Association said it welcomed the funding but urged ministers to address staff shortages.")],
    notes="The headline repeats the body's £22bn: one figure.",
))

# ---------------------------------------------------------------- 07 US, AP-style
DOCS.append(dict(
    doc="h07_us_powell_rates",
    text="""Powell says Fed in no hurry to cut rates as tariffs cloud outlook
By MARTIN CRUTSINGER
Updated 2:41 PM EDT, March 19, 2025
WASHINGTON (AP) — Federal Reserve Chair Jerome Powell said Wednesday that the central bank was in no hurry to cut its benchmark rate, which has stood at about 4.3% since December.
Speaking at a news conference after the Fed's two-day meeting, Powell noted that consumer prices rose 2.8% in the 12 months ending in February.
Fed officials projected that they would cut rates twice this year, the same outlook they gave in December.
Treasury Secretary Scott Bessent told CNBC that tariffs could bring in as much as $600 billion a year.
Sen. Elizabeth Warren, D-Mass., called on the Fed to lower borrowing costs to ease the burden on families.
The Congressional Budget Office estimated that the federal deficit would reach $1.9 trillion in the current fiscal year.
""",
    title="Powell says Fed in no hurry to cut rates as tariffs cloud outlook",
    published="2025-03-19",
    officials=[O("Jerome Powell", "chair", "Federal Reserve", ["Powell"]),
               O("Scott Bessent", "treasury secretary", "United States Department of the Treasury", ["Bessent"]),
               O("Elizabeth Warren", "senator", "United States Senate", ["Warren"])],
    not_officials=["Martin Crutsinger", "MARTIN CRUTSINGER"],
    bodies=[B("Federal Reserve", "government", None, ["Fed"]),
            B("CNBC", "media"),
            B("Congressional Budget Office", "government", None, ["CBO"])],
    industries=[],
    figures=[F("about 4.3%", 4.3, "percent", approx="about", measure="benchmark rate", subject="Federal Reserve"),
             F("2.8%", 2.8, "percent", measure="consumer price inflation over 12 months", subject="US"),
             F("as much as $600 billion", 600e9, "USD", approx="under", measure="tariff revenue a year", subject="US"),
             F("$1.9 trillion", 1.9e12, "USD", period="2025", measure="federal deficit", subject="US")],
    claims=[C("Jerome Powell", "said", "assertion",
              "WASHINGTON (AP) — Federal Reserve Chair Jerome Powell said Wednesday that the central bank was in no hurry to cut its benchmark rate, which has stood at about 4.3% since December.",
              "2025-03-19"),
            C("Jerome Powell", "noted", "assertion",
              "Speaking at a news conference after the Fed's two-day meeting, Powell noted that consumer prices rose 2.8% in the 12 months ending in February."),
            C("Federal Reserve", "projected", "prediction",
              "Fed officials projected that they would cut rates twice this year, the same outlook they gave in December."),
            C("Scott Bessent", "told", "prediction",
              "Treasury Secretary Scott Bessent told CNBC that tariffs could bring in as much as $600 billion a year."),
            C("Elizabeth Warren", "called on", "directive",
              "Sen. Elizabeth Warren, D-Mass., called on the Fed to lower borrowing costs to ease the burden on families."),
            C("Congressional Budget Office", "estimated", "prediction",
              "The Congressional Budget Office estimated that the federal deficit would reach $1.9 trillion in the current fiscal year.")],
    notes="'Fed officials' are unnamed members of a named body: the Fed speaks. AP in the dateline is a credit.",
))

# ---------------------------------------------------------------- 08 Brazil, Agencia Brasil-style
DOCS.append(dict(
    doc="h08_br_haddad_spending",
    text="""Haddad announces R$ 25.9 billion in spending cuts
Published on 07/11/2024 - 18:30 By Pedro Peduzzi - Reporter - Brasília
Finance Minister Fernando Haddad announced on Thursday that the government will cut R$ 25.9 billion from mandatory spending in next year's budget.
According to Haddad, the measures are needed to meet the target of a zero primary deficit in 2025.
The Brazilian Development Bank (BNDES) approved R$ 4.2 billion in loans for small businesses in October, the bank said in a statement.
Petrobras, the state-controlled oil company, said it plans to invest US$ 111 billion between 2025 and 2029.
Planning Minister Simone Tebet stressed that social programmes such as Bolsa Família would be protected.
The Central Bank of Brazil raised the Selic rate to 11.25% on Wednesday.
""",
    title="Haddad announces R$ 25.9 billion in spending cuts",
    published="2024-11-07",
    officials=[O("Fernando Haddad", "finance minister", "Ministry of Finance", ["Haddad"]),
               O("Simone Tebet", "planning minister", "Ministry of Planning and Budget", ["Tebet"])],
    not_officials=["Pedro Peduzzi"],
    bodies=[B("Brazilian Development Bank", "government", None, ["BNDES"]),
            B("Petrobras", "company"),
            B("Central Bank of Brazil", "government", None, ["Banco Central do Brasil"])],
    industries=[{"name": "oil", "aliases": ["oil and gas", "oil industry"]}],
    figures=[F("R$ 25.9 billion", 25.9e9, "BRL", period="2025", measure="cut to mandatory spending", subject="Brazil"),
             F("R$ 4.2 billion", 4.2e9, "BRL", period="2024", measure="loans approved for small businesses", subject="Brazilian Development Bank"),
             F("US$ 111 billion", 111e9, "USD", period="2025-2029", measure="planned investment", subject="Petrobras"),
             F("11.25%", 11.25, "percent", measure="Selic rate", subject="Central Bank of Brazil")],
    claims=[C("Fernando Haddad", "announced", "commitment",
              "Finance Minister Fernando Haddad announced on Thursday that the government will cut R$ 25.9 billion from mandatory spending in next year's budget.",
              "2024-11-07"),
            C("Fernando Haddad", "according to", "directive",
              "According to Haddad, the measures are needed to meet the target of a zero primary deficit in 2025."),
            C("Brazilian Development Bank", "said", "assertion",
              "The Brazilian Development Bank (BNDES) approved R$ 4.2 billion in loans for small businesses in October, the bank said in a statement."),
            C("Petrobras", "said", "commitment",
              "Petrobras, the state-controlled oil company, said it plans to invest US$ 111 billion between 2025 and 2029."),
            C("Simone Tebet", "stressed", "commitment",
              "Planning Minister Simone Tebet stressed that social programmes such as Bolsa Família would be protected.")],
    notes="Date written DD/MM/YYYY (Brazilian outlet): 7 November 2024, a Thursday. Bolsa Família is a programme, not a body. A month's figure has its year as period (SCHEMA: a period is YYYY, YYYY-MM-DD or a span; dev gold writes 'in August' as the year); it was YYYY-MM before.",
))

# ---------------------------------------------------------------- 09 Kenya
DOCS.append(dict(
    doc="h09_ke_cbk_rate",
    text="""CBK lowers benchmark rate to 12 percent as inflation eases
Published October 8, 2024
NAIROBI, Kenya, Oct 8 – The Central Bank of Kenya (CBK) on Tuesday cut its benchmark lending rate to 12 percent from 12.75 percent, citing easing inflation.
Governor Kamau Thugge said inflation had dropped to 3.6 percent in September, the lowest level since 2010.
"We expect inflation to remain below the mid-point of the target range in the near term," Thugge told journalists in Nairobi.
Treasury Cabinet Secretary John Mbadi said the government would borrow Sh410 billion from the domestic market in the current financial year.
The Kenya Bankers Association urged lenders to pass on the lower rate to borrowers.
Data from the Kenya Revenue Authority showed tax collections rose to Sh2.4 trillion in the year to June.
""",
    title="CBK lowers benchmark rate to 12 percent as inflation eases",
    published="2024-10-08",
    officials=[O("Kamau Thugge", "governor", "Central Bank of Kenya", ["Thugge"]),
               O("John Mbadi", "treasury cabinet secretary", "National Treasury", ["Mbadi"])],
    bodies=[B("Central Bank of Kenya", "government", None, ["CBK"]),
            B("Kenya Bankers Association", "other", None, ["KBA"]),
            B("Kenya Revenue Authority", "government", None, ["KRA"])],
    industries=[],
    figures=[F("12 percent", 12, "percent", measure="benchmark lending rate", subject="Central Bank of Kenya"),
             F("12.75 percent", 12.75, "percent", measure="previous benchmark rate", subject="Central Bank of Kenya"),
             F("3.6 percent", 3.6, "percent", period="2024", measure="inflation", subject="Kenya"),
             F("Sh410 billion", 410e9, "KES", measure="planned domestic borrowing", subject="Kenyan government"),
             F("Sh2.4 trillion", 2.4e12, "KES", measure="tax collections", subject="Kenya Revenue Authority")],
    claims=[C("Kamau Thugge", "said", "assertion",
              "Governor Kamau Thugge said inflation had dropped to 3.6 percent in September, the lowest level since 2010."),
            C("Kamau Thugge", "told", "prediction",
              "\"We expect inflation to remain below the mid-point of the target range in the near term,\" Thugge told journalists in Nairobi."),
            C("John Mbadi", "said", "commitment",
              "Treasury Cabinet Secretary John Mbadi said the government would borrow Sh410 billion from the domestic market in the current financial year."),
            C("Kenya Bankers Association", "urged", "directive",
              "The Kenya Bankers Association urged lenders to pass on the lower rate to borrowers."),
            C("Kenya Revenue Authority", "showed", "assertion",
              "Data from the Kenya Revenue Authority showed tax collections rose to Sh2.4 trillion in the year to June.")],
    notes="'citing easing inflation' gives no claim (cite reports a reason, not a statement). A month's figure has its year as period (SCHEMA: a period is YYYY, YYYY-MM-DD or a span; dev gold writes 'in August' as the year); it was YYYY-MM before.",
))

# ---------------------------------------------------------------- 10 EU, Euractiv-style
DOCS.append(dict(
    doc="h10_eu_dma_fines",
    text="""EU fines Apple and Meta a combined €700 million under digital rules
April 23, 2025 2:05 pm CET
By Jacob Wold | Euractiv
The European Commission on Wednesday fined Apple €500 million and Meta €200 million for breaching the Digital Markets Act, the first penalties under the law.
Teresa Ribera, the Commission's executive vice-president for competition, said the two companies had "implemented measures that reinforce the dependence of business users and consumers on their platforms".
Apple said it would appeal, accusing the Commission of "unfairly targeting" the company.
Meta's chief global affairs officer Joel Kaplan said the EU was trying to handicap successful American businesses.
French Digital Minister Clara Chappaz welcomed the decision and called for faster enforcement.
The fines amount to less than 0.1 percent of Apple's annual revenue, according to a Commission official.
""",
    title="EU fines Apple and Meta a combined €700 million under digital rules",
    published="2025-04-23",
    officials=[O("Teresa Ribera", "executive vice-president for competition", "European Commission", ["Ribera"]),
               O("Clara Chappaz", "digital minister", "Government of France", ["Chappaz"])],
    not_officials=["Joel Kaplan", "Jacob Wold"],
    bodies=[B("European Commission", "international", None, ["Commission"]),
            B("Apple", "company", None, ["Apple Inc."]),
            B("Meta", "company", None, ["Meta Platforms"]),
            B("European Union", "international", None, ["EU"])],
    industries=[],
    figures=[F("€700 million", 700e6, "EUR", measure="combined fines", subject="Apple and Meta"),
             F("€500 million", 500e6, "EUR", measure="fine", subject="Apple"),
             F("€200 million", 200e6, "EUR", measure="fine", subject="Meta"),
             F("less than 0.1 percent", 0.1, "percent", approx="under", measure="fines as share of revenue", subject="Apple")],
    claims=[C("Teresa Ribera", "said", "assertion",
              "Teresa Ribera, the Commission's executive vice-president for competition, said the two companies had \"implemented measures that reinforce the dependence of business users and consumers on their platforms\"."),
            C("Apple", "said", "commitment",
              "Apple said it would appeal, accusing the Commission of \"unfairly targeting\" the company."),
            C("Clara Chappaz", "called for", "directive",
              "French Digital Minister Clara Chappaz welcomed the decision and called for faster enforcement."),
            C("European Commission", "according to", "assertion",
              "The fines amount to less than 0.1 percent of Apple's annual revenue, according to a Commission official.")],
    notes="Kaplan is an executive, not a named spokesperson: no claim. Euractiv is a byline credit. Digital Markets Act is a law.",
))

# ---------------------------------------------------------------- 11 Japan
DOCS.append(dict(
    doc="h11_jp_boj_hike",
    text="""BOJ raises rates to highest level in 17 years
Jan 24, 2025
TOKYO – The Bank of Japan raised its short-term policy rate to 0.5% from 0.25% on Friday, saying wages and prices were rising in line with its forecasts.
Governor Kazuo Ueda told a news conference that the central bank would continue to raise rates if the economy performed as expected.
Economy minister Ryosei Akazawa said the government respected the central bank's decision.
The BOJ now expects core consumer inflation to reach 2.4% in the fiscal year starting in April, up from the 1.9% it projected in October.
Toyota Motor said separately that it would raise monthly pay for its 70,000 employees by an average of ¥9,000.
""",
    title="BOJ raises rates to highest level in 17 years",
    published="2025-01-24",
    officials=[O("Kazuo Ueda", "governor", "Bank of Japan", ["Ueda"]),
               O("Ryosei Akazawa", "economy minister", "Cabinet Office", ["Akazawa"])],
    bodies=[B("Bank of Japan", "government", None, ["BOJ", "BoJ"]),
            B("Toyota Motor", "company", None, ["Toyota"])],
    industries=[],
    figures=[F("0.5%", 0.5, "percent", measure="policy rate", subject="Bank of Japan"),
             F("0.25%", 0.25, "percent", measure="previous policy rate", subject="Bank of Japan"),
             F("2.4%", 2.4, "percent", period="2025-2026", measure="core inflation forecast", subject="Japan"),
             F("1.9%", 1.9, "percent", measure="earlier core inflation forecast", subject="Japan"),
             F("70,000 employees", 70000, "employee", measure="employees", subject="Toyota Motor"),
             F("an average of ¥9,000", 9000, "JPY", measure="monthly pay rise", subject="Toyota Motor")],
    claims=[C("Bank of Japan", "saying", "assertion",
              "TOKYO – The Bank of Japan raised its short-term policy rate to 0.5% from 0.25% on Friday, saying wages and prices were rising in line with its forecasts.",
              "2025-01-24"),
            C("Kazuo Ueda", "told", "commitment",
              "Governor Kazuo Ueda told a news conference that the central bank would continue to raise rates if the economy performed as expected."),
            C("Ryosei Akazawa", "said", "assertion",
              "Economy minister Ryosei Akazawa said the government respected the central bank's decision."),
            C("Bank of Japan", "expects", "prediction",
              "The BOJ now expects core consumer inflation to reach 2.4% in the fiscal year starting in April, up from the 1.9% it projected in October."),
            C("Toyota Motor", "said", "commitment",
              "Toyota Motor said separately that it would raise monthly pay for its 70,000 employees by an average of ¥9,000.")],
    notes="'17 years' is a duration. Page-header date.",
))

# ---------------------------------------------------------------- 12 China, Xinhua-style
DOCS.append(dict(
    doc="h12_cn_growth_target",
    text="""China targets around 5% growth, pledges more fiscal support
Source: Xinhua
Editor: Li Yan
2025-03-06 10:21:45

BEIJING -- China will keep its economic growth target at around 5 percent for 2025, Premier Li Qiang said on Wednesday while delivering the government work report at the opening of the annual session of the National People's Congress.
The government plans to issue 1.3 trillion yuan (about 181 billion U.S. dollars) of ultra-long special treasury bonds this year, Li said.
Zheng Shanjie, head of the National Development and Reform Commission, told a press conference on Thursday that the country would allocate 735 billion yuan in central budget investment.
The People's Bank of China will cut interest rates and the reserve requirement ratio at an appropriate time, central bank governor Pan Gongsheng said.
Consumer prices are expected to rise by around 2 percent this year, according to the NDRC.
Finance Minister Lan Fo'an vowed to make fiscal policy "more proactive" and to support new energy vehicles and artificial intelligence.
""",
    title="China targets around 5% growth, pledges more fiscal support",
    published="2025-03-06",
    officials=[O("Li Qiang", "premier", "State Council", ["Li"]),
               O("Zheng Shanjie", "head", "National Development and Reform Commission", ["Zheng"]),
               O("Pan Gongsheng", "governor", "People's Bank of China", ["Pan"]),
               O("Lan Fo'an", "finance minister", "Ministry of Finance", ["Lan"])],
    not_officials=["Li Yan"],
    bodies=[B("National People's Congress", "legislature", None, ["NPC"]),
            B("National Development and Reform Commission", "government", None, ["NDRC"]),
            B("People's Bank of China", "government", None, ["PBOC"])],
    industries=[{"name": "new energy vehicles", "aliases": ["NEV", "NEVs"]},
                {"name": "artificial intelligence", "aliases": ["AI"]}],
    figures=[F("around 5 percent", 5, "percent", approx="about", period="2025", measure="growth target", subject="China"),
             F("1.3 trillion yuan", 1.3e12, "CNY", period="2025", measure="ultra-long special treasury bonds", subject="China"),
             F("about 181 billion U.S. dollars", 181e9, "USD", approx="about", period="2025", measure="bonds (conversion)", subject="China"),
             F("735 billion yuan", 735e9, "CNY", measure="central budget investment", subject="China"),
             F("around 2 percent", 2, "percent", approx="about", period="2025", measure="expected CPI rise", subject="China")],
    claims=[C("Li Qiang", "said", "commitment",
              "BEIJING -- China will keep its economic growth target at around 5 percent for 2025, Premier Li Qiang said on Wednesday while delivering the government work report at the opening of the annual session of the National People's Congress.",
              "2025-03-05"),
            C("Li Qiang", "said", "commitment",
              "The government plans to issue 1.3 trillion yuan (about 181 billion U.S. dollars) of ultra-long special treasury bonds this year, Li said."),
            C("Zheng Shanjie", "told", "commitment",
              "Zheng Shanjie, head of the National Development and Reform Commission, told a press conference on Thursday that the country would allocate 735 billion yuan in central budget investment.",
              "2025-03-06"),
            C("Pan Gongsheng", "said", "commitment",
              "The People's Bank of China will cut interest rates and the reserve requirement ratio at an appropriate time, central bank governor Pan Gongsheng said."),
            C("National Development and Reform Commission", "according to", "prediction",
              "Consumer prices are expected to rise by around 2 percent this year, according to the NDRC."),
            C("Lan Fo'an", "vowed", "commitment",
              "Finance Minister Lan Fo'an vowed to make fiscal policy \"more proactive\" and to support new energy vehicles and artificial intelligence.")],
    notes="'Source:' and 'Editor:' lines are credits; the editor is not an official. Leading timestamp line is a page-header date.",
))

# ---------------------------------------------------------------- 13 Canada
DOCS.append(dict(
    doc="h13_ca_competition_google",
    text="""Competition Bureau sues Google over online ad tech
The Canadian Press
Posted: Nov 28, 2024 3:12 PM EST
OTTAWA — Canada's Competition Bureau is suing Google over its conduct in online advertising and is seeking a penalty of up to three per cent of the company's global revenue.
In an application filed with the Competition Tribunal on Thursday, the bureau said Google had abused its dominant position to protect its market power.
Commissioner of Competition Matthew Boswell said the conduct had raised costs for Canadian publishers and advertisers.
Google said in a statement that it would "vigorously defend" itself, arguing that the online advertising market was highly competitive.
Industry Minister François-Philippe Champagne told reporters the government supported the bureau's action.
Canadian news publishers lost about $250 million in advertising revenue last year, according to News Media Canada, an industry association.
""",
    title="Competition Bureau sues Google over online ad tech",
    published="2024-11-28",
    officials=[O("Matthew Boswell", "commissioner of competition", "Competition Bureau", ["Boswell"]),
               O("François-Philippe Champagne", "industry minister", "Innovation, Science and Economic Development Canada", ["Champagne"])],
    bodies=[B("Competition Bureau", "government", None, ["Canada's Competition Bureau", "Competition Bureau Canada"]),
            B("Competition Tribunal", "court"),
            B("Google", "company"),
            B("News Media Canada", "other")],
    industries=[{"name": "online advertising", "aliases": ["advertising", "ad tech"]}],
    figures=[F("up to three per cent", 3, "percent", approx="under", measure="penalty sought as share of global revenue", subject="Google"),
             F("about $250 million", 250e6, "CAD", approx="about", period="2023", measure="advertising revenue lost", subject="Canadian news publishers")],
    claims=[C("Competition Bureau", "said", "assertion",
              "In an application filed with the Competition Tribunal on Thursday, the bureau said Google had abused its dominant position to protect its market power.",
              "2024-11-28"),
            C("Matthew Boswell", "said", "assertion",
              "Commissioner of Competition Matthew Boswell said the conduct had raised costs for Canadian publishers and advertisers."),
            C("Google", "said", "commitment",
              "Google said in a statement that it would \"vigorously defend\" itself, arguing that the online advertising market was highly competitive."),
            C("François-Philippe Champagne", "told", "assertion",
              "Industry Minister François-Philippe Champagne told reporters the government supported the bureau's action."),
            C("News Media Canada", "according to", "assertion",
              "Canadian news publishers lost about $250 million in advertising revenue last year, according to News Media Canada, an industry association.")],
    notes="The Canadian Press line is a credit. '$' is CAD (Canadian outlet about Canadian publishers).",
))

# ---------------------------------------------------------------- 14 Philippines, health
DOCS.append(dict(
    doc="h14_ph_dengue",
    text="""DOH reports 56% rise in dengue cases
Published February 15, 2025 9:40am
By ANNA SANTOS, GMA Integrated News
MANILA – The Department of Health (DOH) on Friday said dengue cases nationwide rose 56% to 43,732 from January 1 to February 1, compared with the same period last year.
Health Secretary Teodoro Herbosa urged local governments to clean up mosquito breeding sites and warned that more outbreaks could be declared in the coming weeks.
At least 167 people have died of the disease this year, the department said.
Quezon City Mayor Joy Belmonte declared a dengue outbreak in the city on Saturday and set aside P50 million for mosquito control.
The World Health Organization said countries in the Western Pacific region had recorded more than 1.2 million cases in 2024.
""",
    title="DOH reports 56% rise in dengue cases",
    published="2025-02-15",
    officials=[O("Teodoro Herbosa", "health secretary", "Department of Health", ["Herbosa"]),
               O("Joy Belmonte", "mayor", "Quezon City Government", ["Belmonte"])],
    not_officials=["Anna Santos", "ANNA SANTOS"],
    bodies=[B("Department of Health", "government", None, ["DOH"]),
            B("World Health Organization", "international", None, ["WHO"])],
    industries=[],
    figures=[F("56%", 56, "percent", period="2025", measure="rise in dengue cases", subject="Philippines"),
             F("43,732", 43732, "case", period="2025", measure="dengue cases", subject="Philippines"),
             F("At least 167 people", 167, "person", approx="over", period="2025", measure="dengue deaths", subject="Philippines"),
             F("P50 million", 50e6, "PHP", measure="mosquito control funds", subject="Quezon City"),
             F("more than 1.2 million cases", 1.2e6, "case", approx="over", period="2024", measure="dengue cases", subject="Western Pacific region")],
    claims=[C("Department of Health", "said", "assertion",
              "MANILA – The Department of Health (DOH) on Friday said dengue cases nationwide rose 56% to 43,732 from January 1 to February 1, compared with the same period last year.",
              "2025-02-14"),
            C("Teodoro Herbosa", "urged", "directive",
              "Health Secretary Teodoro Herbosa urged local governments to clean up mosquito breeding sites and warned that more outbreaks could be declared in the coming weeks."),
            C("Department of Health", "said", "assertion",
              "At least 167 people have died of the disease this year, the department said."),
            C("World Health Organization", "said", "assertion",
              "The World Health Organization said countries in the Western Pacific region had recorded more than 1.2 million cases in 2024.")],
    notes="'declared a dengue outbreak' is an act with a noun-phrase object: no claim. The 56% in the headline is the body's figure.",
))

# ---------------------------------------------------------------- 15 Indonesia, web page with furniture
DOCS.append(dict(
    doc="h15_id_rupiah_page",
    text="""Home
News
Business
Tech
Lifestyle
Opinion
Search
Bank Indonesia Holds Rate at 6 Percent to Support Rupiah
Business | Tuesday, 17 December 2024 | 15:42 WIB
Jakarta. Bank Indonesia kept its benchmark BI-Rate at 6 percent on Tuesday, saying it wanted to keep the rupiah stable as the US dollar strengthened.
Governor Perry Warjiyo told a news conference that the central bank would keep intervening in the currency market "to ensure stability".
The rupiah has weakened about 4 percent against the dollar since September, trading at Rp 16,100 on Tuesday.
Read Also: OJK Tightens Rules for Online Lenders
Finance Minister Sri Mulyani Indrawati said the state budget deficit would stay below 3 percent of GDP next year, as required by law.
The Financial Services Authority (OJK) said bank lending grew 10.9 percent in November from a year earlier.
Nickel producer PT Vale Indonesia said it would spend Rp 2 trillion on a new smelter in Sulawesi.
Tags: bank indonesia rupiah interest rate
Share
Facebook
Twitter
WhatsApp
Copyright © 2024 Jakarta Globe. All rights reserved.
""",
    title="Bank Indonesia Holds Rate at 6 Percent to Support Rupiah",
    published="2024-12-17",
    officials=[O("Perry Warjiyo", "governor", "Bank Indonesia", ["Warjiyo"]),
               O("Sri Mulyani Indrawati", "finance minister", "Ministry of Finance", ["Sri Mulyani", "Indrawati"])],
    bodies=[B("Bank Indonesia", "government", None, ["BI"]),
            B("Financial Services Authority", "government", None, ["OJK", "Otoritas Jasa Keuangan"]),
            B("PT Vale Indonesia", "company", None, ["Vale Indonesia"])],
    industries=[{"name": "nickel", "aliases": ["nickel mining", "nickel industry"]}],
    figures=[F("6 percent", 6, "percent", measure="BI-Rate", subject="Bank Indonesia"),
             F("about 4 percent", 4, "percent", approx="about", measure="rupiah depreciation since September", subject="rupiah"),
             F("Rp 16,100", 16100, "IDR", measure="rupiah per dollar", subject="rupiah"),
             F("below 3 percent", 3, "percent", approx="under", period="2025", measure="budget deficit ceiling", subject="Indonesia"),
             F("10.9 percent", 10.9, "percent", period="2024", measure="bank lending growth", subject="Indonesia"),
             F("Rp 2 trillion", 2e12, "IDR", measure="smelter investment", subject="PT Vale Indonesia")],
    claims=[C("Bank Indonesia", "saying", "assertion",
              "Jakarta. Bank Indonesia kept its benchmark BI-Rate at 6 percent on Tuesday, saying it wanted to keep the rupiah stable as the US dollar strengthened.",
              "2024-12-17"),
            C("Perry Warjiyo", "told", "commitment",
              "Governor Perry Warjiyo told a news conference that the central bank would keep intervening in the currency market \"to ensure stability\"."),
            C("Sri Mulyani Indrawati", "said", "prediction",
              "Finance Minister Sri Mulyani Indrawati said the state budget deficit would stay below 3 percent of GDP next year, as required by law."),
            C("Financial Services Authority", "said", "assertion",
              "The Financial Services Authority (OJK) said bank lending grew 10.9 percent in November from a year earlier."),
            C("PT Vale Indonesia", "said", "commitment",
              "Nickel producer PT Vale Indonesia said it would spend Rp 2 trillion on a new smelter in Sulawesi.")],
    notes="Navigation, 'Read Also:' related headline, tags, share buttons and the copyright footer are furniture. The Rp 16,100 exchange rate is a money figure. A month's figure has its year as period (SCHEMA: a period is YYYY, YYYY-MM-DD or a span; dev gold writes 'in August' as the year); it was YYYY-MM before.",
))

# ---------------------------------------------------------------- 16 South Africa, web page with furniture
DOCS.append(dict(
    doc="h16_za_sarb_page",
    text="""Advertisement
Listen to this article
00:00 / 03:12
SARB cuts repo rate by 25 basis points, warns of risks from US tariffs
Sipho Mabena
Published 29 May 2025
The South African Reserve Bank (SARB) on Thursday lowered its repo rate to 7.25%, the first cut since January.
Governor Lesetja Kganyago said the monetary policy committee had voted unanimously for the reduction, but cautioned that global trade tensions posed a risk to the outlook.
The bank now expects inflation to average 3.2% this year, down from its previous forecast of 3.6%.
Deputy Finance Minister David Masondo said the Treasury would table a revised budget that raised R28 billion less in VAT than planned.
Eskom, the state power utility, said it had cut its debt by R40 billion over the past two years.
Economists at Investec said they expected one more cut before the end of the year.
Advertisement
RELATED
Rand firms after rate decision
Petrol price to drop in June
""",
    title="SARB cuts repo rate by 25 basis points, warns of risks from US tariffs",
    published="2025-05-29",
    officials=[O("Lesetja Kganyago", "governor", "South African Reserve Bank", ["Kganyago"]),
               O("David Masondo", "deputy finance minister", "National Treasury", ["Masondo"])],
    not_officials=["Sipho Mabena"],
    bodies=[B("South African Reserve Bank", "government", None, ["SARB", "Reserve Bank"]),
            B("Monetary Policy Committee", "government", "South African Reserve Bank", ["monetary policy committee", "MPC"]),
            B("National Treasury", "government", None, ["Treasury"]),
            B("Eskom", "company"),
            B("Investec", "company")],
    industries=[],
    figures=[F("7.25%", 7.25, "percent", measure="repo rate", subject="South African Reserve Bank"),
             F("3.2%", 3.2, "percent", period="2025", measure="inflation forecast", subject="South Africa"),
             F("3.6%", 3.6, "percent", period="2025", measure="previous inflation forecast", subject="South Africa"),
             F("R28 billion", 28e9, "ZAR", measure="VAT revenue forgone", subject="National Treasury"),
             F("R40 billion", 40e9, "ZAR", measure="debt reduction over two years", subject="Eskom")],
    claims=[C("Lesetja Kganyago", "said", "assertion",
              "Governor Lesetja Kganyago said the monetary policy committee had voted unanimously for the reduction, but cautioned that global trade tensions posed a risk to the outlook."),
            C("South African Reserve Bank", "expects", "prediction",
              "The bank now expects inflation to average 3.2% this year, down from its previous forecast of 3.6%."),
            C("David Masondo", "said", "commitment",
              "Deputy Finance Minister David Masondo said the Treasury would table a revised budget that raised R28 billion less in VAT than planned."),
            C("Eskom", "said", "assertion",
              "Eskom, the state power utility, said it had cut its debt by R40 billion over the past two years."),
            C("Investec", "said", "prediction",
              "Economists at Investec said they expected one more cut before the end of the year.")],
    notes="'25 basis points' in the headline is not repeated in the body; the SCHEMA has no basis-point unit, so it is left out. Audio-player line, 'Advertisement' and the RELATED headlines are furniture. 'Economists at Investec' are unnamed members of a named body: Investec speaks.",
))

# ---------------------------------------------------------------- 17 Singapore, web page with furniture
DOCS.append(dict(
    doc="h17_sg_mas_page",
    text="""Singapore
Asia
World
Opinion
Life
Business
Tech
Sport
Videos
Podcasts
Multimedia
MAS eases monetary policy for second time this year
Updated Apr 14, 2025, 09:58 AM
Published Apr 14, 2025, 08:05 AM
SINGAPORE – The Monetary Authority of Singapore (MAS) eased monetary policy on April 14, citing a weaker outlook for global trade.
The central bank said it would slightly reduce the rate of appreciation of the Singapore dollar's policy band.
Deputy Prime Minister Gan Kim Yong said the Government would set aside $4 billion to help companies and workers cope with higher US tariffs.
The Ministry of Trade and Industry (MTI) cut its growth forecast for 2025 to between 0 and 2 per cent.
DBS Group chief economist Taimur Baig said the economy could slip into a technical recession.
Some 2,600 firms have applied for the Enterprise Financing Scheme since January, according to Enterprise Singapore.
Join ST's WhatsApp Channel and get the latest news and must-reads.
""",
    title="MAS eases monetary policy for second time this year",
    published="2025-04-14",
    officials=[O("Gan Kim Yong", "deputy prime minister", "Cabinet of Singapore", ["Gan"])],
    not_officials=["Taimur Baig"],
    bodies=[B("Monetary Authority of Singapore", "government", None, ["MAS"]),
            B("Ministry of Trade and Industry", "government", None, ["MTI"]),
            B("DBS Group", "company", None, ["DBS"]),
            B("Enterprise Singapore", "government")],
    industries=[],
    figures=[F("$4 billion", 4e9, "SGD", measure="support package for tariffs", subject="Singapore"),
             F("2 per cent", 2, "percent", period="2025", measure="growth forecast, high end", subject="Singapore"),
             F("Some 2,600 firms", 2600, "firm", approx="about", measure="applications to the Enterprise Financing Scheme", subject="Singapore")],
    claims=[C("Monetary Authority of Singapore", "said", "commitment",
              "The central bank said it would slightly reduce the rate of appreciation of the Singapore dollar's policy band."),
            C("Gan Kim Yong", "said", "commitment",
              "Deputy Prime Minister Gan Kim Yong said the Government would set aside $4 billion to help companies and workers cope with higher US tariffs."),
            C("Enterprise Singapore", "according to", "assertion",
              "Some 2,600 firms have applied for the Enterprise Financing Scheme since January, according to Enterprise Singapore.")],
    notes="'$' is SGD (Singapore paper, Singapore dollar named). The lower bound '0' of the forecast range is left out. Navigation and the WhatsApp line are furniture. 'citing' gives no claim; the MTI's 'cut its growth forecast' reports an act with a noun-phrase object. A deputy prime minister's body is the Cabinet of Singapore, the most specific body the post is in (SCHEMA 'officials'; dev gold gives prime ministers the Cabinet of Japan, Australia, Canada); it was 'Government of Singapore' before.",
))


def main() -> None:
    (HERE / "docs").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    for d in DOCS:
        name = d["doc"]
        (HERE / "docs" / f"{name}.txt").write_text(d["text"], encoding="utf-8")
        gold = {"doc": f"{name}.txt", "title": d["title"], "published": d["published"],
                "officials": d["officials"], "not_officials": d.get("not_officials", []),
                "bodies": d["bodies"], "industries": d["industries"], "figures": d["figures"],
                "claims": d["claims"], "notes": d.get("notes", "")}
        for c in gold["claims"]:
            assert c["sentence"] in d["text"], (name, c["sentence"][:60])
        for f in gold["figures"]:
            assert f["text"] in d["text"], (name, f["text"])
        (HERE / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
