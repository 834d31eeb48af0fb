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

from collections.abc import Sequence
from dataclasses import dataclass, field

from veille import data
from veille.clean import find_marked
from veille.data import fold
from veille.model import Entity, EntityType, Geo, Mention
from veille.nlp import Parsed, Token

# Words that may stand inside a role phrase ("chef d'état-major des forces armées russes").
_NP_POS = frozenset({"NOUN", "ADJ", "DET", "PROPN", "NUM", "X"})
_DE = frozenset({"de", "d’", "d'", "du", "des"})
_NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d’", "d'", "la", "le", "van", "von", "der", "al", "el", "ben", "bin"}
)
_PRONOUNS = {"il": "Masc", "elle": "Fem"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
# Verbs of a relative clause that give a role: "Liu, qui a été nommé … chef d'état-major".
_ROLE_VERBS = frozenset(
    {
        "nommer",
        "élire",
        "désigner",
        "devenir",
        "promouvoir",
        "choisir",
        "être",
        "rester",
        "demeurer",
        "reconduire",
        "investir",
        "installer",
        "réélire",
        "limoger",
    }
)
# How far back (in sentences) a pronoun looks for the person it stands for.
PRONOUN_WINDOW = 3


@dataclass(slots=True)
class _Mention:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    key: str = ""  # ISO alpha-3 for countries, geonames id for cities
    char_start: int = -1
    char_end: int = -1


@dataclass(slots=True)
class _Cluster:
    label: str
    mentions: list[_Mention] = field(default_factory=list)
    key: str = ""
    names: set[str] = field(default_factory=set)  # folded name tokens (PER)
    roles: list[str] = field(default_factory=list)
    gender: str = ""


def extract_entities(parsed: Parsed, published: str | None = None) -> tuple[Entity, ...]:
    """The entities of one parsed article, ids in order of first mention."""
    del published  # reserved for date-restricted actor dictionaries
    mentions = _mentions(parsed)
    clusters = _cluster(parsed, mentions)
    _recover_person_mentions(parsed, clusters)
    _attach_pronouns(parsed, clusters)
    for cluster in clusters:
        if cluster.label == "PER":
            cluster.roles = _roles(parsed, cluster)
    return _to_entities(parsed, clusters)


# -- mentions -------------------------------------------------------------------------


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
    """Countries and cities become GPE with their country; other places stay LOC."""
    if mention.label == "GPE":
        return
    iso3 = places.get((mention.start, mention.end))
    if iso3 is None and mention.label in ("LOC", "MISC", "GPE"):
        iso3 = data.country_names().get(fold(parsed.span_text(mention.start, mention.end)))
    if iso3 is not None:
        mention.label, mention.key = "GPE", iso3
        return
    after_a = mention.start > 0 and parsed.tokens[mention.start - 1].text.lower() == "à"
    if mention.label == "LOC" or (
        mention.label == "ORG" and not mention.key and after_a and mention.end - mention.start == 1
    ):
        candidates = data.cities().get(fold(parsed.span_text(mention.start, mention.end)))
        if candidates:
            mention.label, mention.key = "GPE", f"city:{candidates[0].geonames_id}"


# -- clusters -------------------------------------------------------------------------


def _name_tokens(parsed: Parsed, mention: _Mention) -> set[str]:
    return {
        fold(t.text)
        for t in parsed.tokens[mention.start : mention.end]
        if t.text[:1].isalnum() and fold(t.text) not in _NAME_PARTICLES
    }


def _cluster(parsed: Parsed, mentions: list[_Mention]) -> list[_Cluster]:
    people: list[_Cluster] = []
    # Longest names first, so "Gerasimov" finds "Valery Gerasimov" whatever the order.
    for mention in sorted(
        (m for m in mentions if m.label == "PER"), key=lambda m: (-(m.end - m.start), m.start)
    ):
        names = _name_tokens(parsed, mention)
        home = _person_for(people, names, mention.start)
        if home is not None and _titled_given_name(parsed, mention, home):
            home = None
        if home is None:
            people.append(_Cluster("PER", [mention], names=set(names)))
        else:
            home.mentions.append(mention)
    clusters: list[_Cluster] = list(people)
    by_key: dict[tuple[str, str], _Cluster] = {}
    for mention in mentions:
        if mention.label == "PER":
            continue
        names = _name_tokens(parsed, mention)
        # A name the NER typed MISC or ORG once but PER elsewhere is that person.
        if mention.label in ("MISC", "ORG") and mention.end - mention.start <= 2:
            home = _person_for(people, names, mention.start)
            if home is not None:
                mention.label = "PER"
                home.mentions.append(mention)
                continue
        key = mention.key or fold(parsed.span_text(mention.start, mention.end))
        cluster = by_key.get((mention.label, key))
        if cluster is None:
            cluster = by_key[(mention.label, key)] = _Cluster(mention.label, key=mention.key)
            clusters.append(cluster)
        cluster.mentions.append(mention)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    return clusters


def _titled_given_name(parsed: Parsed, mention: _Mention, person: _Cluster) -> bool:
    """ "le pape François" is not "François Hollande": a one-word name after a title that
    matches another person's first name only is someone else."""
    if mention.end - mention.start != 1 or mention.start == 0:
        return False
    word = fold(parsed.tokens[mention.start].text)
    longest = max(person.mentions, key=lambda m: m.end - m.start)
    first = fold(parsed.tokens[longest.start].text)
    title = fold(parsed.tokens[mention.start - 1].text)
    return word == first and longest.end - longest.start > 1 and title in data.role_head_words()


def _person_for(people: list[_Cluster], names: set[str], position: int) -> _Cluster | None:
    """The person whose full name contains every word of ``names``; the nearest before
    ``position`` when several do ("Macron" after "Brigitte Macron")."""
    if not names:
        return None
    matches = [p for p in people if names <= p.names]
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    before = [p for p in matches if any(m.start < position for m in p.mentions)]
    pool = before or matches
    return max(
        pool, key=lambda p: max((m.start for m in p.mentions if m.start < position), default=-1)
    )


def _recover_person_mentions(parsed: Parsed, clusters: list[_Cluster]) -> None:
    """Occurrences of a known person's surname that the NER did not tag."""
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for cluster in clusters:
        if cluster.label != "PER" or len(cluster.names) < 2:
            continue
        for token in parsed.tokens:
            if (
                token.i not in taken
                and fold(token.text) in cluster.names
                and len(token.text) >= 3
                and token.text[:1].isupper()
                and not token.is_stop
                and token.pos in ("PROPN", "X", "NOUN")
            ):
                mention = _Mention(token.i, token.i + 1, "PER", "", token.start, token.end)
                cluster.mentions.append(mention)
                taken.add(token.i)
        cluster.mentions.sort(key=lambda m: m.start)


def _attach_pronouns(parsed: Parsed, clusters: list[_Cluster]) -> None:
    """The subject pronoun of a reporting verb ("a-t-il ajouté") joins the person meant:
    the nearest preceding person who was a subject or a speaker, gender permitting."""
    people = [c for c in clusters if c.label == "PER"]
    if not people:
        return
    for token in parsed.tokens:
        word = token.text.lower().lstrip("-")
        # "-il" after "a-t" is the inverted subject whatever label the parser gives it.
        inverted = token.text.startswith("-")
        if word not in _PRONOUNS or not (inverted or token.dep in _SUBJECT_DEPS):
            continue
        verb = parsed.tokens[token.head]
        if inverted:
            # "a-t-elle affirmé": the participle follows the clitic; "dit-il": it precedes.
            nearby = parsed.tokens[max(0, token.i - 3) : token.i + 3]
            verb = next(
                (t for t in nearby if t.pos == "VERB" and data.reporting_lemma(t.lemma)), verb
            )
        if data.reporting_lemma(verb.lemma) is None:
            continue
        person = _antecedent(parsed, people, token, _PRONOUNS[word])
        if person is None:
            continue
        offset = len(token.text) - len(token.text.lstrip("-"))
        mention = _Mention(token.i, token.i + 1, "PER", "", token.start + offset, token.end)
        person.mentions.append(mention)
        person.mentions.sort(key=lambda m: m.start)
        if not person.gender:
            person.gender = _PRONOUNS[word]


def _antecedent(
    parsed: Parsed, people: list[_Cluster], pronoun: Token, gender: str
) -> _Cluster | None:
    candidates: list[tuple[int, bool, _Cluster]] = []
    quoted = [(q.start, q.end) for q in find_marked(parsed.text)]
    for person in people:
        if person.gender and person.gender != gender:
            continue
        for m in person.mentions:
            head = parsed.tokens[m.start]
            if m.start >= pronoun.i or pronoun.sent - head.sent > PRONOUN_WINDOW:
                continue
            if any(s <= head.start < e for s, e in quoted):
                continue  # a name inside a quotation is not who the narrative speaks of
            candidates.append((m.start, _is_subject(parsed, m), person))
    if not candidates:
        return None
    nearest_sentence = max(parsed.tokens[c[0]].sent for c in candidates)
    for sentence in range(nearest_sentence, pronoun.sent - PRONOUN_WINDOW - 1, -1):
        subjects = [c for c in candidates if c[1] and parsed.tokens[c[0]].sent == sentence]
        if subjects:
            return max(subjects, key=lambda c: c[0])[2]
    return max(candidates, key=lambda c: c[0])[2]


def _is_subject(parsed: Parsed, mention: _Mention) -> bool:
    """Subject of its verb, or the inverted subject of a reporting verb ("a déclaré X")."""
    for token in parsed.tokens[mention.start : mention.end]:
        head = parsed.tokens[token.head]
        if token.dep in _SUBJECT_DEPS:
            return True
        if token.dep == "obj" and data.reporting_lemma(head.lemma) and head.i < token.i:
            return True
    return False


# -- roles ------------------------------------------------------------------------------


def _roles(parsed: Parsed, cluster: _Cluster) -> list[str]:
    roles: list[str] = []
    for mention in cluster.mentions:
        for found in (
            _role_before(parsed, mention),
            _role_after(parsed, mention),
            _role_relative(parsed, mention),
        ):
            if found and found not in roles:
                roles.append(found)
    return roles


def _is_head(token: Token) -> bool:
    return fold(token.text) in data.role_head_words()


def _phrase(parsed: Parsed, start: int, end: int) -> str | None:
    """Role text from token ``start`` to ``end`` (exclusive), function words trimmed."""
    tokens = parsed.tokens
    while end > start and (tokens[end - 1].pos in ("ADP", "DET", "PUNCT", "CCONJ", "SPACE")):
        end -= 1
    if end <= start:
        return None
    return parsed.span_text(start, end)


def _role_before(parsed: Parsed, mention: _Mention) -> str | None:
    """A title before the name: "le président chinois Xi Jinping", "Le chef …, Valery G."."""
    tokens = parsed.tokens
    i = mention.start - 1
    if i >= 0 and tokens[i].text == ",":
        after = tokens[mention.end] if mention.end < len(tokens) else None
        if after is not None and after.pos not in ("PUNCT", "SPACE"):
            return None
        i -= 1
    right = i + 1
    leftmost_head = None
    sentence = tokens[mention.start].sent
    while i >= 0 and tokens[i].sent == sentence:
        token = tokens[i]
        if token.pos == "ADP" and token.text.lower() not in _DE:
            break
        if token.pos not in _NP_POS and token.pos != "ADP" and token.text != "-":
            break
        if _is_head(token):
            leftmost_head = i
        i -= 1
    if leftmost_head is None:
        return None
    return _phrase(parsed, leftmost_head, right)


def _role_after(parsed: Parsed, mention: _Mention) -> str | None:
    """An apposition after the name: "Gerasimov, commandant des opérations …,"."""
    tokens = parsed.tokens
    i = mention.end
    if i >= len(tokens) or tokens[i].text not in (",", "("):
        return None
    i += 1
    while i < len(tokens) and tokens[i].pos == "DET":
        i += 1
    start = i
    while i < len(tokens) and tokens[i].pos == "ADJ" and not _is_head(tokens[i]):
        i += 1
    if i >= len(tokens) or not _is_head(tokens[i]):
        return None
    return _phrase(parsed, start, _phrase_end(tokens, i))


def _role_relative(parsed: Parsed, mention: _Mention) -> str | None:
    """A relative clause: "Liu, qui a été nommé en septembre dernier chef d'état-major …"."""
    tokens = parsed.tokens
    i = mention.end
    if i + 1 >= len(tokens) or tokens[i].text != "," or tokens[i + 1].text.lower() != "qui":
        return None
    seen_verb = False
    for j in range(i + 2, len(tokens)):
        token = tokens[j]
        if token.text in (",", ".", ";", ")") or token.pos == "SPACE":
            return None
        if token.lemma in _ROLE_VERBS:
            seen_verb = True
        elif seen_verb and _is_head(token) and token.pos in ("NOUN", "ADJ", "PROPN"):
            return _phrase(parsed, j, _phrase_end(tokens, j))
    return None


def _phrase_end(tokens: Sequence[Token], start: int) -> int:
    i = start
    while i < len(tokens):
        token = tokens[i]
        if token.text in (",", ".", ";", ")", ":", "«", "»") or token.pos == "SPACE":
            break
        if token.pos in ("VERB", "AUX", "SCONJ", "PRON") and i > start:
            break
        i += 1
    return i


# -- records ----------------------------------------------------------------------------


def _to_entities(parsed: Parsed, clusters: list[_Cluster]) -> tuple[Entity, ...]:
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: c.mentions[0].start)
    entities = []
    for n, cluster in enumerate(clusters, start=1):
        label, name, country, sector, geo = _describe(parsed, cluster)
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
                actor_code=_actor_code(cluster, country, sector),
                roles=tuple(cluster.roles),
                geo=geo,
                mentions=mentions,
            )
        )
    return tuple(entities)


def _actor_code(cluster: _Cluster, country: str | None, sector: str | None) -> str | None:
    """CAMEO actor code: a known group's own code, else country + sector (RUSMIL)."""
    if cluster.key.startswith("org:"):
        return data.organisations()[cluster.key[4:]].actor_code
    return ((country or "") + (sector or "")) or None


def _describe(
    parsed: Parsed, cluster: _Cluster
) -> tuple[EntityType, str, str | None, str | None, Geo | None]:
    first = cluster.mentions[0]
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
    del first
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
    country = data.countries().get(key)
    if country is None:
        text = parsed.span_text(cluster.mentions[0].start, cluster.mentions[0].end)
        return "GPE", text, key or None, None, None
    geo = Geo(lat=country.lat, lon=country.lon, country=key)
    return "GPE", country.name, key, None, geo


def _country_in(phrase: str) -> str | None:
    """The country a role or organisation name points at: an adjective ("russes"), a
    prefix ("russo-"), else a country named after "de" ("… de Chine")."""
    words = phrase.replace("’", "'").replace("-", " - ").split()
    folded = [fold(w.strip(",.()")) for w in words]
    adjectives, prefixes = data.adjectives(), data.prefixes()
    for i, word in enumerate(folded):
        if word in adjectives and not words[i][:1].isupper():
            return adjectives[word]
        if word in prefixes and i + 1 < len(folded) and folded[i + 1] == "-":
            return prefixes[word]
    names = data.country_names()
    for i in range(len(folded)):
        before = folded[i - 1] if i > 0 else ""
        if before in ("la", "l'") and i > 1:
            before = folded[i - 2]
        after_de = before in ("de", "du", "des", "d'")
        for size in (4, 3, 2, 1):
            candidate = " ".join(folded[i : i + size]).replace(" - ", "-")
            if candidate in names and after_de:
                return names[candidate]
    for word in folded:
        if word.startswith("d'") and word[2:] in names:
            return names[word[2:]]
    return None


def sector_of_role(role: str) -> str | None:
    """CAMEO sector of a role phrase: its head ("chef d'état-major" → MIL), else a
    keyword of its complement ("porte-parole de l'armée" → MIL)."""
    folded = fold(role)
    for qualifier in (
        "ancien ",
        "ancienne ",
        "nouveau ",
        "nouvelle ",
        "actuel ",
        "actuelle ",
        "ex-",
    ):
        if folded.startswith(qualifier):
            folded = folded[len(qualifier) :]
    heads, _ = data.sectors()
    for pattern, sector in heads:
        if sector and (folded == pattern or folded.startswith(pattern + " ")):
            return sector
    return sector_of_name(role)


def sector_of_name(name: str) -> str | None:
    """CAMEO sector from keywords of an organisation name ("ministère … de la Défense")."""
    folded = f" {fold(name)} "
    _, keywords = data.sectors()
    for pattern, sector in keywords:
        if f" {pattern} " in folded or f"'{pattern} " in folded:
            return sector
    return None
