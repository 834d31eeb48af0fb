"""Shared records of the event stage: the index over a parse, actors, tuned numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from veille import data
from veille.data import fold
from veille.events.codes import lexicon
from veille.model import Article, Entity, Location, Quote
from veille.nlp import Parsed, ParseIndex, Token

_SUBJECT_DEPS = frozenset({"nsubj", "expl:subj"})
_PASSIVE_SUBJECT = "nsubj:pass"
# A subject of any voice.
_ANY_SUBJECT = _SUBJECT_DEPS | {_PASSIVE_SUBJECT}
# The "de" prepositions, as ``_case`` folds them ("l'offensive de la Russie", "du", "d'").
_DE = frozenset({"de", "du", "des", "d'"})
# The determiners of an act named again ("l'attaque", "cette offensive"), folded lemmas;
# an elided article with a curly apostrophe ("l’offensive") keeps its form as lemma.
_DEFINITE = frozenset({"le", "ce", "cet", "l'"})
# The definite article as written, folded ("la Syrie", "l'Ukraine", "les ministres").
_THE = frozenset({"le", "la", "l'", "les"})
# Intentions of force are threats (13x), of anything else intents (03x).
_INTENT_OF_ROOT = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "18": "138",
    "19": "138",
    "20": "138",
    "17": "137",
    "16": "136",
    "15": "138",
    "14": "133",
}
# The codebook's own intent for a precise act: material cooperation 06x → 031x, aid
# 07x → 033x, yielding 08x → 035x, resigning 0831 → 0341 ("accepte de quitter le pouvoir").
_INTENT_OF_CODE = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "0831": "0341",
    "0841": "0353",
    "0842": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "0871": "0356",
    "0872": "0356",
    "0873": "0356",
    "0874": "0356",
    # A ban intended ("voudrait interdire", "veut prohiber") is a policy announced; the
    # threat of one is told by its own verb ("menace d'interdire").
    "172": "0342",
    # Reducing relations intended is the codebook's matching threat: to break relations
    # (1313), stop aid (1311), impose sanctions (1312: "envisage des sanctions"), halt
    # negotiations (134) or mediation (135).
    "161": "1313",
    "162": "1311",
    "1621": "1311",
    "1622": "1311",
    "1623": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    # Wanting to leave an organisation or a treaty ("souhaite se retirer de la CPI") is
    # already the break told, no threat.
    "160": "160",
}
# Confidence, from the evidence the record holds: a trigger alone is weak; named actors
# on both sides and a specific code make a record an analyst can use as is.
BASE_CONFIDENCE = 0.4


class _Index(ParseIndex):
    """The parse index with the article and the country it is about."""

    def __init__(
        self,
        parsed: Parsed,
        article: Article,
        entities: Sequence[Entity],
        quotes: Sequence[Quote] = (),
    ) -> None:
        super().__init__(parsed, entities)
        # Repairs of the parse, each reading the dependents of the parse as it came.
        repaired = _present_verbs(self, _participles(self, parsed.tokens))
        self.link(repaired)
        repaired = _active_subjects(self, repaired)
        repaired = _main_subjects(self, repaired)
        repaired = _alleged(_unprepositioned_subjects(self, repaired))
        repaired = _objects_after_dates(self, _caseless_subjects(self, repaired))
        repaired = _inverted_subjects(self, _topic_pronouns(repaired))
        self.link(repaired)
        repaired = _subjects_after_openings(self, repaired)
        self.link(_objects_after_qui(self, _envers(self, _aupres(self, repaired))))
        self.article = article
        # Sentences counted without those of whitespace only (the break between two
        # paragraphs is no sentence between them).
        self.sent_rank: list[int] = []
        rank = -1
        for start, end in parsed.sents:
            if rank < 0 or any(t.pos != "SPACE" for t in parsed.tokens[start:end]):
                rank += 1
            self.sent_rank.append(rank)
        self.home = _home_country(parsed, entities)
        # The nationality the article states for the perpetrator, once read
        # (``localise._perpetrator``): (country or None,), None before.
        self.perpetrator: tuple[str | None] | None = None
        by_id = {e.id: e for e in entities}
        # The speaker of each attributed quotation: "je" and "nous" inside it are they.
        self.voices: list[tuple[int, int, Entity]] = [
            (q.start, q.end, by_id[q.speaker])
            for q in quotes
            if q.speaker in by_id and q.kind != "indirect"
        ]

    def link(self, tokens: tuple[Token, ...]) -> None:
        linked: tuple[Token, ...] = getattr(self, "tokens", ())
        same = len(linked) == len(tokens) and all(
            a.head == b.head for a, b in zip(linked, tokens, strict=True)
        )
        if same:
            self.tokens = tokens  # a repair of tags or relations only: the same dependents
        else:
            super().link(tokens)
        self.subtrees: dict[int, list[int]] = {}  # ``_subtree``'s, for this linking
        self.places: dict[int, Location | None] = {}  # ``context._place``'s, by trigger

    def gap(self, later: Token, earlier: Token) -> int:
        """How many sentences ``earlier`` lies before ``later``."""
        return self.sent_rank[later.sent] - self.sent_rank[earlier.sent]

    def voice_at(self, char: int) -> Entity | None:
        return next((e for s, end, e in self.voices if s <= char < end), None)


def _alleged(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "16 djihadistes présumés du Front al-Nosra", "des membres présumés de l'EI": the
    parser may hang "présumé" (and the group named after it) off the act the people are
    in, or read it as a clause; it qualifies the noun right before it."""
    fixed = list(tokens)
    for token in tokens:
        if token.i == 0 or token.text[:2].lower() != "pr" or fold(token.text) not in _ALLEGED:
            continue
        noun = tokens[token.i - 1]
        if noun.pos != "NOUN" or noun.sent != token.sent:
            continue
        above, steps = noun, 0
        while above.head != above.i and above.head != token.i and steps < 50:
            above, steps = fixed[above.head], steps + 1
        if above.head == token.i:
            continue  # the noun hangs below it: no cycle
        fixed[token.i] = replace(token, pos="ADJ", dep="amod", head=noun.i, verb_form="", tense="")
    return tuple(fixed)


# "présumé" and its forms (folded).
_ALLEGED = frozenset({"presume", "presumes", "presumee", "presumees"})


def _participles(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Le président a téléphoné à son homologue": a word with a tense auxiliary is a
    past participle, whatever the tagger said of it (a noun, an adverb); an -é form
    left as written is read as the -er verb it comes from. An adjective too, when its
    auxiliary is "avoir" and there is no passive one ("a immédiatement démissionné", not
    "ont été tués")."""
    fixed = list(tokens)
    for token in tokens:
        if token.pos not in ("NOUN", "ADV", "X", "PROPN", "ADJ"):
            continue
        kids = [tokens[c] for c in index.children.get(token.i, [])]
        if not any(k.dep == "aux:tense" for k in kids):
            continue
        if token.pos == "ADJ" and (
            not any(k.dep == "aux:tense" and k.lemma == "avoir" for k in kids)
            or any(k.dep in ("aux:pass", "cop") for k in kids)
        ):
            continue
        word = token.text.lower()
        if not word.endswith(("é", "ée", "és", "ées")):
            continue
        lemma = _participle_lemma(word)
        fixed[token.i] = replace(token, pos="VERB", lemma=lemma, verb_form="Part", tense="Past")
    return tuple(fixed)


def _present_verbs(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "L'Iran menace Israël", "Le Premier ministre menace de dissoudre le Parlement",
    "Le ministre critique la décision": the parser takes a present-tense verb that is also
    a noun or an adjective ("menace", "critique", "somme") for one, and the sentence's
    subject for its root. Right after a subject with a determiner or a name, the form of a
    lexicon verb with no determiner or adjective of its own, followed by its complement
    ("de" and an infinitive, an object, a name), is the verb: it becomes the root, the
    subject its subject, and what follows its complements."""
    fixed = list(tokens)
    for start, end in index.parsed.sents:
        root = next((t for t in tokens[start:end] if t.head == t.i), None)
        if root is None or root.pos not in ("NOUN", "PROPN"):
            continue
        subjects = index.kids(root.i, "nsubj")
        if subjects and subjects[0].i < root.i and _present_verb(index, root, subjects[0]):
            verb = root  # "L'Iran menace Israël": the parser saw the subject, not the verb
        elif subjects:
            continue  # a root with a subject of its own heads the clause as parsed
        else:
            found = next(
                (t for t in tokens[root.i + 1 : end] if _present_verb(index, t, root)), None
            )
            if found is None:
                continue
            verb = found
            fixed[root.i] = replace(root, dep="nsubj", head=verb.i)
        word = verb.text.lower()
        lemma = _present_lemma(word)
        fixed[verb.i] = replace(
            verb, pos="VERB", lemma=lemma, dep="ROOT", head=verb.i, verb_form="Fin", tense="Pres"
        )
        for i in range(verb.i + 1, end):
            t = tokens[i]
            if t.head == root.i or (t.head == verb.i and t.dep != "ROOT"):
                cased = any(tokens[c].dep in ("case", "mark") for c in index.children.get(i, []))
                dep = {"acl": "xcomp", "amod": "xcomp"}.get(t.dep, t.dep)
                if t.dep in ("nmod", "appos", "obj"):
                    dep = "obl" if cased and t.pos != "VERB" else "obj"
                fixed[i] = replace(t, head=verb.i, dep=dep)
    return tuple(fixed)


def _present_verb(index: ParseIndex, token: Token, root: Token) -> bool:
    """``token`` is the present-tense lexicon verb the parser missed after ``root``."""
    word = token.text.lower()
    if token.pos not in ("NOUN", "ADJ") or not word.endswith(("e", "ent")) or len(word) < 4:
        return False
    if token.head not in (root.i, token.i):
        return False
    lemma = _present_lemma(word)
    if (lemma, "VERB") not in lexicon():
        return False
    tokens = index.tokens
    if root.i >= token.i:
        return False
    between = tokens[root.i + 1 : token.i]
    if any(t.pos == "PUNCT" or t.pos in ("VERB", "AUX") for t in between):
        return False  # "Syrie : attaque contre …", a title
    if any(
        tokens[c].dep in ("det", "amod", "nummod", "case") for c in index.children.get(token.i, [])
    ):
        return False  # "une menace", "nouvelle attaque", "sans relâche": a noun
    if root.pos == "NOUN" and not any(
        tokens[c].dep == "det" for c in index.children.get(root.i, [])
    ):
        return False  # "Situation critique à Alep": a title
    if token.i + 1 >= len(tokens):
        return False
    after = tokens[token.i + 1]
    if fold(after.text) in ("de", "d'", "d’") and token.i + 2 < len(tokens):
        return tokens[token.i + 2].verb_form == "Inf"  # "menace de dissoudre"
    # "critique la décision", "menace Israël", "enquête sur des crimes"
    return after.pos in ("DET", "PROPN") or fold(after.text) in ("sur", "contre")


def _active_subjects(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Le groupe … est repassé à l'offensive", "Les collègues … ont poursuivi et tué":
    the parser may call the subject of a verb with a tense auxiliary a passive subject;
    a verb with no passive auxiliary ("a été", "être") has an active subject."""
    fixed = list(tokens)
    for token in tokens:
        if token.dep != _PASSIVE_SUBJECT or token.head == token.i:
            continue
        verb = tokens[token.head]
        deps = {tokens[c].dep for c in index.children.get(verb.i, [])}
        if verb.pos != "VERB":
            continue
        if not deps & {"aux:pass", "expl:pass", "cop"} or (
            fold(verb.lemma) in _BE_VERBS and "obl:agent" not in deps
        ):
            fixed[token.i] = replace(token, dep="nsubj")
    return tuple(fixed)


def _main_subjects(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "le collectif de Guyanais menant depuis deux semaines le mouvement, a refusé la
    proposition": a present participle has no subject of its own; one the parser gives it
    is the subject of the main verb, when that verb has none."""
    fixed = list(tokens)
    for start, end in index.parsed.sents:
        roots = [t for t in tokens[start:end] if t.head == t.i and t.pos in ("VERB", "AUX")]
        if len(roots) != 1:
            continue
        root = roots[0]
        if any(
            tokens[c].dep in ("nsubj", _PASSIVE_SUBJECT) for c in index.children.get(root.i, [])
        ):
            continue
        for token in tokens[start : root.i]:
            participle = tokens[token.head]
            if (
                token.dep == "nsubj"
                and token.pos in ("NOUN", "PROPN")
                and participle.verb_form == "Part"
                and participle.tense == "Pres"
                and participle.dep in ("acl", "advcl")
            ):
                fixed[token.i] = replace(token, head=root.i)
                break
    return tuple(fixed)


def _unprepositioned_subjects(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Selon le patron du restaurant, une serveuse a été tuée": a phrase with a
    preposition is no subject; the parser may hang the true subject, after the comma, off
    it. That one becomes the subject, the other a complement of the verb."""
    fixed = list(tokens)
    for token in tokens:
        if token.dep not in ("nsubj", _PASSIVE_SUBJECT) or token.head == token.i:
            continue
        kids = [tokens[c] for c in index.children.get(token.i, [])]
        if not any(k.dep == "case" for k in kids):
            continue
        true = next((k for k in kids if _after_comma(index, tokens, k)), None)
        if true is None or any(tokens[c].dep == "case" for c in index.children.get(true.i, [])):
            continue
        fixed[token.i] = replace(token, dep="obl:mod")
        fixed[true.i] = replace(true, dep=token.dep, head=token.head)
    return tuple(fixed)


def _subjectless_verbs(
    index: ParseIndex, tokens: Sequence[Token]
) -> Iterator[tuple[Token, list[Token]]]:
    """Finite verbs, and participles with a finite auxiliary, that have no subject, with
    their dependents (a participle with no finite auxiliary has no subject of its own)."""
    for verb in tokens:
        if verb.pos != "VERB" or verb.verb_form not in ("Part", "Fin"):
            continue
        kids = [tokens[c] for c in index.children.get(verb.i, [])]
        if any(k.dep in _ANY_SUBJECT for k in kids):
            continue
        if verb.verb_form == "Part" and not any(
            k.dep.startswith("aux") and k.verb_form == "Fin" for k in kids
        ):
            continue
        yield verb, kids


@cache
def _actor_heads() -> frozenset[str]:
    """Head words of actors named by no name: people, institutions, roles."""
    lists = data.name_lists()
    return frozenset(lists["people"] | lists["institution"] | data.role_head_words())


def _caseless_subjects(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Le dernier dirigeant du pays, Pervez Musharraf, a été contraint à la démission":
    the parser may make a subject set off by commas a complement of the verb, with no
    preposition. A finite verb with no subject takes the first such phrase before it that
    names an actor (a name, a body, people), the others after it being its appositions."""
    fixed = list(tokens)
    bodies = _actor_heads()
    for verb, kids in _subjectless_verbs(index, tokens):
        phrases = [
            k
            for k in kids
            if k.i < verb.i
            and k.dep in ("obl:mod", "obl", "nmod", "obl:arg")
            and k.pos in ("NOUN", "PROPN")
            and not any(tokens[c].dep in ("case", "mark") for c in index.children.get(k.i, []))
        ]
        conjoined = False
        if not phrases:
            # "Après 7 ans de négociations, le Canada et l'Union européenne ont signé": the
            # subjects made conjuncts of the phrase before the comma.
            phrases = _subjects_conjoined(index, tokens, verb, kids)
            conjoined = True
        if not phrases:
            continue
        first = phrases[0]
        named = first.i in index.entity_of and index.entity_of[first.i].type in (
            "PER",
            "ORG",
            "GPE",
        )
        if not named and fold(first.lemma) not in bodies:
            continue
        # Nothing but the phrases, commas, auxiliaries and adverbs up to the verb.
        covered = {i for p in phrases for i in index.descendants(p.i)}
        between = [t for t in tokens[first.i : verb.i] if t.i not in covered]
        if any(t.pos not in ("PUNCT", "AUX", "ADV") for t in between):
            continue
        fixed[first.i] = replace(
            first, dep="nsubj" if _active(kids) else _PASSIVE_SUBJECT, head=verb.i
        )
        for other in phrases[1:]:
            fixed[other.i] = replace(other, dep="conj" if conjoined else "appos", head=first.i)
    return tuple(fixed)


def _subjects_conjoined(
    index: ParseIndex, tokens: Sequence[Token], verb: Token, kids: Sequence[Token]
) -> list[Token]:
    """The conjuncts of a phrase with a preposition before the verb that start right after
    a comma, with no "et" before the first: subjects the parser coordinated with it."""
    for phrase in kids:
        if phrase.i > verb.i or phrase.dep not in ("obl:mod", "obl", "nmod"):
            continue
        conjuncts = [
            tokens[c]
            for c in index.children.get(phrase.i, [])
            if tokens[c].dep == "conj" and tokens[c].pos in ("NOUN", "PROPN") and c < verb.i
        ]
        if not conjuncts:
            continue
        first = conjuncts[0]
        if any(tokens[c].dep in ("cc", "case") for c in index.children.get(first.i, [])):
            continue
        start = min(i for i in index.descendants(first.i) if tokens[i].pos != "PUNCT")
        if start > 0 and tokens[start - 1].text == ",":
            return conjuncts
    return []


def _objects_after_dates(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "auditionnera ce lundi 23 juillet à 10 heures le ministre de l'intérieur": the
    parser may hang the object after a date on the date's number or month. A noun with an
    article and no preposition, hung on a date word after it, is the object of the verb
    the date belongs to, when that verb has none."""
    fixed = list(tokens)
    calendar = _calendar_words()
    for token in tokens:
        if token.dep != "nmod" or token.pos not in ("NOUN", "PROPN") or token.head >= token.i:
            continue
        date = tokens[token.head]
        if date.pos != "NUM" and fold(date.text) not in calendar:
            continue
        kids = [tokens[c] for c in index.children.get(token.i, [])]
        if any(k.dep in ("case", "mark") for k in kids) or fold(token.text) in calendar:
            continue
        if not any(k.dep == "det" and fold(k.lemma) in ("le", "un") for k in kids):
            continue
        verb = date
        for _ in range(4):
            if verb.pos == "VERB" or verb.head == verb.i or verb.dep not in ("nmod", "obl:mod"):
                break
            verb = tokens[verb.head]
        if verb.pos != "VERB" or verb.i > date.i:
            continue
        if any(tokens[c].dep == "obj" for c in index.children.get(verb.i, [])):
            continue
        fixed[token.i] = replace(token, dep="obj", head=verb.i)
    return tuple(fixed)


def _inverted_subjects(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "« … », déplore-t-il", "dénonce-t-elle", "a-t-il ajouté": a subject clitic joined
    to the verb by a hyphen is its subject, after it (the parser often makes it another
    dependent, or hangs it on the "-t-"); of the participle when the verb is its
    auxiliary."""
    fixed = list(tokens)
    for token in tokens:
        if token.pos != "PRON" or not token.text.startswith("-") or token.i == 0:
            continue
        if fold(token.text[1:]) not in _SUBJECT_CLITICS or token.dep in _ANY_SUBJECT:
            continue
        verb = tokens[token.i - 1]
        if fold(verb.text) == "-t" and token.i > 1:
            verb = tokens[token.i - 2]
        if verb.pos == "AUX" and verb.dep.startswith("aux") and verb.head != verb.i:
            verb = tokens[verb.head]  # "a-t-il ajouté"
        if verb.pos not in ("VERB", "AUX") or verb.i == token.i:
            continue
        kids = [tokens[c] for c in index.children.get(verb.i, [])]
        if any(k.dep in _ANY_SUBJECT and k.i != token.i for k in kids):
            continue  # "Le désir est-il …": the clitic repeats a subject
        passive = any(k.dep == "aux:pass" for k in kids)
        fixed[token.i] = replace(token, dep=_PASSIVE_SUBJECT if passive else "nsubj", head=verb.i)
    return tuple(fixed)


def _subjects_after_openings(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Après avoir nié les faits, Jean Dupont, un ancien militaire, a avoué": the parser
    may hang the subject that follows an opening clause (and its apposition) inside that
    clause. A verb with a finite auxiliary or form and no subject, right after a comma
    (auxiliaries and adverbs between), takes the name or body set off by commas before it
    that the opening clause holds."""
    fixed = list(tokens)
    bodies = _actor_heads()
    for verb, kids in _subjectless_verbs(index, tokens):
        comma = verb.i - 1
        while comma > 0 and tokens[comma].pos in ("AUX", "ADV") and tokens[comma].head == verb.i:
            comma -= 1
        if tokens[comma].text != "," or comma < 2:
            continue
        opening = [k for k in kids if k.dep in ("advcl", "obl:mod", "obl") and k.i < comma]
        start = index.parsed.sents[verb.sent][0]
        for clause in opening:
            if min(index.descendants(clause.i)) > start + 1:
                continue  # (the clause opens the sentence)
            for i in index.descendants(clause.i):
                phrase = tokens[i]
                if (
                    phrase.pos not in ("PROPN", "NOUN")
                    or i < 1
                    or tokens[i - 1].text != ","
                    or max(index.descendants(i)) != comma - 1
                    or any(tokens[c].dep == "case" for c in index.children.get(i, []))
                ):
                    continue
                entity = index.entity_of.get(i)
                named = entity is not None and entity.type in ("PER", "ORG", "GPE")
                if named or fold(phrase.lemma) in bodies:
                    fixed[i] = replace(
                        phrase, dep="nsubj" if _active(kids) else _PASSIVE_SUBJECT, head=verb.i
                    )
                break
    return tuple(fixed)


def _topic_pronouns(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "L'ONU a quant à elle critiqué la Chine": the pronoun after "quant à" sets off the
    subject as a topic; it is no second subject (the parser may make it one, and hang the
    true subject on the auxiliary, which the subject of the verb it serves is)."""
    fixed = list(tokens)
    for token in tokens:
        if token.i < 2 or token.pos != "PRON" or token.dep not in _ANY_SUBJECT:
            continue
        if fold(tokens[token.i - 2].text) != "quant" or fold(tokens[token.i - 1].text) != "a":
            continue
        fixed[token.i] = replace(token, dep="obl:mod")
        for subject in tokens[: token.i - 2]:
            auxiliary = tokens[subject.head]
            if (
                subject.dep in _ANY_SUBJECT
                and auxiliary.dep.startswith("aux")
                and auxiliary.head == token.head
            ):
                fixed[subject.i] = replace(subject, head=token.head)
    return tuple(fixed)


# Subject clitics that follow the verb with a hyphen ("-il", "-elle"), folded.
_SUBJECT_CLITICS = frozenset({"il", "elle", "ils", "elles", "on"})


def _objects_after_qui(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "Masayoshi Son, qui avait rencontré le président élu": "qui" is the subject of its
    clause; a noun the parser also calls its subject, after the verb, is its object."""
    fixed = list(tokens)
    for verb in tokens:
        if verb.dep != "acl:relcl":
            continue
        subjects = [tokens[c] for c in index.children.get(verb.i, []) if tokens[c].dep == "nsubj"]
        if not any(fold(s.text) == "qui" and s.i < verb.i for s in subjects):
            continue
        if any(tokens[c].dep == "obj" for c in index.children.get(verb.i, [])):
            continue
        for subject in subjects:
            if subject.i > verb.i and subject.pos in ("NOUN", "PROPN"):
                fixed[subject.i] = replace(subject, dep="obj")
                break
    return tuple(fixed)


def _aupres(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "se sont constitués prisonniers auprès des forces kurdes": the parser may take
    "auprès" for an adverb heading the phrase; it is the phrase's preposition, and the
    phrase a complement of the verb above."""
    fixed = list(tokens)
    for token in tokens:
        if token.text[:3].lower() != "aup" or token.pos == "ADP" or token.head == token.i:
            continue
        if fold(token.text) != "aupres":
            continue
        phrases = [
            tokens[c]
            for c in index.children.get(token.i, [])
            if tokens[c].pos in ("NOUN", "PROPN", "PRON") and tokens[c].i > token.i
        ]
        verb = tokens[token.head]
        for _ in range(3):
            if verb.pos == "VERB" or verb.head == verb.i:
                break
            verb = tokens[verb.head]
        if not phrases or verb.pos != "VERB":
            continue
        fixed[phrases[0].i] = replace(phrases[0], dep="obl:arg", head=verb.i)
        fixed[token.i] = replace(token, pos="ADP", dep="case", head=phrases[0].i)
    return tuple(fixed)


def _envers(index: ParseIndex, tokens: Sequence[Token]) -> tuple[Token, ...]:
    """ "une procédure de sanction envers le Portugal", "des intimidations envers des
    commerçants": the parser takes "envers" for a verb or a noun governing the phrase
    (and the noun before it, at times, for its subject); it is the phrase's preposition,
    and the phrase a complement of the noun before it, or of the verb above."""
    fixed = list(tokens)
    for token in tokens:
        if fold(token.text) != "envers" or token.pos == "ADP" or token.head == token.i:
            continue
        if token.i > 0 and fold(tokens[token.i - 1].text) in ("l'", "l’"):
            continue  # "à l'envers"
        kids = [tokens[c] for c in index.children.get(token.i, [])]
        phrases = [k for k in kids if k.pos in ("NOUN", "PROPN", "PRON") and k.i > token.i]
        if not phrases:
            continue
        head = tokens[token.head]
        subjects = [k for k in kids if k.dep == "nsubj" and k.pos == "NOUN" and k.i < token.i]
        if subjects:
            # "a lancé une procédure … envers le Portugal": the "subject" is the verb's
            # object, which the phrase qualifies.
            noun = subjects[0]
            fixed[noun.i] = replace(noun, dep="obj", head=head.i)
            fixed[phrases[0].i] = replace(phrases[0], dep="nmod", head=noun.i)
        elif head.pos in ("NOUN", "PROPN"):
            fixed[phrases[0].i] = replace(phrases[0], dep="nmod", head=head.i)
        else:
            fixed[phrases[0].i] = replace(phrases[0], dep="obl:arg", head=head.i)
        fixed[token.i] = replace(token, pos="ADP", dep="case", head=phrases[0].i)
    return tuple(fixed)


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names, folded."""
    return frozenset(
        fold(word)
        for word, kind, _ in data.read_rows("time_words.tsv")
        if kind in ("month", "weekday")
    )


def _active(kids: Sequence[Token]) -> bool:
    return not any(k.dep == "aux:pass" for k in kids)


def _after_comma(index: ParseIndex, tokens: Sequence[Token], token: Token) -> bool:
    """A noun phrase hung off another that starts right after a comma."""
    if token.dep not in ("nmod", "appos") or token.pos not in ("NOUN", "PROPN", "PRON"):
        return False
    first = min(index.descendants(token.i))
    return first > 0 and tokens[first - 1].text == ","


# Verbs conjugated with "être" in the active ("est repassé à l'offensive", "sont arrivés"):
# "être" with their participle is no passive.
_BE_VERBS = frozenset(
    {
        "aller",
        "venir",
        "revenir",
        "devenir",
        "parvenir",
        "intervenir",
        "arriver",
        "partir",
        "repartir",
        "entrer",
        "rentrer",
        "sortir",
        "monter",
        "descendre",
        "tomber",
        "rester",
        "retourner",
        "passer",
        "repasser",
        "naitre",
        "mourir",
        "deceder",
        "apparaitre",
    }
)


def _home_country(parsed: Parsed, entities: Sequence[Entity]) -> str | None:
    """The country the article is about: the most mentioned one, by name or by adjective
    ("l'armée égyptienne"). People and bodies of no stated country are taken to be of it."""
    counts: dict[str, int] = {}
    for entity in entities:
        if entity.type in ("GPE", "PER") and entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    # Country names inside other names count too ("le Sénat du Burundi").
    named = {m.start for e in entities if e.type == "GPE" for m in e.mentions}
    for place in parsed.places:
        start = parsed.tokens[place.start].start
        if place.label == "country" and place.key and start not in named:
            named.add(start)
            counts[place.key] = counts.get(place.key, 0) + 1
    adjectives = data.place_adjectives()
    for token in parsed.tokens:
        # (once for an adjective the gazetteer read as the country's name: "la justice suisse")
        if token.pos == "ADJ" and fold(token.text) in adjectives and token.start not in named:
            country = adjectives[fold(token.text)]
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


@dataclass(slots=True)
class _Actor:
    entity: Entity | None = None
    code: str | None = None  # actor code when there is no entity ("SYRMIL", "WST")
    country: str | None = None
    party: bool = False  # a noun phrase names a party, but no entity, role or country
    people: bool = False  # … and that party is people or a body ("les manifestants")
    unaligned: bool = False  # … named by what they did, of no side the text tells ("un kamikaze")
    token: int | None = None  # the head word of the phrase that names it, if one does
    site: bool = False  # … a building or public place ("un hôtel"), a target of violence

    @property
    def actor_code(self) -> str | None:
        if self.code is not None:
            return self.code
        return self.entity.actor_code if self.entity is not None else None

    @property
    def named(self) -> bool:
        """The text names this actor: an entity, a code, or people of no known code."""
        return self.people or self.site or self.entity is not None or self.code is not None


def _subtree(index: _Index, root: int) -> list[int]:
    """The words under ``root``, itself included, relative clauses left out, in order (the
    list is kept for the parse as linked: read it, do not change it)."""
    cached = index.subtrees.get(root)
    if cached is not None:
        return cached
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(
            c for c in index.children.get(i, []) if index.tokens[c].dep not in ("acl:relcl",)
        )
    found.sort()
    index.subtrees[root] = found
    return found


def _heads(index: _Index, token: Token, limit: int) -> Iterator[Token]:
    """The words above ``token`` in the parse, nearest first, at most ``limit`` of them."""
    for _ in range(limit):
        if token.head == token.i:
            return
        token = index.tokens[token.head]
        yield token


def _present_lemma(word: str) -> str:
    """The -er infinitive of a present the tagger left as written ("menace", "menacent")."""
    return re.sub(r"(ent|e)$", "er", word)


def _participle_lemma(word: str) -> str:
    """The -er infinitive of a past participle left as written ("violé", "violées")."""
    return re.sub(r"(é|ée|és|ées)$", "er", word)


def _has_auxiliary(index: ParseIndex, verb: Token) -> bool:
    """The verb has an auxiliary of tense or voice ("a signé", "ont été tués")."""
    return any(index.tokens[c].dep.startswith("aux") for c in index.children.get(verb.i, []))


def _verb_of(index: _Index, token: Token) -> Token:
    """The verb (or auxiliary) a word hangs off, itself if it is one."""
    verb = token
    while verb.pos not in ("VERB", "AUX") and verb.head != verb.i:
        verb = index.tokens[verb.head]
    return verb


def _definite(index: _Index, noun: Token) -> bool:
    """The noun has the definite or demonstrative article: "l'offensive", "cette attaque"
    (an act the reader is taken to know)."""
    return any(fold(t.lemma) in _DEFINITE for t in index.kids(noun.i, "det"))


def _articled(index: _Index, token: Token) -> bool:
    """The phrase has the definite article ("la Syrie", "l'Ukraine", "le gouvernement")."""
    return any(fold(d.text) in _THE for d in index.kids(token.i, "det"))


def _case(index: _Index, token: Token) -> str:
    cases = index.kids(token.i, "case")
    return fold(cases[0].text) if cases else ""


def _has_case(index: _Index, token: Token, case: str) -> bool:
    return any(_case(index, index.tokens[c]) == case for c in index.children.get(token.i, []))
