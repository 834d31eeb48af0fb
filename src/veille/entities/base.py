"""Shared records of the entity stage: mentions, clusters, tuned numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille import data
from veille.data import fold
from veille.nlp import Parsed

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


def _is_subject(parsed: Parsed, mention: _Mention) -> bool:
    """Subject of its verb, or the inverted subject of a reporting verb ("a déclaré X")."""
    for token in parsed.tokens[mention.start : mention.end]:
        head = parsed.tokens[token.head]
        if token.dep in _SUBJECT_DEPS:
            return True
        if token.i == mention.start and "par la voix d" in fold(
            parsed.text[max(0, token.start - 40) : token.start]
        ):
            # "le Rwanda a répondu par la voix du lieutenant-colonel René Ngendahimana"
            return True
        if token.dep == "ROOT" and token.i == mention.start == parsed.sents[token.sent][0]:
            # "Arnaud Montebourg, l'emblématique ministre …, avait été le troisième homme":
            # a name opening its sentence that the parser made the root is its subject.
            return True
        if token.dep == "obj" and data.reporting_lemma(head.lemma) and head.i < token.i:
            return True
        if (
            token.i == mention.start
            and token.dep == "appos"
            and head.i < token.i
            and head.dep in _SUBJECT_DEPS
            and head.pos == "NOUN"
            and fold(head.text) in data.role_head_words()
        ):
            # "Le président américain Donald Trump a demandé …": the name of the role
            # noun that is the subject.
            return True
    return False
