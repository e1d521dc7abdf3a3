from extract.pipeline import extract
from extract.readers import RawDocument


def officials(text, nlp):
    record = extract(RawDocument("t.txt", "t.txt", text, "x"), nlp)
    names = {p.key: p.name for p in record.people}
    bodies = {b.key: b.name for b in record.bodies}
    return {(names[p.person], p.title, bodies.get(p.body)) for p in record.posts}, record


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
