"""Time expressions resolved against the publication date, at the precision the text gives.

Absolute dates ("le 4 février 2022", "février 2022", "2016") need no anchor; relative ones
("vendredi", "hier", "en mars", "en septembre dernier", "la semaine dernière", "l'an
dernier", "il y a deux semaines", "lundi prochain") are resolved against the publication
date, looking back for past-tense clauses and forward for future ones. dateparser gets
the day of the month wrong for month-precision answers and returns nothing for "en
septembre dernier" (DESIGN pitfalls), so the resolver is veille's own: a few patterns
over the text, the calendar words as data (``time_words.tsv``).

A weekday or a relative day under a publication date known to the month only (the
reference article's "date 2023-06") resolves to that month, at month precision.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from veille import data
from veille.data import fold
from veille.model import Timex
from veille.nlp import Parsed, ParseIndex

Precision = str  # "year" | "month" | "day"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date and how much of it is known."""

    day: date
    precision: Precision

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        if not published:
            return None
        parts = [int(p) for p in published.split("-")[:3]]
        if len(parts) == 1:
            return cls(date(parts[0], 7, 1), "year")
        if len(parts) == 2:
            return cls(date(parts[0], parts[1], 15), "month")
        return cls(date(*parts), "day")


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str
    precision: Precision


@cache
def _words() -> dict[str, dict[str, int]]:
    kinds: dict[str, dict[str, int]] = {}
    for word, kind, value in data.read_rows("time_words.tsv"):
        kinds.setdefault(kind, {})[word] = int(value)
    return kinds


def _alternation(kind: str) -> str:
    return "|".join(sorted((re.escape(w.lower()) for w in _words()[kind]), key=len, reverse=True))


@cache
def _patterns(lowered: bool = True) -> list[tuple[re.Pattern[str], str]]:
    """The rules in order, for a lowercased text (case-sensitive: scanning a lowercased text
    takes a third of the time of case-insensitive matching) or, when lowercasing would move
    offsets, for the text itself."""
    month = _alternation("month")
    weekday = _alternation("weekday")
    number = _alternation("number")
    season = _alternation("season")
    day = r"(?:1\s?er|[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]\d\d|20\d\d)"
    rules = [
        # the first day of "les 16 et 17 juin 2012", "du 25 au 27 janvier": the span is
        # that day, its month and year are the second's
        (
            rf"(?=\d)(?<![\d,.])\b(?P<x>{day})\s+(?:et|au)\s+(?:le\s+)?{day}\s+"
            rf"(?P<rest>(?:{month})\s+{year})",
            "full",
        ),
        (
            rf"(?=\d)(?<![\d,.])\b(?P<x>{day})\s+(?:et|au)\s+(?:le\s+)?{day}\s+"
            rf"(?P<rest>(?:{month})(?:\s+prochains?)?)\b",
            "day_month",
        ),
        # the first month of "avril et mai 2017", "de mars à juin 2016": the second's year
        (
            rf"(?<![\w-])(?P<x>{month})\s+(?:et|à|a|au|ou)\s+(?:{month})\s+(?P<rest>{year})",
            "month_year",
        ),
        # "lundi 17 juin 2012", "4 février 2022", "1er mars 2017"
        (rf"(?:(?:{weekday})\s+)?{day}\s+(?:{month})\s+{year}", "full"),
        (rf"(?:fin|début|debut|mi-?)\s*(?:{month})\s+{year}", "month_year"),
        (rf"mois\s+(?:de\s+|d['’])(?:{month})\s+{year}", "month_year"),
        (rf"(?:{month})\s+{year}", "month_year"),
        (rf"(?:{season})\s+{year}", "season_year"),
        # "lundi 17 juin", "17 juin", "8 février prochain"
        (rf"(?:(?:{weekday})\s+)?{day}\s+(?:{month})(?:\s+prochains?)?\b", "day_month"),
        (rf"mois\s+(?:de\s+|d['’])(?:{month})\b", "month"),
        (r"(?:fin|début|debut)\s+de\s+l['’]année", "year_relative"),
        (rf"(?:l['’]|cet\s+)(?P<x>(?:{season}))\b(?!\s+\d)", "season"),
        (rf"(?:fin|début|debut|mi-?)\s*(?:{month})\b", "month"),
        # a month alone after a preposition: the span is the named group
        (
            rf"\b(?:en|de|d'|d’|depuis|dès|jusqu'en|jusqu’en|avant|après)\s*"
            rf"(?P<x>(?:{month})(?:\s+(?:dernier|prochain))?)\b",
            "month",
        ),
        (rf"(?:{month})\s+(?:dernier|prochain)\b", "month"),
        (
            rf"(?:ce\s+|cette\s+)?(?:{weekday})(?:\s+(?:dernier|prochain|matin|soir|après-midi))?\b",
            "weekday",
        ),
        (
            r"aujourd['’]hui|ce\s+matin|ce\s+soir|cet\s+après-midi|cette\s+nuit|avant-hier"
            r"|ce\s+jour(?![-\s]là)|après-demain|hier(?:\s+(?:soir|matin))?|demain(?:\s+(?:soir|matin))?",
            "relative_day",
        ),
        # "la semaine dernière", "en début de semaine", "à la fin de la semaine dernière"
        (
            r"(?:(?:début|debut|fin|milieu)\s+de\s+(?:la\s+|cette\s+)?|(?:la|cette)\s+)"
            r"semaine(?:\s+(?:dernière|derniere|passée|prochaine))?",
            "week",
        ),
        # "le mois dernier", "ce mois-ci", "au début du mois" (not "du mois de mars")
        (
            r"(?:(?:début|debut|fin|milieu)\s+(?:du|de|de\s+ce)\s+|(?:le|ce)\s+)"
            r"mois(?!\s+(?:de|d['’])\s)(?:-ci|\s+(?:dernier|prochain|passé))?",
            "month_relative",
        ),
        (
            r"(?:l['’]an|l['’]année|cette\s+année)(?:\s+(?:dernière|derniere|dernier|passée|passé|"
            r"prochaine|prochain))?",
            "year_relative",
        ),
        (
            rf"il\s+y\s+a\s+(?:(?:à\s+peine|près\s+de|environ|plus\s+de|moins\s+de)\s+)?"
            rf"(?:\d+|{number})\s+(?:jours?|semaines?|mois|ans?|années?)",
            "ago",
        ),
        (
            rf"(?<![\d,.\s]\s)(?<![\d.,/-])(?<!années\s){year}(?![\d,.]\d)"
            r"(?!\s*(?:%|€|euros|dollars|km|habitants))",
            "year",
        ),
    ]
    flags = 0 if lowered else re.IGNORECASE
    return [(re.compile(p, flags), kind) for p, kind in rules]


def _counts(index: ParseIndex, char: int) -> bool:
    """The number at ``char`` counts the noun after it ("2000 membres", "1500 soldats")."""
    token = index.tokens[index.token_at(char)]
    head = index.tokens[token.head]
    return token.dep == "nummod" and head.pos == "NOUN" and head.i == token.i + 1


def extract_timex(parsed: Parsed, published: str | None) -> tuple[Timex, ...]:
    """Every time expression of the text with its value, in text order."""
    anchor = Anchor.parse(published)
    index = ParseIndex(parsed)
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    text = parsed.text
    # The rules and calendar words are lowercase; a lowercased text keeps the offsets
    # unless a character lowercases to two ("İ").
    lowered = text.lower()
    scanned = lowered if len(lowered) == len(text) else text
    for pattern, kind in _patterns(scanned is lowered):
        for match in pattern.finditer(scanned):
            group = "x" if "x" in pattern.groupindex else 0
            start, end = match.span(group)
            # "la semaine dernière" → "semaine dernière": the span is the time words.
            article = re.match(r"(?:la|le|l['’])\s*", text[start:end], re.IGNORECASE)
            if article and kind in ("week", "month_relative", "year_relative"):
                start += article.end()
            if any(s < end and start < e for s, e in taken):
                continue
            if kind == "year_relative" and match.group(0).lower() in ("l'an", "l’an", "l'année"):
                continue  # "l'an" alone: "deux fois par an", not a date
            if kind == "year" and _counts(index, start):
                continue  # "environ 2000 membres": a number of things, not a year
            words = match.group(group)
            if "rest" in pattern.groupindex:
                words = f"{words} {match.group('rest')}"
            resolved = _resolve(kind, words, anchor, _future(index, start))
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(
                Timex(
                    text=text[start:end],
                    start=start,
                    end=end,
                    value=resolved.value,
                    precision=resolved.precision,  # type: ignore[arg-type]
                )
            )
    return tuple(sorted(found, key=lambda t: t.start))


def since(text: str, published: str | None) -> tuple[str, str] | None:
    """The start of an ongoing state, from a duration after "depuis" in ``text`` ("sont
    assiégées depuis deux ans", published in 2017 → ("2015", "year")): the value and its
    precision, or None. Durations are no time expressions of their own (the timex gold
    leaves them out); the event stage uses this to date a state from its start."""
    number = _alternation("number")
    match = re.search(
        rf"\bdepuis\s+(?:(?:plus|près|moins)\s+d['’]\s*|"
        rf"(?:plus\s+de|près\s+de|environ|presque)\s+)?"
        rf"((?:\d+|{number}|quelques|plusieurs))\s+(jours?|semaines?|mois|ans?|années?)"
        rf"(\s+et\s+demie?)?\b",
        text,
        re.IGNORECASE,
    )
    anchor = Anchor.parse(published)
    if match is None or anchor is None:
        return None
    amount, unit = match.group(1).lower(), match.group(2).lower()
    if amount in ("quelques", "plusieurs"):
        # "depuis quelques semaines": a start known to the month; "depuis plusieurs mois",
        # "depuis quelques années": one not known even to the year, a state told as of
        # the day of publication.
        if not unit.startswith(("jour", "semaine")):
            return None
        resolved = _ago(["il", "y", "a", "2", unit], anchor, False)
        return (resolved.value[:7], "month") if resolved is not None else None
    if match.group(3) and unit.startswith(("an", "année")):
        # "depuis un an et demi": eighteen months back, to the year.
        resolved = _ago(["il", "y", "a", str(12 * _number(amount) + 6), "mois"], anchor, False)
        return (resolved.value[:4], "year") if resolved is not None else None
    resolved = _ago(["il", "y", "a", amount, unit], anchor, False)
    return (resolved.value, resolved.precision) if resolved is not None else None


def _future(index: ParseIndex, char: int) -> bool:
    """The clause around ``char`` is in the future ("se tiendra vendredi", "va se rendre")."""
    parsed = index.parsed
    start, end = parsed.sents[parsed.tokens[index.token_at(char)].sent]
    clause = parsed.tokens[start:end]
    before = parsed.text[max(0, char - 40) : char].lower()
    # "d'ici le 17 décembre", "est prévue pour le 5 mai", "doit prêter serment le 7 août"
    if re.search(r"d['’]ici|prévue?s?\s+(?:pour|le)|\b(?:doit|doivent|devra|devront)\b", before):
        return True
    return any(t.tense == "Fut" and t.pos in ("VERB", "AUX") for t in clause) or any(
        t.lemma == "aller"
        and t.verb_form == "Fin"
        and t.tense == "Pres"
        and i + 1 < len(clause)
        and clause[i + 1].verb_form == "Inf"
        for i, t in enumerate(clause)
    )


# -- resolution -------------------------------------------------------------------------


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _words()["number"].get(fold(word), 0)


def _month_of(words: list[str]) -> int | None:
    months = _words()["month"]
    return next((months[w] for w in words if w in months), None)


def _split(text: str) -> list[str]:
    return [w for w in re.split(r"[\s'’-]+", text.lower()) if w]


def _resolve(kind: str, text: str, anchor: Anchor | None, future: bool) -> _Resolved | None:
    words = _split(text)
    resolver = _RESOLVERS[kind]
    return resolver(words, anchor, future)


def _full(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del anchor, future
    month = _month_of(words)
    numbers = [w for w in words if w[:1].isdigit()]
    if month is None or len(numbers) < 2:
        return None
    day = 1 if numbers[0] == "1er" else int(numbers[0])
    year = int(numbers[-1])
    if day > calendar.monthrange(year, month)[1]:
        return None
    return _Resolved(f"{year:04d}-{month:02d}-{day:02d}", "day")


def _month_year(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del anchor, future
    month = _month_of(words)
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    if month is None or year is None:
        return None
    return _Resolved(f"{year:04d}-{month:02d}", "month")


def _season(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del words, future
    return _Resolved(f"{anchor.day.year:04d}", "year") if anchor is not None else None


def _season_year(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del anchor, future
    year = next((int(w) for w in words if w.isdigit()), None)
    return _Resolved(f"{year:04d}", "year") if year else None


def _day_month(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    future = future or any(w.startswith("prochain") for w in words)
    month = _month_of(words)
    numbers = [w for w in words if w[:1].isdigit()]
    if anchor is None or month is None or not numbers:
        return None
    day = 1 if numbers[0] == "1er" else int(numbers[0])
    # The year that puts the date nearest the publication ("le 22 février" in February).
    candidates = []
    for year in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(date(year, month, day))
    if not candidates:
        return None
    # Past clauses look back, future ones forward; a present tense takes the nearest.
    if future:
        pool = [d for d in candidates if d >= anchor.day] or candidates
    else:
        pool = [d for d in candidates if d <= anchor.day + timedelta(days=7)] or candidates
    best = min(pool, key=lambda d: (abs((d - anchor.day).days), d > anchor.day))
    return _Resolved(best.isoformat(), "day")


def _month(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    month = _month_of(words)
    if anchor is None or month is None:
        return None
    now = anchor.day
    if "dernier" in words:
        year = now.year if month < now.month else now.year - 1
    elif "prochain" in words:
        year = now.year if month > now.month else now.year + 1
    elif future:
        year = now.year if month >= now.month else now.year + 1
    else:
        year = now.year if month <= now.month else now.year - 1
    return _Resolved(f"{year:04d}-{month:02d}", "month")


def _weekday(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    weekday = next((_words()["weekday"][w] for w in words if w in _words()["weekday"]), None)
    if anchor is None or weekday is None:
        return None
    if anchor.precision != "day":
        return _anchor_itself(anchor)
    now = anchor.day
    back = (now.isoweekday() - weekday) % 7
    ahead = (weekday - now.isoweekday()) % 7
    if "dernier" in words:
        found = now - timedelta(days=back or 7)
    elif "prochain" in words:
        found = now + timedelta(days=ahead or 7)
    elif future:
        found = now + timedelta(days=ahead)
    else:
        found = now - timedelta(days=back)
    return _Resolved(found.isoformat(), "day")


def _anchor_itself(anchor: Anchor) -> _Resolved:
    day = anchor.day
    if anchor.precision == "month":
        return _Resolved(f"{day.year:04d}-{day.month:02d}", "month")
    return _Resolved(f"{day.year:04d}", "year")


_RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2}


def _relative_day(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del future
    if anchor is None:
        return None
    if anchor.precision != "day":
        return _anchor_itself(anchor)
    joined = "-".join(words)
    shift = next(
        (v for k, v in _RELATIVE_DAYS.items() if joined == k or joined.startswith(k + "-")), 0
    )
    if words[:1] == ["avant"] or words[:1] == ["après"]:
        shift = _RELATIVE_DAYS.get("-".join(words[:2]), 0)
    return _Resolved((anchor.day + timedelta(days=shift)).isoformat(), "day")


def _week(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del future
    if anchor is None:
        return None
    shift = 0
    if any(w.startswith(("derni", "pass")) for w in words):
        shift = -7
    elif any(w.startswith("prochain") for w in words):
        shift = 7
    return _month_of_week(anchor.day + timedelta(days=shift))


def _month_of_week(day: date) -> _Resolved:
    thursday = day + timedelta(days=4 - day.isoweekday())
    return _Resolved(f"{thursday.year:04d}-{thursday.month:02d}", "month")


def _month_relative(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del future
    if anchor is None:
        return None
    shift = -1 if any(w in ("dernier", "passé") for w in words) else 0
    shift = 1 if "prochain" in words else shift
    month = anchor.day.month + shift
    year = anchor.day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return _Resolved(f"{year:04d}-{month:02d}", "month")


def _year_relative(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del future
    if anchor is None:
        return None
    shift = -1 if any(w.startswith(("derni", "pass")) for w in words) else 0
    shift = 1 if any(w.startswith("prochain") for w in words) else shift
    return _Resolved(f"{anchor.day.year + shift:04d}", "year")


def _ago(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del future
    if anchor is None:
        return None
    amount = _number(words[-2]) if len(words) > 4 else 0
    unit = words[-1]
    if amount == 0:
        return None
    if unit.startswith("jour") and anchor.precision == "day":
        return _Resolved((anchor.day - timedelta(days=amount)).isoformat(), "day")
    if unit.startswith("semaine"):
        return _month_of_week(anchor.day - timedelta(weeks=amount))
    if unit == "mois":
        month = anchor.day.month - amount
        year = anchor.day.year + (month - 1) // 12
        return _Resolved(f"{year:04d}-{(month - 1) % 12 + 1:02d}", "month")
    if unit.startswith(("an", "année")):
        return _Resolved(f"{anchor.day.year - amount:04d}", "year")
    return _anchor_itself(anchor)


def _year(words: list[str], anchor: Anchor | None, future: bool) -> _Resolved | None:
    del anchor, future
    return _Resolved(words[0], "year")


_RESOLVERS: dict[str, Callable[[list[str], Anchor | None, bool], _Resolved | None]] = {
    "full": _full,
    "month_year": _month_year,
    "season_year": _season_year,
    "season": _season,
    "day_month": _day_month,
    "month": _month,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "week": _week,
    "month_relative": _month_relative,
    "year_relative": _year_relative,
    "ago": _ago,
    "year": _year,
}
