"""Entities and actors: mentions repaired and clustered, canonical names, roles, codes.

The statistical NER is a starting point, not the truth (DESIGN pitfalls): spans lose
their determiners and gain the hyphenated or adjectival words they were cut short of;
gazetteer matches type countries and cities as GPE with their ISO alpha-3 code and add
those the NER missed; a name tagged MISC once and PER elsewhere becomes PER; mentions
of one person ("Valery Gerasimov", "Gerasimov", the "il" of "a-t-il ajouté") form one
entity. Roles come from titles, appositions and relative clauses, and give the
country and the CAMEO sector, hence the actor code (RUSMIL, CHNGOV).
"""

from __future__ import annotations

from veille.entities.clusters import (
    _attach_pronouns,
    _cluster,
    _recover_person_mentions,
)
from veille.entities.mentions import (
    _mentions,
)
from veille.entities.records import (
    _to_entities,
)
from veille.entities.roles import (
    _roles,
    sector_of_name,
    sector_of_role,
)
from veille.model import Entity
from veille.nlp import Parsed

__all__ = ["extract_entities", "sector_of_name", "sector_of_role"]


def extract_entities(parsed: Parsed, published: str | None = None) -> tuple[Entity, ...]:
    """The entities of one parsed article, ids in order of first mention."""
    mentions = _mentions(parsed)
    clusters = _cluster(parsed, mentions)
    _recover_person_mentions(parsed, clusters)
    _attach_pronouns(parsed, clusters)
    for cluster in clusters:
        if cluster.label == "PER":
            cluster.roles = _roles(parsed, cluster)
    return _to_entities(parsed, clusters, published)
