"""Records: clusters turned into Analysis entities with names, codes and coordinates."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.entities.base import (
    _Cluster,
    _is_subject,
)
from veille.entities.roles import (
    _country_in,
    sector_of_name,
    sector_of_role,
)
from veille.model import Entity, EntityType, Geo, Mention
from veille.nlp import Parsed


def _to_entities(
    parsed: Parsed, clusters: list[_Cluster], published: str | None = None
) -> tuple[Entity, ...]:
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: c.mentions[0].start)
    entities = []
    for n, cluster in enumerate(clusters, start=1):
        label, name, country, sector, geo = _describe(parsed, cluster)
        known = data.person_code(name, published) if label == "PER" else None
        group = None
        if known is not None and known[:3] not in data.cameo_countries():
            group = known  # "IGOEEC": Jean-Claude Juncker in 2016 speaks for the EU
        elif known is not None:
            country, sector = _known(known, country, sector)
        mentions = tuple(
            Mention(text=parsed.text[m.char_start : m.char_end], start=m.char_start, end=m.char_end)
            for m in cluster.mentions
        )
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=label,
                country=country,
                sector=sector,
                actor_code=group or _actor_code(cluster, country, sector),
                roles=tuple(cluster.roles),
                geo=geo,
                mentions=mentions,
            )
        )
    return tuple(entities)


def _known(code: str, country: str | None, sector: str | None) -> tuple[str | None, str | None]:
    """Country and sector of a person the actor dictionaries know ("FRAGOV" for François
    Hollande in 2013), where the text gave none; the text's own words come first."""
    own_country = code[:3]
    if country is not None and own_country != country:
        return country, sector  # the text says otherwise: a namesake, or a new post
    return country or own_country, sector or (code[3:6] or None)


def _actor_code(cluster: _Cluster, country: str | None, sector: str | None) -> str | None:
    """CAMEO actor code: a known group's own code, else country + sector (RUSMIL)."""
    if cluster.key.startswith("org:"):
        # (a body many states have, "Assemblée nationale", has no code of its own: its
        # country is the article's)
        return data.organisations()[cluster.key[4:]].actor_code or None
    return ((country or "") + (sector or "")) or None


def _describe(
    parsed: Parsed, cluster: _Cluster
) -> tuple[EntityType, str, str | None, str | None, Geo | None]:
    texts = [parsed.span_text(m.start, m.end) for m in cluster.mentions if m.end - m.start]
    longest = max(texts, key=lambda t: (len(t.split()), len(t)))
    if cluster.label == "GPE":
        return _describe_place(parsed, cluster)
    if cluster.label == "PER":
        names = [
            parsed.span_text(m.start, m.end)
            for m in cluster.mentions
            if parsed.tokens[m.start].pos != "PRON" and m.char_start == parsed.tokens[m.start].start
        ]
        name = max(names or texts, key=lambda t: (len(t.split()), len(t)))
        country = next((c for c in map(_country_in, cluster.roles) if c), None)
        sector = next((s for s in map(sector_of_role, cluster.roles) if s), None)
        return "PER", name, country, sector, None
    label: EntityType = (
        "ORG" if cluster.label == "ORG" else "LOC" if cluster.label == "LOC" else "MISC"
    )
    if label == "ORG" and cluster.key.startswith("org:"):
        org = data.organisations()[cluster.key[4:]]
        return label, longest, org.country, org.sector, None
    if label == "ORG":
        return label, longest, _country_in(longest), sector_of_name(longest), None
    return label, longest, None, None, None


def _describe_place(
    parsed: Parsed, cluster: _Cluster
) -> tuple[EntityType, str, str | None, str | None, Geo | None]:
    key = cluster.key
    as_actor = any(_is_subject(parsed, m) for m in cluster.mentions)
    if key.startswith("city:"):
        geonames_id = int(key.split(":")[1])
        text = parsed.span_text(cluster.mentions[0].start, cluster.mentions[0].end)
        city = next(c for c in data.cities()[fold(text)] if c.geonames_id == geonames_id)
        # A capital as the subject of a verb stands for its government ("Pékin a refusé").
        sector = "GOV" if as_actor and data.is_capital(city) else None
        geo = Geo(lat=city.lat, lon=city.lon, country=city.country, geonames_id=city.geonames_id)
        return "GPE", text, city.country, sector, geo
    if key.startswith("region:"):  # a region has its country but no coordinates here
        text = parsed.span_text(cluster.mentions[0].start, cluster.mentions[0].end)
        return "GPE", text, key.split(":")[1], None, None
    country = data.countries().get(key)
    if country is None:
        text = parsed.span_text(cluster.mentions[0].start, cluster.mentions[0].end)
        return "GPE", text, key or None, None, None
    geo = Geo(lat=country.lat, lon=country.lon, country=key)
    return "GPE", country.name, key, None, geo
