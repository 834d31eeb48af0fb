"""Context of an event: negation, intention, date, place and block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from veille import data
from veille.data import fold
from veille.events.base import (
    _SUBJECT_DEPS,
    _case,
    _definite,
    _has_auxiliary,
    _Index,
    _present_lemma,
    _subtree,
    _verb_of,
)
from veille.events.codes import lexicon
from veille.model import Article, BlockRole, Location, Timex
from veille.nlp import Token
from veille.places import location_of
from veille.timex import since


def _negated(index: _Index, trigger: Token) -> bool:
    """ "n'a pas signé", "a refusé de condamner", "sans condamner", "n'a rien cédé"."""
    words = {index.tokens[c].text.lower() for c in index.children.get(trigger.i, [])}
    if words & {"pas", "jamais", "aucun", "aucune", "sans", "rien"}:
        return True
    if "plus" in words and words & {"ne", "n'", "n’"}:
        return True  # "n'a plus attaqué"; not "a effectué plus de 1 000 arrestations"
    head = index.tokens[trigger.head]
    if (
        trigger.pos == "NOUN"
        and trigger.dep in ("obj", "obl:arg")
        and fold(head.lemma) in _SUPPORT_VERBS
        and head.i != trigger.i
        and _negated(index, head)
    ):
        return True  # "n'ont pas participé à l'offensive", "n'a mené aucune frappe"
    refusals = data.name_lists().get("refusal", frozenset())
    # What a refusal governs ("a refusé de condamner", "refuse tout dialogue"), not a clause
    # that only hangs off it ("a refusé la proposition du gouvernement, accusé de …").
    governed = trigger.verb_form == "Inf" or trigger.dep in ("obj", "xcomp", "ccomp")
    return head.i != trigger.i and governed and fold(head.lemma) in refusals


# Verbs that only carry an act told by their noun: "participer à l'offensive", "mener
# des frappes", "lancer une attaque".
_SUPPORT_VERBS = frozenset(
    {"participer", "mener", "lancer", "conduire", "effectuer", "organiser", "prendre"}
)


def _intention(index: _Index, trigger: Token) -> bool:
    """ "veut rencontrer", "a annoncé vouloir se rendre", "une invitation à se rendre"."""
    if (
        _future_plural(trigger)
        or trigger.tense == "Fut"
        or any(
            index.tokens[c].tense == "Fut" and index.tokens[c].dep.startswith("aux")
            for c in index.children.get(trigger.i, [])
        )
    ):
        return True  # "quitteront", "rencontrera"
    if trigger.pos == "NOUN" and any(
        fold(a.lemma) in data.name_lists()["intended"] for a in index.kids(trigger.i, "amod")
    ):
        return True  # "une offensive prochaine", "d'éventuelles négociations"
    # (a force posture planned is shown: "des renforts ont été prévus", 15x)
    if (
        trigger.pos == "NOUN"
        and not _posture(trigger)
        and any(
            _singular(fold(a.text)) in data.name_lists()["intended"]
            for a in index.kids(trigger.i, "acl")
            if a.verb_form == "Part" and not index.kids(a.i, "aux:tense", "aux:pass", "cop")
        )
    ):
        return True  # "la visite officielle du président, prévue le 27 janvier"
    if trigger.pos == "NOUN" and not _posture(trigger) and _planned(index, trigger):
        return True  # "une nouvelle manifestation a été prévue mardi"
    intents = data.name_lists().get("intention", frozenset())
    if trigger.verb_form == "Inf" and trigger.i > 0:
        # "l'Inde compte acheter", the present tense left unlemmatised (and often
        # mis-parsed): the word just before the infinitive, read as an -er verb.
        before = index.tokens[trigger.i - 1]
        word = fold(before.text)
        if (
            before.pos in ("VERB", "NOUN")
            and word.endswith(("e", "ent"))
            and fold(_present_lemma(word)) in intents
        ):
            return True
    head = index.tokens[trigger.head]
    if head.i == trigger.i:
        return False
    if trigger.verb_form == "Inf" and head.lemma == "aller" and head.tense in ("Pres", "Imp"):
        return True  # "va rencontrer", "a annoncé qu'il allait rencontrer"
    if trigger.verb_form == "Inf" and _near_future(index, trigger):
        return True  # "va rencontrer" with "va" as the auxiliary of the near future
    if trigger.verb_form == "Inf" and fold(head.lemma) in intents:
        return True
    if (
        trigger.pos == "NOUN"
        and trigger.dep == "obj"
        and head.verb_form == "Inf"
        and head.head != head.i
        and (
            fold(index.tokens[head.head].lemma) in intents
            or (index.tokens[head.head].lemma == "aller" and index.tokens[head.head].tense != "Fut")
            or _near_future(index, head)
        )
    ):
        # "souhaite renforcer sa coopération", "a proposé d'organiser un sommet", "allait
        # ouvrir des négociations"
        return True
    if (
        trigger.pos == "NOUN"
        and trigger.dep == "obj"
        and head.pos == "VERB"
        and fold(head.lemma) in _PLANNING
        and not index.kids(head.i, "aux:pass")
    ):
        return True  # "le groupe prévoit des attaques", "projette un attentat"
    return trigger.verb_form == "Inf" and head.lemma in (
        "invitation",
        "proposition",
        "projet",
        "intention",
        "volonté",
        "désir",
        "envie",
        "dessein",
    )


# Verbs whose object noun is an act planned or wished, not done ("prévoit des attaques",
# "projette un attentat", "souhaite des négociations"); not "annoncer", whose object is
# as often an act done ("annonce l'arrestation de").
_PLANNING = frozenset({"prevoir", "projeter", "envisager", "vouloir", "souhaiter", "esperer"})


def _planned(index: _Index, noun: Token) -> bool:
    """The noun is the subject of "prévu" in the passive or after a copula ("de nouvelles
    actions ont été prévues, ainsi qu'une nouvelle manifestation", "une manifestation
    était prévue cet après-midi"), or joined to such a subject."""
    if noun.head == noun.i:
        return False
    verb = index.tokens[noun.head]
    if noun.dep == "conj" and verb.pos == "NOUN":
        noun = verb  # "des actions et une manifestation ont été prévues"
        verb = index.tokens[noun.head]
    elif noun.dep != "conj" and noun.dep not in ("nsubj", "nsubj:pass"):
        return False  # (the parser may join the second subject to the verb itself)
    if _singular(fold(verb.text)) not in ("prevu", "programme"):
        return False
    return bool(index.kids(verb.i, "aux:pass", "cop"))


def _posture(noun: Token) -> bool:
    """A noun of force posture (15x: "renforts", "déploiement")."""
    entries = lexicon().get((noun.lemma.lower(), "NOUN"), ())
    return bool(entries) and all(code.startswith("15") for _, code in entries)


def _singular(word: str) -> str:
    """A folded past participle in the masculine singular: "prevues" → "prevu"."""
    for ending in ("es", "e", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _near_future(index: _Index, verb: Token) -> bool:
    """ "va rencontrer" with "va" parsed as the infinitive's auxiliary."""
    return any(
        index.tokens[c].lemma == "aller" and index.tokens[c].dep.startswith("aux")
        for c in index.children.get(verb.i, [])
    )


def _intended_change(index: _Index, trigger: Token) -> bool:
    """A change of policy or of institutions spoken of as wanted: "veut supprimer le Sénat",
    "souhaite la suppression de", "se dit favorable à la légalisation", "prône l'abolition
    de", "réformera"; not "a supprimé la taxe" (done: home policy, no event)."""
    if trigger.dep == "acl:relcl":
        return False  # "un accord qui supprimera les droits de douane": what a thing does
    if _intention(index, trigger):
        return True
    if (
        trigger.verb_form == "Inf"
        and trigger.i > 0
        and fold(index.tokens[trigger.i - 1].text)
        in (
            "aimerait",
            "aimerais",
            "aimeraient",
        )
    ):
        return True  # "aimerait supprimer", often parsed apart
    head = index.tokens[trigger.head]
    if head.i == trigger.i:
        return False
    wanting = data.name_lists().get("intention", frozenset()) | _ADVOCATING
    if trigger.verb_form == "Inf" and fold(head.lemma) in _ADVOCATING:
        return True  # "préconise de durcir les règles"
    # "souhaite la suppression du Sénat", "favorable à la suppression", "prône l'abolition"
    if trigger.pos != "NOUN":
        return False
    if trigger.dep.startswith("obl"):
        return fold(head.lemma) in _ADVOCATING  # not "compte sur la réforme pour …"
    return trigger.dep == "obj" and fold(head.lemma) in wanting


# Words by which one advocates a change, said of policy only ("préconise de durcir les
# règles", "favorable à la suppression de"): of a candidate or a party, a pledge.
_ADVOCATING = frozenset({"preconiser", "proner", "favorable", "partisan", "aimer", "plaider"})


def _future_plural(token: Token) -> bool:
    """ "quitteront", "frapperont": a third person plural in -ront is a future (no present
    ends so), whatever the tagger said."""
    word = token.text.lower()
    return (
        token.pos == "VERB" and token.verb_form == "Fin" and word.endswith("ront") and len(word) > 6
    )


def _date(
    index: _Index, trigger: Token, timexes: Sequence[Timex], intended: bool = False
) -> tuple[str | None, str | None, str]:
    """The time expression of the trigger's clause (not of a relative clause in it); else
    the one that dates the narrative of its paragraph, in the nearest sentence before
    ("Samedi, un homme a attaqué … . Les policiers ont ensuite tué l'agresseur."); else
    the publication date. A date after publication dates only an intention ("le
    relèvement de l'âge de la pension d'ici à 2030" does not date a protest)."""
    published = index.article.published
    start, end = index.parsed.sents[trigger.sent]
    sentence = (index.tokens[start].start, index.tokens[end - 1].end)
    clause = _clause_tokens(index, trigger)
    usable = [t for t in timexes if intended or not _after(t.value, published)]
    if not intended and published and not _future_verb(index, trigger):
        # "tués lors de la répression des 11 et 12 décembre 2016" in November 2016.
        slips = [
            t
            for t in _typo_years(timexes, published)
            if sentence[0] <= t.start < sentence[1] and not _to_come(index, trigger, t)
        ]
        usable = sorted(usable + slips, key=lambda t: t.start)
    own = set(_subtree(index, trigger.i)) if trigger.pos == "NOUN" else set()
    ranked: list[tuple[tuple[bool, int], Timex]] = []
    opening: Timex | None = None
    previous: tuple[int, bool] = (-1, False)  # the end of the last time, and if in clause
    for timex in usable:
        if not sentence[0] <= timex.start < sentence[1]:
            continue
        first = next((t.i for t in index.tokens[start:end] if t.start >= timex.start), None)
        if first is None:
            continue
        inside = first in clause
        if _coordinated(index, previous[0], timex):
            # "appelé aux massacres en 2014 et en mai dernier": a time joined to the one
            # before goes where that one does, whatever the parse did with it.
            inside = previous[1]
        previous = (timex.end, inside)
        if inside:
            # A time inside another noun's phrase ("la même zone que l'agression de ce
            # samedi", "l'accord de cessez-le-feu de mercredi") dates that noun, not the
            # clause: it comes after one that does, and the nearest first.
            nominal = first not in own and _in_noun_phrase(index, first)
            ranked.append(((nominal, abs(timex.start - trigger.start)), timex))
        elif _opens_sentence(index, first, start, timex.end):
            opening = timex
    key, best = min(ranked, key=lambda r: r[0]) if ranked else ((True, 0), None)
    if opening is not None and key[0] and (ranked or not _bare_participle(index, trigger)):
        # No time of the clause's own, or only another noun's: "Mercredi 29 mars, …"
        # heading the sentence dates it ("… avait attaqué … avant d'être abattue").
        best = opening
    if best is None:
        offset = _anaphoric_day(index, clause)
        day = _last_day(index, sentence[0], usable)
        if offset is not None and day is not None:
            return _shift(day, offset), "day", "text"  # "Le jour même, l'EI a revendiqué"
    if best is None:
        words = " ".join(index.tokens[i].text for i in sorted(clause))
        started = since(words, published)
        if started is not None:
            return started[0], started[1], "text"  # "assiégées depuis deux ans"
    if best is None and _told_in_past(index, trigger):
        best = _narrative_time(index, trigger, usable)
        follows = _sequel(index, start, end) or _restated(index, trigger)
        if best is None and follows and not _background(index, trigger):
            # "Des manifestants ont, peu après, jeté des pierres", "L'explosion a eu lieu
            # à …": the act follows, or is, the one told last, on its day.
            best = _narrative_time(index, trigger, usable, whole=True)
    if best is not None:
        return best.value, best.precision, "text"
    if not published:
        return None, None, "published"
    precision = {1: "year", 2: "month", 3: "day"}[len(published.split("-"))]
    return published, precision, "published"


def _typo_years(timexes: Sequence[Timex], published: str) -> list[Timex]:
    """A day of the year of publication written after it ("tués lors de la répression
    des 11 et 12 décembre 2016" in November 2016): a slip for the year before, when the
    act is not to come."""
    year = published[:4]
    written = [
        t.value[:4] == year and year in t.text and _after(t.value, published) for t in timexes
    ]
    return [
        replace(t, value=f"{int(year) - 1:04d}{t.value[4:]}")
        for i, t in enumerate(timexes)
        if t.precision == "day"
        and _after(t.value, published)
        and (written[i] or (i + 1 < len(timexes) and written[i + 1] and _joined(t, timexes[i + 1])))
    ]


def _to_come(index: _Index, trigger: Token, timex: Timex) -> bool:
    """An infinitive stands between the trigger and the time ("a appelé à manifester le
    12 décembre 2016"), or a word of plans just before it ("les élections prévues le 28
    février 2016"): the time may be that of an act to come, not a slip."""
    at = index.token_at(timex.start)
    low, high = sorted((trigger.i, at))
    before = fold(index.parsed.text[max(0, timex.start - 40) : timex.start])
    planned = re.search(r"\b(?:prevue?s?|programmee?s?|attendue?s?|normalement)\b", before)
    return planned is not None or any(t.verb_form == "Inf" for t in index.tokens[low:high])


def _joined(first: Timex, second: Timex) -> bool:
    """ "les 11 et 12 décembre 2016": the first day takes the second one's year."""
    return second.start - first.end < 8


def _future_verb(index: _Index, trigger: Token) -> bool:
    """The trigger's verb is a future ("se tiendra", "aura lieu", "va signer")."""
    verb = _verb_of(index, trigger)
    tenses = {verb.tense} | {a.tense for a in index.kids(verb.i, "aux:tense", "aux:pass")}
    return "Fut" in tenses or _future_plural(verb) or _near_future(index, verb)


def _in_noun_phrase(index: _Index, first: int) -> bool:
    """The time expression qualifies a noun ("l'agression de ce samedi")."""
    token = index.tokens[first]
    while token.pos in ("DET", "ADP", "NUM", "ADJ") and token.head != token.i:
        token = index.tokens[token.head]
    head = index.tokens[token.head]
    return token.dep == "nmod" and head.pos in ("NOUN", "PROPN")


def _bare_participle(index: _Index, trigger: Token) -> bool:
    """ "le gouvernement, accusé de sous-investissement": a participle with no auxiliary
    says what someone is, not an act told on the sentence's day."""
    verb = _verb_of(index, trigger)
    return verb.verb_form == "Part" and not _has_auxiliary(index, verb)


def _opens_sentence(index: _Index, first: int, start: int, stop: int) -> bool:
    """The time expression (its first token, and its end) heads the sentence, set off by
    a comma ("Mercredi 29 mars, dans la même zone, une Palestinienne avait attaqué …",
    "Il y a à peine un mois, l'armée avait été expulsée")."""
    if first > start + 1:
        return False
    last = first
    while last + 1 < len(index.tokens) and index.tokens[last + 1].start < stop:
        last += 1
    rest = index.tokens[last + 1 : last + 6]
    return any(t.text == "," for t in rest)


def _coordinated(index: _Index, end: int, timex: Timex) -> bool:
    """The time is joined by "et" or "ou" to the one ending at ``end`` ("en 2014 et en
    mai dernier", "le 3 et le 4 juin")."""
    if end < 0:
        return False
    between = fold(index.parsed.text[end : timex.start]).split()
    return 1 <= len(between) <= 2 and between[0] in ("et", "ou")


# The conjunctions of a clause whose time is not the main clause's ("alors que", "tandis
# que", "bien que", "parce que", "puisque", "si").
_OTHER_TIME = frozenset({"alors", "tandis", "bien", "parce", "puisque", "quoique", "si"})

# Prepositions that make an act's noun a time ("depuis l'offensive", "après l'attentat").
_TIME_ANCHOR = frozenset({"depuis", "apres", "avant", "lors", "pendant", "durant"})

_SPAN_EDGE = re.compile(r"\b(?:(?:depuis|jusqu'(?:au|a|en))(?: (?:le|l'|la))?|des (?:le|l'|la)) ?$")

_ANAPHORIC_DAYS = {"le jour meme": 0, "le meme jour": 0, "la veille": -1, "le lendemain": 1}


def _anaphoric_day(index: _Index, clause: set[int]) -> int | None:
    """ "le jour même", "la veille", "le lendemain": days counted from the day told last."""
    words = " ".join(fold(index.tokens[i].text) for i in sorted(clause))
    return next((n for phrase, n in _ANAPHORIC_DAYS.items() if phrase in words), None)


def _last_day(index: _Index, before: int, timexes: Sequence[Timex]) -> str | None:
    """The last day told before, not a start ("depuis le 2 avril 2014") or an end
    ("jusqu'au 4 juin") of a span."""
    days = [
        t for t in timexes if t.start < before and t.precision == "day" and not _span_edge(index, t)
    ]
    return max(days, key=lambda t: t.start).value if days else None


def _span_edge(index: _Index, timex: Timex) -> bool:
    """The day starts or ends a span ("depuis le 2 avril 2014", "jusqu'au 4 juin"): it
    tells no act of that day."""
    before = index.parsed.text[max(0, timex.start - 14) : timex.start]
    return _SPAN_EDGE.search(fold(before)) is not None


def _shift(day: str, offset: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=offset)).isoformat()


def _after(value: str, published: str | None) -> bool:
    """The value falls after the publication date, at the precision both share."""
    if not published:
        return False
    size = min(len(value), len(published))
    return value[:size] > published[:size]


def _told_in_past(index: _Index, trigger: Token) -> bool:
    """The trigger's verb (or the verb of a noun trigger) is in a past tense: "ont tué",
    "avait attaqué", "attaqua" (a present tense speaks of the day of publication)."""
    verb = _verb_of(index, trigger)
    auxiliaries = [index.tokens[c] for c in index.children.get(verb.i, [])]
    has_auxiliary = _has_auxiliary(index, verb)
    conjoined = any(a.dep == "cc" for a in auxiliaries)  # "ont abandonné … et poignardé"
    if verb.dep == "acl" and verb.verb_form == "Part" and not (has_auxiliary or conjoined):
        return False  # "deux villes assiégées par les rebelles": a state, not a told act
    if _present_passive(verb, auxiliaries):
        return False  # "de telles manifestations sont interdites": a state, as of now
    if verb.tense in ("Past", "Imp"):
        return True
    return verb.verb_form == "Part" and has_auxiliary


_REFLEXIVE = frozenset({"se", "me", "te", "nous", "vous"})


def _present_passive(verb: Token, children: Sequence[Token]) -> bool:
    """ "sont interdites", "est soutenu": a passive in the present (an "être" of the
    present and no "avoir"), not a past with "être" ("nous nous sommes arrêtés")."""
    if verb.verb_form != "Part":
        return False
    auxiliaries = {c.dep: c for c in children if c.dep.startswith("aux")}
    passive = auxiliaries.get("aux:pass")
    reflexive = any(c.pos == "PRON" and fold(c.text) in _REFLEXIVE for c in children)
    return (
        passive is not None
        and passive.tense == "Pres"
        and "aux:tense" not in auxiliaries
        and not reflexive
    )


def _narrative_time(
    index: _Index, trigger: Token, timexes: Sequence[Timex], whole: bool = False
) -> Timex | None:
    """The day named in the nearest earlier sentence of the same paragraph (of the whole
    article if ``whole``) that names one: the day the narrative is set on ("Samedi, un
    homme a attaqué deux passants … . Les policiers ont ensuite tué l'agresseur.")."""
    sentence_start = index.tokens[index.parsed.sents[trigger.sent][0]].start
    block = next((b for b in index.article.blocks if b.start <= sentence_start < b.end + 1), None)
    if block is None:
        return None
    first = 0 if whole else block.start
    earlier = [
        t
        for t in timexes
        if first <= t.start < sentence_start
        and t.precision == "day"
        and not _span_edge(index, t)
        # Across paragraphs, only a day of the week told ("la réouverture le 12 novembre
        # dernier", "né le 31 décembre 1977" are no day of the story).
        and not (whole and not _recent(t.value, index.article.published))
    ]
    if not earlier:
        return None
    # The nearest sentence that names a day, and its first day ("dans la nuit du samedi 3
    # au dimanche 4 juin": the night began on the 3rd).
    last = max(earlier, key=lambda t: t.start)
    sentence = index.tokens[index.token_at(last.start)].sent
    return min(
        (t for t in earlier if index.tokens[index.token_at(t.start)].sent == sentence),
        key=lambda t: t.start,
    )


# Adverbs that set an act right after the one told before ("ensuite", "peu après",
# "quelques heures plus tard", "dans la foulée", "aussitôt"), folded.
_SEQUEL = re.compile(
    r"\b(?:ensuite|peu (?:de temps )?apres|(?:heures?|minutes?) (?:apres|plus tard)"
    r"|dans la foulee|aussitot)\b"
)


def _sequel(index: _Index, start: int, end: int) -> bool:
    """The sentence tells what followed the act told before ("Les policiers ont ensuite
    tué l'agresseur", "Quelques heures après, une seconde explosion s'est produite")."""
    words = " ".join(fold(t.text) for t in index.tokens[start:end])
    return _SEQUEL.search(words) is not None


def _restated(index: _Index, trigger: Token) -> bool:
    """The trigger is a definite noun, subject of its clause, that names an act told
    before ("Un attentat a fait un mort vendredi. L'explosion a eu lieu à …")."""
    if trigger.pos != "NOUN" or trigger.dep not in _SUBJECT_DEPS:
        return False
    return _definite(index, trigger)


def _recent(day: str, published: str | None) -> bool:
    """The day falls in the week up to publication: a day of the story."""
    if not published or len(published) != 10:
        return False
    gap = (date.fromisoformat(published) - date.fromisoformat(day)).days
    return 0 <= gap <= 7


def _background(index: _Index, trigger: Token) -> bool:
    """The trigger's verb is in the imperfect or the pluperfect ("avait ensuite été
    réinstauré"): the background of the story, not its sequence of acts."""
    verb = _verb_of(index, trigger)
    if verb.tense == "Imp":
        return True
    return any(
        index.tokens[c].dep.startswith("aux") and index.tokens[c].tense == "Imp"
        for c in index.children.get(verb.i, [])
    )


def _clause_tokens(index: _Index, trigger: Token) -> set[int]:
    """The trigger's clause: the subtree of its verb, relative clauses left out."""
    verb = trigger
    while verb.pos != "VERB" and verb.head != verb.i:
        verb = index.tokens[verb.head]
    if _opening_participle(index, verb):
        # "Bénéficiant du soutien de Merkel, Juncker avait été intronisé en 2014": a
        # present participle heading the sentence is told at its main clause's time.
        verb = index.tokens[verb.head]
    if verb.verb_form == "Inf" and verb.head != verb.i and _complement(index, verb):
        # "a décidé hier, jeudi 16 août, d'accorder l'asile": the governing verb's time.
        verb = index.tokens[verb.head]
    clause = set(_subtree(index, verb.i))
    for gerund in index.kids(verb.i, "advcl"):
        if gerund.verb_form == "Part" and gerund.tense == "Pres" and gerund.i != trigger.i:
            # "a annoncé une offensive, éliminant l'organisation avant la fin de l'année":
            # a participle clause tells another act, at its own time.
            clause -= set(_subtree(index, gerund.i))
    for sub in index.kids(verb.i, "advcl", "ccomp"):
        marks = {
            fold(index.tokens[m].lemma)
            for m in index.children.get(sub.i, [])
            if index.tokens[m].dep == "mark"
        }
        if "que" in marks:
            # "alors même que", "bien que" parsed as adverbs before a bare "que".
            lead = min(_subtree(index, sub.i))
            marks |= {fold(t.text) for t in index.tokens[max(0, lead - 2) : lead]}
        if marks & _OTHER_TIME and trigger.i not in _subtree(index, sub.i):
            # "Alors que les États-Unis ont signé en décembre 2015 …, Trump a annoncé le
            # retrait": a contrasted or causal clause is told at its own time.
            clause -= set(_subtree(index, sub.i))
    for incise in index.kids(verb.i, "parataxis"):
        if trigger.i not in _subtree(index, incise.i):
            # "Le navire a été arraisonné, a précisé le ministère aujourd'hui": an incise
            # is a clause of its own, with its own time (that of the saying).
            clause -= set(_subtree(index, incise.i))
    if trigger.i != verb.i:
        # A noun trigger's own complements count too ("campagne … en février 2022"), and
        # its whole phrase may tell the time ("après l'attentat").
        clause.update(_subtree(index, trigger.i))
    else:
        clause -= _participle_phrases(index, verb, clause)
    return clause


def _opening_participle(index: _Index, verb: Token) -> bool:
    """ "Bénéficiant du soutien …, Juncker a …": a present participle (not a gerund
    with "en") heading the sentence, on its main verb."""
    return (
        verb.verb_form == "Part"
        and verb.tense == "Pres"
        and verb.dep == "advcl"
        and verb.i <= index.parsed.sents[verb.sent][0] + 1
        and not any(fold(m.text) == "en" for m in index.kids(verb.i, "mark", "case"))
    )


def _complement(index: _Index, verb: Token) -> bool:
    """The infinitive completes the verb it hangs off ("a décidé d'accorder l'asile",
    "ont conduit le Conseil à exprimer sa préoccupation"): it is told at that verb's
    time."""
    if verb.dep in ("xcomp", "ccomp"):
        return True
    marks = {fold(m.text) for m in index.kids(verb.i, "mark")}
    return verb.dep == "advcl" and bool(marks & {"a", "de", "d'"})


def _participle_phrases(index: _Index, verb: Token, clause: set[int]) -> set[int]:
    """ "Le groupe, affaibli depuis 2007 par …, a juré": a past participle on a noun of the
    clause (or detached after the subject) tells what that noun is or underwent, at its own
    time, not the verb's. Not one on a noun that tells a time ("depuis l'offensive lancée
    le 17 octobre"), nor one heading the sentence ("Lancée le 21 septembre, l'offensive
    a …", which sets the scene)."""
    first = index.parsed.sents[verb.sent][0]
    found: set[int] = set()
    for i in sorted(clause):
        token = index.tokens[i]
        if i == verb.i or token.verb_form != "Part" or token.tense != "Past":
            continue
        head = index.tokens[token.head]
        phrase = set(_subtree(index, i))
        for subject in index.kids(i, "nsubj", "nsubj:pass"):
            phrase -= set(_subtree(index, subject.i))
        if token.dep == "acl":  # on a noun, even one the tagger took for a verb
            cases = {fold(index.tokens[c].text) for c in index.children.get(head.i, [])}
            if not cases & _TIME_ANCHOR:
                found |= phrase
        elif (
            token.dep == "advcl"
            and (head.i == verb.i or head.verb_form == "Inf")
            and min(phrase) > first
            and not _has_auxiliary(index, token)
        ):
            found |= phrase
    return found


def _place(index: _Index, trigger: Token) -> Location | None:
    """ "à Moscou", "en Ukraine", "dans la capitale", "dans la région d'Idleb", "sur le
    London Bridge": a place in the clause, the closest to the trigger; a city rather than
    the country it lies in ("En Somalie, un attentat … à Mogadiscio")."""
    if trigger.i not in index.places:
        index.places[trigger.i] = _find_place(index, trigger)
    return index.places[trigger.i]


def _find_place(index: _Index, trigger: Token) -> Location | None:
    verb = _verb_of(index, trigger)
    # Places in the subject's titles ("commandant des opérations … en Ukraine") are not
    # where the act happened.
    subjects = {i for s in index.kids(verb.i, *_SUBJECT_DEPS) for i in _subtree(index, s.i)}
    clause = sorted(_clause_tokens(index, trigger) - subjects, key=lambda i: abs(i - trigger.i))
    found: list[Location] = []
    cities: list[Location] = []
    for i in clause:
        entity = index.entity_of.get(i)
        if entity is None or entity.type not in ("GPE", "LOC"):
            continue
        location = location_of(entity)
        if location is None:
            continue
        if location.geonames_id is not None:
            cities.append(location)
        if _located(index, index.tokens[i], location):
            found.append(location)
    if not found:
        return None
    first = found[0]
    if first.geonames_id is None:
        # The country's city named in the same clause is the more precise place.
        return next((c for c in cities if c.country == first.country), first)
    return first


_AT = frozenset({"a", "en", "dans", "au", "aux", "pres"})
# Nouns of an area named by its "de" complement: "dans la région d'Idleb".
_AREA = frozenset(
    {"region", "province", "ville", "poche", "capitale", "banlieue", "peripherie",
     "quartier", "environs", "centre", "nord", "sud", "est", "ouest", "nord-est",
     "nord-ouest", "sud-est", "sud-ouest", "localite", "village", "zone", "secteur"}
)  # fmt: skip


def _located(index: _Index, token: Token, location: Location) -> bool:
    """The place is where the act happened: after "à", "en", "dans", "près de"; "sur" for
    a city or site (not a country: "un accord sur la Syrie"); the "de" complement of an
    area noun that is itself so placed."""
    i = token.i
    case = _case(index, token) or (fold(index.tokens[i - 1].text) if i > 0 else "")
    if case in _AT:
        return True
    if case == "sur":
        return location.geonames_id is not None or location.lat is None
    head = index.tokens[token.head]
    if case in ("de", "d'") and head.i != token.i and fold(head.lemma) in _AREA:
        return (_case(index, head) or "") in _AT
    return False


def _block_role(article: Article, offset: int) -> BlockRole:
    for block in article.blocks:
        if block.start <= offset < block.end + 2:
            return block.role
    return "body"
