"""Places: the location records of events, from the geocoded place entities.

Countries carry their centroid (mledoze/countries), cities their geonames coordinates;
both were attached by ``entities`` (which chooses, among cities of one name, the one in
a country the article speaks of, then the most populous).
"""

from __future__ import annotations

from veille.model import Entity, Location


def location_of(entity: Entity) -> Location | None:
    """The Location of a place entity (GPE or LOC), or None for other entities."""
    if entity.type not in ("GPE", "LOC"):
        return None
    if entity.geo is None:
        return Location(name=entity.name, country=entity.country, lat=None, lon=None)
    return Location(
        name=entity.name,
        country=entity.geo.country or entity.country,
        lat=entity.geo.lat,
        lon=entity.geo.lon,
        geonames_id=entity.geo.geonames_id,
    )
