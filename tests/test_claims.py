from extract.pipeline import extract
from extract.readers import RawDocument


def claims(text, nlp):
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    return [(c.speaker, c.cue, c.kind, c.date) for c in record.claims]


def test_cues_pronouns_and_dates(nlp):
    text = ("Published: Apr 25, 2024 09:19 PM\n\n"
            "At a press briefing on Thursday, Gong Ming, deputy procurator-general of the SPP, pledged to tackle infringement.\n"
            "He also stated that cases rose sharply.\n"
            "Prosecutors should act faster, Gong said.\n"
            "According to the Supreme People's Procuratorate, procuratorates have intensified protection.")
    assert claims(text, nlp) == [
        ("gong-ming", "pledged", "commitment", "2024-04-25"),
        ("gong-ming", "stated", "assertion", "2024-04-25"),
        ("gong-ming", "said", "directive", "2024-04-25"),
        ("cn-spp", "according to", "assertion", "2024-04-25"),
    ]


def test_no_cue_no_claim(nlp):
    assert claims("Shanghai will comprehensively combat related infringement crimes.", nlp) == []
