"""A generated corpus of policy news for the scale benchmarks: JSONL, one article a line,
written as it is generated (never held in memory).

Names, bodies, industries, figures and dates are drawn from pools large enough that the
entities of 50,000 articles do not collapse onto a few dozen: about 40,000 person names,
1,400 ministries and agencies of 35 countries, 2,000 companies, every industry of the
lexicon, figures of several units and dates over six years. The sentences follow the
shapes real reports use ("X, minister of Y, said on Tuesday that ..."), so the extractor
finds officials, posts, bodies, figures and claims in them as it would in news.

Usage: python benchmarks/corpus.py --docs 10000 --out corpus.jsonl [--seed 1]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = ("Anna Peter Maria James Li Wei Chen Hiroshi Yuki Priya Rahul Claire Jean Lars Ingrid Sofia Diego Lucia Omar "
         "Fatima Ahmed Olga Ivan Kwame Amina Tomas Eva Jonas Elena Marco Giulia Pablo Carmen Sean Aoife Nils Karin "
         "Mehmet Ayse Daniel Sarah David Rachel Thomas Laura Michael Emma Robert Julia Kenji Haruka Arjun Deepa "
         "Zhang Wang Liu Zhao Sun Hu Gao Lin Kim Park Lee Nguyen Tran Ali Hassan Yusuf Leila Kofi Ama Bruno Helena "
         "Mateo Valentina Andrei Irina Stefan Petra Miguel Ines Hugo Chloe Felix Nora Oskar Astrid Rafael Beatriz").split()
LAST = ("Korhonen Vogel Dubois Rossi Schmidt Tanaka Sato Suzuki Sharma Gupta Patel Singh Kowalski Novak Horvat "
        "Jensen Larsen Andersen Berg Lindqvist Eriksson Moreau Laurent Bernard Garcia Martinez Lopez Fernandez "
        "Silva Santos Costa Ferreira Murphy Kelly Byrne Walsh Okafor Mensah Mwangi Abubakar Haddad Khoury Yilmaz "
        "Demir Kaya Ivanov Petrov Smirnov Kovacs Nagy Popescu Dimitrov Papadopoulos Weber Fischer Wagner Becker "
        "Hoffmann Schulz Koch Richter Klein Wolf Neumann Zimmermann Kruger Hartmann Lange Werner Krause Meier "
        "Lehmann Huber Mayer Fuchs Vogt Brandt Keller Graf Roth Frank Baumann Jung Hahn Albrecht Stein Kraus").split()
COUNTRIES = ("France Germany Italy Spain Poland Sweden Finland Ireland Portugal Greece Austria Belgium Netherlands "
             "Denmark Norway Canada Australia Japan India Brazil Mexico Chile Kenya Nigeria Ghana Egypt Turkey "
             "Indonesia Vietnam Thailand Malaysia Singapore Philippines Colombia Argentina").split()
TOPICS = ("Commerce|Finance|Industry|Trade|Energy|Health|Agriculture|Transport|Justice|Labour|Education|Environment|"
          "Science and Technology|Digital Affairs|Economy|Culture|Defence|Foreign Affairs|Housing|Tourism|Fisheries|"
          "Mines|Water Resources|Communications|Interior|Planning|Public Works|Social Affairs|Youth|"
          "Consumer Protection|Competition|Statistics|Customs|Taxation|Innovation").split("|")
AGENCY = ("Competition Authority", "Medicines Agency", "Energy Regulator", "Statistics Office", "Customs Service",
          "Patent Office", "Data Protection Authority", "Food Safety Agency", "Financial Supervisory Authority",
          "Telecommunications Regulator")
COMPANY_A = ("Nordic Orion Atlas Zenith Apex Summit Polar Crescent Meridian Pioneer Vertex Horizon Sterling Cobalt "
             "Granite Falcon Harbor Lotus Cedar Aurora Titan Nova Delta Sigma Quantum Evergreen Bluewater Redwood "
             "Silverline Ironbridge Suncrest Northstar Westwind Eastgate Brightpath Clearwater Goldleaf Oakridge "
             "Riverbend Stonegate").split()
COMPANY_B = ("Group", "Holdings", "Industries", "Technologies", "Energy", "Pharmaceuticals", "Motors", "Semiconductor",
             "Steel", "Foods", "Logistics", "Telecom")
COMPANY_C = ("", "Global", "International", "Digital", "Systems", "Capital", "Power", "Solutions", "Networks",
             "Materials", "Bio", "Labs")
CUES = ("said", "stated", "announced", "warned", "told reporters", "noted", "added", "stressed", "pledged")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month")
UNITS = ("percent", "billion euros", "million dollars", "billion yuan", "cases", "companies", "jobs", "projects")
PLANS = ("a package to support", "new rules for", "a subsidy scheme for", "an investigation into",
         "a five-year plan for", "tighter export controls on", "tax relief for", "a review of")


def _industries() -> list[str]:
    with open(ROOT / "extract" / "data" / "industries.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["label"] for line in handle if line.strip()]


class Pools:
    """The draws one article is made of, from a seeded generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.industries = _industries()
        self.companies = [" ".join(filter(None, (a, c, b))) for a in COMPANY_A for b in COMPANY_B
                          for c in COMPANY_C][:2000]

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def ministry(self, country: str) -> tuple[str, str]:
        topic = self.rng.choice(TOPICS)
        if self.rng.random() < 0.7:
            return f"Ministry of {topic} of {country}", f"minister of {topic.lower()}"
        return f"{country} {self.rng.choice(AGENCY)}", "director"

    def figure(self) -> str:
        unit = self.rng.choice(UNITS)
        if unit == "percent":
            return f"{self.rng.randint(1, 95)}.{self.rng.randint(0, 9)} percent"
        if "billion" in unit or "million" in unit:
            return f"{self.rng.randint(1, 900)} {unit}"
        return f"{self.rng.randint(2, 99):,}{self.rng.choice(['', ',000', '00'])} {unit}"


def article(pools: Pools, i: int) -> dict:
    """One article: a headline, a dateline, four to six paragraphs of attributed statements."""
    rng = pools.rng
    country = rng.choice(COUNTRIES)
    published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    industry, other = rng.sample(pools.industries, 2)
    body, post = pools.ministry(country)
    official = pools.person()
    company = rng.choice(pools.companies)
    executive = pools.person()
    second_body, second_post = pools.ministry(country)
    second = pools.person()
    plan = rng.choice(PLANS)
    year = published.year
    paragraphs = [
        f"{country} unveils {plan} {industry}",
        f"Published: {published.day} {published:%B %Y}",
        f"The {body} {rng.choice(DAYS)} announced {plan} {industry}, setting aside {pools.figure()} "
        f"over the next {rng.randint(2, 6)} years.",
        f"{official}, {post} at the {body}, {rng.choice(CUES)} {rng.choice(DAYS)} that the measures would "
        f"help {industry} firms and protect {pools.figure()} in the sector.",
        f"\"We will support the {other} industry as well,\" {official.split()[-1]} told reporters.",
        f"According to the {second_body}, {pools.figure()} were recorded in {year - 1}, up "
        f"{rng.randint(2, 40)} percent from the previous year.",
        f"{second}, {second_post} at the {second_body}, {rng.choice(CUES)} that {pools.figure()} would be "
        f"reviewed by the end of {year}.",
        f"{executive}, chief executive of {company}, said the company expected {pools.figure()} in "
        f"{industry} sales in {year} and warned that rules for {other} remained unclear.",
        f"The plan still needs the approval of parliament. Analysts said {pools.figure()} could follow "
        f"if demand for {other} recovers.",
    ]
    text = "\n".join(paragraphs) + "\n"
    return {"id": f"gen-{i:06d}", "title": paragraphs[0], "published": published.isoformat(), "text": text,
            "url": f"https://news.example.org/{year}/{i:06d}"}


def write(path: Path, docs: int, seed: int = 1) -> Path:
    pools = Pools(random.Random(seed))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(docs):
            out.write(json.dumps(article(pools, i), ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(args.out, args.docs, args.seed)


if __name__ == "__main__":
    main()
