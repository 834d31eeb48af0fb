"""Entity repair, clustering, roles and actor codes, on small texts through the real model."""

from __future__ import annotations

import importlib.util

import pytest

import veille
from veille.entities import sector_of_name, sector_of_role

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.slow


def entities(text):
    return {e.name: e for e in veille.analyze(text).entities}


def test_title_before_name_gives_role_country_sector(nlp):
    found = entities(
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré la presse."
    )
    lavrov = found["Sergueï Lavrov"]
    assert lavrov.roles[0].startswith("ministre russe des Affaires étrangères")
    assert (lavrov.country, lavrov.sector, lavrov.actor_code) == ("RUS", "GOV", "RUSGOV")


def test_apposition_after_name(nlp):
    found = entities(
        "Angela Merkel, chancelière allemande, a reçu Emmanuel Macron, "
        "président de la France, à Berlin."
    )
    assert found["Angela Merkel"].actor_code == "DEUGOV"
    assert found["Emmanuel Macron"].actor_code == "FRAGOV"
    assert found["Berlin"].type == "GPE" and found["Berlin"].country == "DEU"


def test_relative_clause_role(nlp):
    found = entities(
        "Le Premier ministre a reçu Ali Hassan, "
        "qui a été nommé en mai chef de l'armée de l'air du Soudan."
    )
    assert found["Ali Hassan"].country == "SDN"
    assert found["Ali Hassan"].sector == "MIL"


def test_surname_joins_full_name_and_pronoun_joins_speaker(nlp):
    analysis = veille.analyze(
        "Le général John Smith a visité la base. « Tout va bien », a déclaré Smith aux soldats. "
        "« Nous resterons », a-t-il ajouté."
    )
    people = [e for e in analysis.entities if e.type == "PER"]
    assert len(people) == 1
    assert [m.text for m in people[0].mentions] == ["John Smith", "Smith", "il"]
    assert people[0].sector == "MIL"


def test_capital_as_actor_and_as_place(nlp):
    found = entities("Pékin a refusé de condamner l'attaque. Le sommet se tiendra à Pékin.")
    beijing = found["Pékin"]
    assert beijing.actor_code == "CHNGOV"
    assert len(beijing.mentions) == 2
    assert found2_country(beijing) == "CHN"


def found2_country(entity):
    return entity.geo.country


def test_compound_adjective_country():
    assert sector_of_role("chef d'état-major des armées") == "MIL"
    assert sector_of_role("ancien président de la République") == "GOV"
    assert sector_of_role("homologue chinois") is None
    assert sector_of_name("ministère russe de la Défense") == "MIL"
    assert sector_of_name("ministère de l'Économie") == "GOV"


def test_prefix_adjective_gives_country(nlp):
    found = entities("Le négociateur sino-américain Paul Chen a quitté Genève.")
    assert found["Paul Chen"].country == "CHN"


def test_known_organisations(nlp):
    found = entities("L'OTAN et l'Union européenne ont condamné l'attaque, selon le Kremlin.")
    assert found["OTAN"].actor_code == "IGONAT"
    assert found["Union européenne"].actor_code == "IGOEEC"
    assert found["Kremlin"].actor_code == "RUSGOV"


def test_titles_and_demonyms_are_not_names(nlp):
    found = entities("Mme Dupont a remercié les Guyanais. Le Président a répondu à M. Martin.")
    assert "Dupont" in found and "Mme Dupont" not in found
    assert "Martin" in found
    assert "Guyanais" not in found and "Président" not in found


def test_role_phrase_is_not_an_organisation(nlp):
    found = entities("L'essai a été confirmé par le ministre de la Défense de la Corée du Nord.")
    assert "Corée du Nord" in found and found["Corée du Nord"].country == "PRK"
    assert not any(name.startswith("ministre") for name in found)


def test_lower_case_ministry(nlp):
    found = entities("Mardi, le ministère des finances a proposé un nouvel impôt.")
    assert found["ministère des finances"].type == "ORG"


def test_mentions_point_into_the_text(nlp):
    analysis = veille.analyze("La Chine et la Russie ont signé un accord à Moscou avec l'Inde.")
    for entity in analysis.entities:
        for m in entity.mentions:
            assert analysis.article.text[m.start : m.end] == m.text
    names = [e.name for e in analysis.entities]
    assert names == ["Chine", "Russie", "Moscou", "Inde"]


def test_news_media_are_organisations_and_le_monde_stays_a_word(nlp):
    found = entities(
        "Le Monde a révélé l'affaire, reprise par Le Canard enchaîné. "
        "Le monde entier a regardé la libération des otages."
    )
    assert found["Le Monde"].actor_code == "FRAMED"
    assert found["Canard enchaîné"].actor_code == "FRAMED"
    assert "Libération" not in found and "monde" not in {n.lower() for n in found}


@pytest.mark.parametrize(
    "name, country",
    [
        ("Moscou", "RUS"),
        ("Pékin", "CHN"),
        ("Londres", "GBR"),
        ("Varsovie", "POL"),
        ("Le Caire", "EGY"),
        ("Abou Dhabi", "ARE"),
        ("Hô Chi Minh-Ville", "VNM"),
    ],
)
def test_french_city_names_resolve(name, country):
    from veille.data import cities, fold

    assert cities()[fold(name)][0].country == country


def test_regions_take_their_country_before_a_city_of_the_same_name(nlp):
    found = entities(
        "Le gouverneur de Floride a reçu des élus de Bavière. La police de Catalogne a "
        "arrêté deux hommes dans le Sinaï."
    )
    # "Floride" is also a city of Uruguay in the gazetteer: the state comes first.
    assert (found["Floride"].type, found["Floride"].country) == ("GPE", "USA")
    assert found["Bavière"].country == "DEU"
    assert found["Sinaï"].country == "EGY"
    assert found["Floride"].geo is None  # a region's country, but no coordinates
    assert found["police de Catalogne"].country == "ESP"  # a body of a region
    # A region never becomes a country of its own nor shadows a country's name.
    assert entities("La Géorgie a rappelé son ambassadeur.")["Géorgie"].country == "GEO"


def test_known_people_hold_the_code_of_the_day():
    from veille.data import person_code

    assert person_code("François Hollande", "2013-01-10") == "FRAGOV"
    assert person_code("François Hollande", "2010") == "FRAELI"  # before his presidency
    assert person_code("Vladimir Poutine", "2016-05") == "RUSGOV"  # the French spelling
    assert person_code("Jean Dupont", "2016") is None


def test_known_person_gets_country_and_sector(nlp):
    analysis = veille.analyze(
        "François Hollande a reçu Benjamin Mkapa à Paris.", published="2013-05-02"
    )
    found = {e.name: e for e in analysis.entities}
    assert found["François Hollande"].actor_code == "FRAGOV"
    assert found["Benjamin Mkapa"].country == "TZA"


def test_actor_people_table_is_what_the_script_derives(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build", ROOT / "scripts" / "build_actor_people.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "actor_people.tsv"
    build.main(str(SHARED / "data" / "phoenix_dictionaries"), out)
    committed = ROOT / "src" / "veille" / "data" / "actor_people.tsv"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def test_a_former_soldier_or_policeman_is_no_armed_force():
    assert sector_of_role("un ancien militaire de 34 ans") is None
    assert sector_of_role("ex-policier") is None
    assert sector_of_role("militaire") == "MIL"
    assert sector_of_role("ancienne présidente de la République") == "GOV"
