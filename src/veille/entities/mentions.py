"""Mentions: NER spans repaired, retyped or dropped; gazetteer places and organisations added."""

from __future__ import annotations

from collections.abc import Sequence

from veille import data
from veille.data import fold
from veille.entities.base import (
    _DE,
    _Mention,
)
from veille.nlp import Parsed, Token


def _mentions(parsed: Parsed) -> list[_Mention]:
    tokens = parsed.tokens
    found: list[_Mention] = []
    known = [p for p in parsed.places if p.label == "org"]
    known_tokens = {i for p in known for i in range(p.start, p.end)}
    for ent in parsed.ents:
        repaired = _repair(parsed, ent.start, ent.end, ent.label)
        if repaired is None or not known_tokens.isdisjoint(range(*repaired[:2])):
            continue
        found.append(_Mention(*repaired))
    found = _merge_hyphenated(tokens, found)
    found.extend(_Mention(p.start, p.end, "ORG", f"org:{p.key}") for p in known)
    found.extend(_institutions(parsed, found))
    covered = {i for m in found for i in range(m.start, m.end)}
    places = {(p.start, p.end): p.key for p in parsed.places if p.label == "country"}
    for (start, end), iso3 in places.items():
        if covered.isdisjoint(range(start, end)) and tokens[start].text[:1].isupper():
            found.append(_Mention(start, end, "GPE", iso3))
    for mention in found:
        _type_place(parsed, mention, places)
    _prefer_article_countries(parsed, found)
    found.sort(key=lambda m: m.start)
    for mention in found:
        mention.char_start = tokens[mention.start].start
        mention.char_end = tokens[mention.end - 1].end
    return found


def _merge_hyphenated(tokens: Sequence[Token], found: list[_Mention]) -> list[_Mention]:
    """ "CNDD-" + "FDD" → "CNDD-FDD": the NER cuts some names at a hyphen."""
    merged: list[_Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.end == mention.start
            and not tokens[last.end - 1].space
            and (
                tokens[last.end - 1].text.endswith("-")
                or tokens[mention.start].text.startswith("-")
            )
        ):
            last.end = mention.end
            continue
        merged.append(mention)
    return merged


def _repair(parsed: Parsed, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """A NER span cut to the name it holds, retyped, or dropped (None) when it is a role,
    a people's name or noise. Places inside a dropped span are found again later."""
    tokens = parsed.tokens
    lists = data.name_lists()
    span = _trim(tokens, start, end)
    if span is None:
        return None
    start, end = span
    if label == "PER":
        while end - start > 1 and tokens[start].text in lists["honorific"]:
            start += 1
        if tokens[start].text in lists["honorific"]:
            return None
    first = tokens[start]
    head = fold(first.text)
    if first.text[:1].islower():
        if label == "PER" or head in lists["person_title"]:
            return None
        if label in ("LOC", "MISC"):
            # "hôpital de Cayenne" → "Cayenne": a common noun is not part of a place name.
            while start < end and not tokens[start].text[:1].isupper():
                start += 1
            if start == end:
                return None
            first, head = tokens[start], fold(tokens[start].text)
    if label != "PER" and head in lists["person_title"]:
        return None
    if head in lists["group"] or (end - start == 1 and head in data.adjectives()):
        return None
    if end - start == 1 and (len(first.text) < 2 or first.text in lists["not_name"]):
        return None
    if label in ("ORG", "MISC"):
        end = _cut_at_place(tokens, start, end)
    if label == "LOC" and (head in lists["institution"] or _after_org_noun(tokens, start)):
        label = "ORG"
    if label == "ORG":
        end = _extend_adjectives(tokens, start, end)
        end = _extend_place_complement(parsed, start, end)
    return start, end, label


def _trim(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """Drop leading determiners and prepositions and trailing function words."""
    while start < end and tokens[start].pos in ("DET", "ADP", "SPACE"):
        start += 1
    while end > start and tokens[end - 1].pos in ("DET", "ADP", "PUNCT", "CCONJ", "SPACE"):
        end -= 1
    if start >= end or not any(t.text[:1].isalnum() for t in tokens[start:end]):
        return None
    return start, end


def _extend_adjectives(tokens: Sequence[Token], start: int, end: int) -> int:
    """An organisation name goes on over adjectives that modify it ("… interarmées")."""
    while (
        end < len(tokens)
        and tokens[end].pos == "ADJ"
        and start <= tokens[end].head < end
        and tokens[end].sent == tokens[start].sent
    ):
        end += 1
    return end


def _after_org_noun(tokens: Sequence[Token], start: int) -> bool:
    """ "l'agence de presse Belga", "le journal Novaïa Gazeta": a name after a noun of the
    kind of an organisation names an organisation, whatever the NER says."""
    kinds = data.name_lists()["org_anaphor"]
    for i in range(start - 1, max(start - 4, 0) - 1, -1):
        token = tokens[i]
        if token.pos == "PUNCT" or token.sent != tokens[start].sent:
            return False
        if token.pos == "NOUN" and fold(token.text) in kinds:
            return True
    return False


def _cut_at_place(tokens: Sequence[Token], start: int, end: int) -> int:
    """ "… Bomb en Afghanistan" → "… Bomb": a locative phrase is not part of a name."""
    for i in range(start + 1, end - 1):
        if tokens[i].text in ("en", "à", "au", "aux") and tokens[i + 1].text[:1].isupper():
            return i
    return end


def _extend_place_complement(parsed: Parsed, start: int, end: int) -> int:
    """An organisation name goes on over "de/du + place" ("Sénat du Burundi",
    "Parti des travailleurs du Kurdistan"): the place is part of the name."""
    tokens = parsed.tokens
    i = end
    if i < len(tokens) and tokens[i].text.lower() in _DE:
        i += 1
        if i < len(tokens) and tokens[i].text.lower() in ("la", "l’", "l'"):
            i += 1
        for ent in (*parsed.ents, *parsed.places):
            if ent.start == i and ent.label in ("LOC", "country") and ent.end <= len(tokens):
                return ent.end
    return end


# Heads of institution names written in lower case ("ministère des finances"), which
# the NER misses; the name runs to the first noun after "de" and its adjectives.
_LOWER_INSTITUTIONS = frozenset({"ministère", "mairie", "préfecture", "ambassade"})


def _institutions(parsed: Parsed, found: list[_Mention]) -> list[_Mention]:
    tokens = parsed.tokens
    taken = {i for m in found for i in range(m.start, m.end)}
    added = []
    for token in tokens:
        if token.text.lower() not in _LOWER_INSTITUTIONS or token.i in taken:
            continue
        i = token.i + 1
        while i < len(tokens) and tokens[i].pos == "ADJ":
            i += 1
        if i >= len(tokens) or tokens[i].text.lower() not in _DE:
            continue
        i += 1
        if i < len(tokens) and tokens[i].pos == "DET":
            i += 1
        if i >= len(tokens) or tokens[i].pos not in ("NOUN", "PROPN"):
            continue
        end = i + 1
        while end < len(tokens) and tokens[end].pos == "ADJ" and tokens[end].head == i:
            end += 1
        for m in found:
            # A place or name the NER found inside becomes part of the institution's name.
            if m.start >= token.i and m.end <= end:
                m.label = "DROP"
        added.append(_Mention(token.i, end, "ORG"))
        taken.update(range(token.i, end))
    found[:] = [m for m in found if m.label != "DROP"]
    return added


def _prefer_article_countries(parsed: Parsed, found: list[_Mention]) -> None:
    """Among cities of one name, the one in a country the article names ("Valence" in an
    article about Spain is Valencia), else the most populous (already chosen)."""
    countries = {m.key for m in found if m.label == "GPE" and m.key and ":" not in m.key}
    if not countries:
        return
    for mention in found:
        if not mention.key.startswith("city:"):
            continue
        candidates = data.cities().get(fold(parsed.span_text(mention.start, mention.end)), ())
        local = [c for c in candidates if c.country in countries]
        if local:
            mention.key = f"city:{local[0].geonames_id}"


def _type_place(parsed: Parsed, mention: _Mention, places: dict[tuple[int, int], str]) -> None:
    """Countries, regions and cities become GPE with their country; other places stay LOC."""
    if mention.label == "GPE":
        return
    iso3 = places.get((mention.start, mention.end))
    if iso3 is None and mention.label in ("LOC", "MISC", "GPE"):
        iso3 = data.country_names().get(fold(parsed.span_text(mention.start, mention.end)))
    if iso3 is not None:
        mention.label, mention.key = "GPE", iso3
        return
    if mention.label in ("LOC", "MISC"):
        name = fold(parsed.span_text(mention.start, mention.end))
        region = data.regions().get(name)
        if region is not None:  # before cities: "Floride" is not Uruguay's Florida
            mention.label, mention.key = "GPE", f"region:{region}:{name}"
            return
    after_a = mention.start > 0 and parsed.tokens[mention.start - 1].text.lower() == "à"
    if mention.label == "LOC" or (
        mention.label == "ORG" and not mention.key and after_a and mention.end - mention.start == 1
    ):
        candidates = data.cities().get(fold(parsed.span_text(mention.start, mention.end)))
        if candidates:
            mention.label, mention.key = "GPE", f"city:{candidates[0].geonames_id}"
