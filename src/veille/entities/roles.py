"""Roles: titles, appositions and relative clauses; the country and CAMEO sector they give."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from veille import data
from veille.data import fold
from veille.entities.base import (
    _DE,
    _NP_POS,
    _ROLE_VERBS,
    _Cluster,
    _Mention,
)
from veille.nlp import Parsed, Token


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
    unclosed = apposed = False
    if i >= 0 and tokens[i].text == ",":
        apposed = True
        after = tokens[mention.end] if mention.end < len(tokens) else None
        unclosed = after is not None and after.pos not in ("PUNCT", "SPACE")
        i -= 1
    right = i + 1
    leftmost_head = None
    sentence = tokens[mention.start].sent
    while i >= 0 and tokens[i].sent == sentence:
        token = tokens[i]
        if token.pos == "ADP" and token.text.lower() not in (_DE | _POSTED if apposed else _DE):
            break  # (a place of post only in a title set off by a comma: not "l'opposition
            # au troisième mandat de Pierre Nkurunziza")
        if token.pos not in _NP_POS and token.pos != "ADP" and token.text != "-":
            break
        if _is_head(token):
            leftmost_head = i
        i -= 1
    if leftmost_head is None:
        return None
    if unclosed and i >= 0 and tokens[i].sent == sentence and tokens[i].text not in _DASHES:
        # "Selon le ministre, Bernard X a …": an apposition not closed by a comma is one
        # only when the title opens the sentence ("L'ambassadeur russe en Turquie, Andreï
        # Karlov a été tué").
        return None
    return _phrase(parsed, leftmost_head, right)


# Prepositions of the place of a post, within a title ("l'ambassadeur russe en Turquie",
# "au Burundi", "à l'ONU", "auprès de l'ONU").
_POSTED = frozenset({"en", "au", "aux", "à", "auprès"})
_DASHES = frozenset({"-", "–", "—"})


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


@cache
def _place_names() -> dict[str, str]:
    """Country names, and region names for their country ("le gouverneur de Floride",
    "la police de Catalogne")."""
    return data.country_names() | data.regions()


def _country_in(phrase: str) -> str | None:
    """The country a role or organisation name points at: an adjective ("russes"), a
    prefix ("russo-"), else a country or region named after "de" ("… de Chine")."""
    words = phrase.replace("’", "'").replace("-", " - ").split()
    folded = [fold(w.strip(",.()")) for w in words]
    if any(w in data.name_lists()["holy_see"] for w in folded[:3]) and not any(
        w in data.name_lists()["other_church"] for w in folded
    ):
        return "VAT"  # "pape", "souverain pontife" (not "le pape des coptes")
    adjectives, prefixes = data.adjectives(), data.prefixes()
    for i, word in enumerate(folded):
        if word in adjectives and not words[i][:1].isupper():
            return adjectives[word]
        if word in prefixes and i + 1 < len(folded) and folded[i + 1] == "-":
            return prefixes[word]
    names = _place_names()
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
    former = False
    for article in ("un ", "une ", "l'", "le ", "la "):
        if folded.startswith(article) and folded[len(article) :].startswith(tuple(_FORMER)):
            folded = folded[len(article) :]  # "un ancien militaire"
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
            former = qualifier in _FORMER
    heads, _ = data.sectors()
    for pattern, sector in heads:
        if sector and (folded == pattern or folded.startswith(pattern + " ")):
            # "un ancien militaire", "un ex-policier": someone who once served is no
            # armed force (a former president still speaks for a government's side).
            return None if former and sector in _ARMED else sector
    sector = sector_of_name(role)
    return None if former and sector in _ARMED else sector


_FORMER = frozenset({"ancien ", "ancienne ", "ex-"})
_ARMED = frozenset({"MIL", "COP"})


def sector_of_name(name: str) -> str | None:
    """CAMEO sector from keywords of an organisation name ("ministère … de la Défense")."""
    folded = f" {fold(name)} "
    _, keywords = data.sectors()
    for pattern, sector in keywords:
        if f" {pattern} " in folded or f"'{pattern} " in folded:
            return sector
    return None
