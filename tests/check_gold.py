"""Check a held-out set's gold files: each parses, has the fields score.py reads, and its titles,
names, figure texts and claim sentences occur in its document.  python tests/check_gold.py tests/heldout4"""
import json, sys, re
from pathlib import Path
if len(sys.argv) != 2:
    sys.exit("usage: python tests/check_gold.py FOLDER (a folder with docs/ and gold/)")
root = Path(sys.argv[1])
KINDS = {"government","party","legislature","court","procuratorate","international","company","media","other"}
CK = {"assertion","commitment","directive","prediction"}
bad = 0
def err(*a):
    global bad; bad += 1; print(*a)
for g in sorted((root/"gold").glob("*.json")):
    d = json.loads(g.read_text(encoding="utf-8"))
    doc = (root/"docs"/d["doc"]).read_text(encoding="utf-8")
    if g.stem != Path(d["doc"]).stem: err(g, "doc name")
    for k in ["title","published","officials","not_officials","bodies","industries","figures","claims","notes"]:
        if k not in d: err(g, "missing", k)
    if d["title"] and d["title"] not in doc: err(g, "title not in doc")
    if d["published"] and not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", d["published"]): err(g,"published")
    bnames = {b["name"] for b in d["bodies"]}
    for o in d["officials"]:
        for k in ["name","aliases","title","body"]:
            if k not in o: err(g, "official", o.get("name"), k)
        if o["title"] != o["title"].lower(): err(g, "title case", o["name"])
        if o["name"] not in doc and not any(a in doc for a in o["aliases"]): err(g,"official not in doc",o["name"])
    for n in d["not_officials"]:
        if n.lower() not in doc.lower(): err(g, "not_official not in doc", n)
    for b in d["bodies"]:
        for k in ["name","aliases","kind","parent"]:
            if k not in b: err(g, "body", b.get("name"), k)
        if b["kind"] not in KINDS: err(g, "kind", b["name"])
        if b["parent"] and b["parent"] not in bnames: print("  note: parent not a listed body:", g.name, b["name"], "->", b["parent"])
        if not (b["name"] in doc or any(a in doc for a in b["aliases"])): err(g, "body not in doc", b["name"])
    for i in d["industries"]:
        if "aliases" not in i: err(g, "industry aliases", i["name"])
        if not (i["name"].lower() in doc.lower() or any(a.lower() in doc.lower() for a in i["aliases"])): err(g,"industry not in doc", i["name"])
    for f in d["figures"]:
        for k in ["text","value","unit","approx","measure","subject","period"]:
            if k not in f: err(g, "figure", f.get("text"), k)
        if f["text"] not in doc: err(g, "figure text not in doc", f["text"])
        if f["approx"] not in (None,"over","under","about"): err(g,"approx",f["text"])
        if f["period"] and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|\d{4}-\d{4}", f["period"]): err(g,"period",f["period"])
        if not isinstance(f["value"], (int,float)): err(g,"value",f["text"])
    speakers = {o["name"] for o in d["officials"]} | bnames
    seen=set()
    for c in d["claims"]:
        for k in ["speaker","cue","kind","sentence","date"]:
            if k not in c: err(g, "claim", k)
        if c["sentence"] not in doc: err(g, "claim sentence not in doc:", c["sentence"][:70])
        if c["speaker"] not in speakers: err(g, "speaker unknown", c["speaker"])
        if c["kind"] not in CK: err(g,"claim kind",c["kind"])
        if c["cue"].lower() not in c["sentence"].lower(): err(g, "cue not in sentence", c["cue"], c["sentence"][:50])
        if c["date"] and not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", c["date"]): err(g,"date",c["date"])
        key=(c["speaker"],c["sentence"])
        if key in seen: err(g,"dup claim")
        seen.add(key)
    print(f"{g.name}: {len(d['officials'])} off, {len(d['not_officials'])} non, {len(d['bodies'])} bod, {len(d['industries'])} ind, {len(d['figures'])} fig, {len(d['claims'])} cl, {len(doc.split())} words")
print("errors:", bad)
sys.exit(1 if bad else 0)
