"""Clusters: mentions of one entity grouped; surnames recovered; pronoun subjects attached."""

from __future__ import annotations

from veille import data
from veille.clean import find_marked
from veille.data import fold
from veille.entities.base import (
    _NAME_PARTICLES,
    _PRONOUNS,
    _SUBJECT_DEPS,
    PRONOUN_WINDOW,
    _Cluster,
    _is_subject,
    _Mention,
)
from veille.nlp import Parsed, Token


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
    body = _unnamed_body(parsed, pronoun, gender, quoted)
    if body is not None and all(c[0] < body for c in candidates):
        return None
    nearest_sentence = max(parsed.tokens[c[0]].sent for c in candidates)
    for sentence in range(nearest_sentence, pronoun.sent - PRONOUN_WINDOW - 1, -1):
        subjects = [c for c in candidates if c[1] and parsed.tokens[c[0]].sent == sentence]
        if subjects:
            return max(subjects, key=lambda c: c[0])[2]
    return max(candidates, key=lambda c: c[0])[2]


def _unnamed_body(
    parsed: Parsed, pronoun: Token, gender: str, quoted: list[tuple[int, int]]
) -> int | None:
    """ "Le nouveau gouvernement s'est donné pour objectif … . Il a cependant déclaré …":
    an institution named by a common noun, subject in this sentence or the one before and
    of the pronoun's gender, is what the pronoun stands for. Its token index, if any."""
    bodies = data.name_lists()["institution"]
    for token in reversed(parsed.tokens[: pronoun.i]):
        if pronoun.sent - token.sent > 1:
            return None
        if (
            token.dep in _SUBJECT_DEPS
            and token.pos == "NOUN"
            and token.gender == gender
            and fold(token.text) in bodies
            and not any(s <= token.start < e for s, e in quoted)
        ):
            return token.i
    return None
