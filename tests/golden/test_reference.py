"""The first golden test: what the reference article must yield (DESIGN, issue 2)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def by_name(analysis, name):
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, f"expected one entity named {name!r}, got {found}"
    return found[0]


def test_removed_blocks(reference):
    removed = {(r.role, r.text[:20]) for r in reference.article.removed}
    assert ("credit", "Photo par ALEXEI DRU") in removed
    assert ("related", "A LIRE AUSSI | L’Ukr") in removed
    assert all("A LIRE AUSSI" not in b.text for b in reference.article.blocks)
    assert "Getty" not in reference.article.text


def test_caption_and_blocks(reference):
    roles = [b.role for b in reference.article.blocks]
    assert roles[0] == "caption"
    assert reference.article.blocks[0].text.startswith("Le président russe Vladimir Poutine")
    assert roles.count("body") == 10
    for block in reference.article.blocks:
        assert reference.article.text[block.start : block.end] == block.text


def test_published_and_language(reference):
    assert reference.article.published == "2023-06"
    assert reference.article.language == "fr"
    assert reference.warnings == ()


def test_gerasimov(reference):
    gerasimov = by_name(reference, "Valery Gerasimov")
    assert gerasimov.type == "PER"
    assert (gerasimov.country, gerasimov.sector, gerasimov.actor_code) == ("RUS", "MIL", "RUSMIL")
    assert "chef d’état-major des forces armées russes" in gerasimov.roles
    texts = [m.text for m in gerasimov.mentions]
    assert texts.count("Gerasimov") + texts.count("Valery Gerasimov") == 4
    # The inverted subjects of "a-t-il ajouté" and "a-t-il poursuivi" are his.
    assert texts.count("il") == 2
    text = reference.article.text
    for mention in gerasimov.mentions:
        assert text[mention.start : mention.end] == mention.text
    ajoute = text.index("a-t-il ajouté")
    assert any(m.start == ajoute + 4 for m in gerasimov.mentions)
    assert not any(e.name == "Gerasimov" for e in reference.entities)


def test_liu(reference):
    liu = by_name(reference, "Liu Zhenli")
    assert liu.type == "PER"
    assert (liu.country, liu.sector, liu.actor_code) == ("CHN", "MIL", "CHNMIL")
    assert any("Commission militaire centrale" in role for role in liu.roles)
    # "Liu" tagged MISC once by the model is still him.
    assert [m.text for m in liu.mentions].count("Liu") == 2


def test_heads_of_state(reference):
    xi = by_name(reference, "Xi Jinping")
    assert (xi.country, xi.sector, xi.actor_code) == ("CHN", "GOV", "CHNGOV")
    assert len(xi.mentions) == 2
    putin = by_name(reference, "Vladimir Poutine")
    assert (putin.country, putin.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("name", "country", "count"),
    [
        ("Chine", "CHN", 2),
        ("Russie", "RUS", 3),
        ("Ukraine", "UKR", 2),
        ("Pékin", "CHN", 2),
        ("Moscou", "RUS", 2),
    ],
)
def test_places(reference, name, country, count):
    place = by_name(reference, name)
    assert place.type == "GPE"
    assert place.country == country
    assert len(place.mentions) == count
    assert place.geo is not None and place.geo.country == country


def test_capital_as_actor(reference):
    # "Pékin a ostensiblement refusé …": the capital stands for the government.
    assert by_name(reference, "Pékin").actor_code == "CHNGOV"
    assert by_name(reference, "Moscou").actor_code == "RUS"


def test_ministry(reference):
    ministry = by_name(reference, "ministère russe de la Défense")
    assert (ministry.type, ministry.country, ministry.sector) == ("ORG", "RUS", "MIL")


def test_no_entity_from_removed_blocks(reference):
    names = {e.name for e in reference.entities}
    assert not names & {"ALEXEI", "Spoutnik", "AFP", "Getty"}


# -- quotes (issue 3) -----------------------------------------------------------------


def quotes_by_kind(analysis, kind):
    return [q for q in analysis.quotes if q.kind == kind]


def test_gerasimov_quoted_passages(reference):
    gerasimov = by_name(reference, "Valery Gerasimov")
    liu = by_name(reference, "Liu Zhenli")
    marked = [q for q in reference.quotes if q.kind in ("direct", "mixed")]
    assert [q.speaker for q in marked] == [gerasimov.id] * 3
    first, second = quotes_by_kind(reference, "direct")
    assert first.text.startswith("La coordination des efforts russes et chinois")
    assert first.text.endswith("sur la situation mondiale")
    assert first.addressee == liu.id
    assert first.medium == "une vidéo publiée par le ministère russe de la Défense"
    assert first.verb == "déclarer"
    assert second.text.startswith("Je suis convaincu")
    assert second.verb == "ajouter"
    for quote in reference.quotes:
        assert reference.article.text[quote.start : quote.end] == quote.text


def test_partial_quote(reference):
    (mixed,) = quotes_by_kind(reference, "mixed")
    assert "« un axe important »" in mixed.text
    assert mixed.text.startswith("Les exercices militaires conjoints")
    assert mixed.verb == "poursuivre"


def test_indirect_quotes(reference):
    indirect = quotes_by_kind(reference, "indirect")
    speakers = {reference.entity(q.speaker).name: q for q in indirect}
    assert speakers["Valery Gerasimov"].text.startswith("le solide partenariat militaire")
    assert speakers["Xi Jinping"].text == (
        "les relations entre les deux pays entraient dans une nouvelle ère"
    )


def test_no_quote_from_scare_quotes_or_removed_blocks(reference):
    for quote in reference.quotes:
        assert "sans limites" not in quote.text or quote.speaker is None
        assert "absurdes" not in quote.text


# -- events (issue 4) -----------------------------------------------------------------


def events_with(analysis, root):
    return [v for v in analysis.events if v.cameo.startswith(root)]


def test_videoconference(reference):
    (event,) = [v for v in events_with(reference, "04") if v.trigger == "vidéoconférence"]
    assert (event.source_actor, event.target_actor) == ("RUSMIL", "CHNMIL")
    assert (event.date, event.date_from) == ("2023-06", "published")
    assert event.quad_class == 1 and event.block_role == "body"
    assert reference.article.text[event.start : event.end] == event.sentence


def test_invitation_to_moscow(reference):
    (event,) = events_with(reference, "036")
    assert event.location is not None and event.location.name == "Moscou"
    assert event.location.country == "RUS"
    assert (event.source_country, event.target_country) == ("RUS", "CHN")
    # "en septembre dernier" dates Liu's nomination, not the invitation.
    assert event.date_from == "published"


def test_xi_visit(reference):
    (event,) = events_with(reference, "042")
    assert (event.source_actor, event.target_country) == ("CHNGOV", "RUS")
    assert (event.date, event.precision, event.date_from) == ("2023-03", "month", "text")
    assert event.location is not None and event.location.name == "Moscou"
    assert abs(event.location.lat - 55.75) < 0.1 and abs(event.location.lon - 37.62) < 0.1


def test_campaign_sanctions_refusal(reference):
    campaign = next(v for v in events_with(reference, "19") if v.trigger == "campagne")
    assert (campaign.source_country, campaign.target_country) == ("RUS", "UKR")
    assert campaign.date == "2022-02"
    (sanctions,) = events_with(reference, "163")
    assert sanctions.target_country == "RUS"
    (refusal,) = events_with(reference, "111")
    assert refusal.negated and refusal.source_actor == "CHNGOV"
    assert refusal.target_country == "RUS"


def test_caption_meeting(reference):
    (meeting,) = [v for v in reference.events if v.block_role == "caption"]
    assert meeting.cameo.startswith("04")
    assert {meeting.source_actor, meeting.target_actor} == {"RUSGOV", "CHNGOV"}
    assert (meeting.date, meeting.precision) == ("2022-02-04", "day")
    assert meeting.location is not None and meeting.location.name == "Pékin"


def test_event_codes_come_from_the_codebook(reference):
    from veille.events import codebook

    for event in reference.events:
        code = codebook()[event.cameo]
        assert event.root == code.root and event.goldstein == code.goldstein
        assert event.plover
