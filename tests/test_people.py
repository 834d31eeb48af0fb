"""Known people's actor codes: the recent table before the Phoenix dictionaries."""

from __future__ import annotations

from veille.data import actor_people, person_code, read_rows, recent_people


def test_recent_table_is_well_formed() -> None:
    rows = list(read_rows("actor_people_recent.tsv"))
    assert len(rows) > 3000
    for name, code, start, end in rows:
        assert name == " ".join(name.split()) and name == name.lower() and " " in name
        assert len(code) % 3 == 0 and code.isupper()
        assert not (start and end) or start <= end


def test_an_ended_office_no_longer_holds() -> None:
    # Phoenix leaves this term open ("from 2009"); the recent table closes it in 2017.
    assert any(t.code == "USAGOV" and not t.end for t in actor_people()["barack obama"])
    assert person_code("Barack Obama", "2012-05") == "USAGOV"
    assert person_code("Barack Obama", "2018-01-01") == "USA"


def test_people_after_the_phoenix_dictionaries() -> None:
    assert "donald trump" in recent_people()
    assert person_code("Donald Trump", "2017-04-10") == "USAGOV"
    assert person_code("Donald Trump", "2022-03") == "USAOPP"
    assert person_code("Marine Le Pen", "2017-04-10") == "FRAOPP"


def test_earlier_offices_still_come_from_phoenix() -> None:
    assert person_code("Jacques Chirac", "2005-03") == "FRAGOV"
    assert person_code("Personne Inconnue", "2017") is None


def test_a_person_speaking_for_an_organisation_takes_its_code(nlp) -> None:
    import veille

    analysis = veille.analyze(
        "Le président de la Commission européenne Jean-Claude Juncker a signé l'accord.",
        published="2016-10-30",
    )
    (juncker,) = [e for e in analysis.entities if e.name == "Jean-Claude Juncker"]
    assert (juncker.actor_code, juncker.country) == ("IGOEEC", None)
