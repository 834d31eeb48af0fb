"""GDELT 2.0 rows: the column layout, actor codes split, FIPS geography, dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from veille.export import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    fips_codes,
    gdelt_day,
    gdelt_event_row,
    gdelt_mention_row,
    geo_columns,
    split_actor,
)


def test_gdelt_layouts() -> None:
    assert len(EVENT_COLUMNS) == 61 and len(set(EVENT_COLUMNS)) == 61
    assert EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[5] == "Actor1Code" and EVENT_COLUMNS[15] == "Actor2Code"
    assert EVENT_COLUMNS[25:30] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
    )
    assert EVENT_COLUMNS[35] == "Actor1Geo_Type" and EVENT_COLUMNS[51] == "ActionGeo_Type"
    assert EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert len(MENTION_COLUMNS) == 16 and MENTION_COLUMNS[-1] == "Extras"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSMIL", {"CountryCode": "RUS", "Type1Code": "MIL"}),
        ("IGOUNO", {"KnownGroupCode": "UNO", "Type1Code": "IGO"}),
        ("NGOHRIAMN", {"KnownGroupCode": "AMN", "Type1Code": "NGO", "Type2Code": "HRI"}),
        ("SYRREBMOS", {"CountryCode": "SYR", "Type1Code": "REB", "Religion1Code": "MOS"}),
        ("IMGMOS", {"Type1Code": "IMG", "Religion1Code": "MOS"}),
        ("WST", {"CountryCode": "WST"}),
        (None, {}),
    ],
)
def test_actor_codes_split_into_gdelt_columns(code: str | None, expected: dict) -> None:
    assert {k: v for k, v in split_actor(code).items() if v} == expected


def test_geography_is_fips_not_iso() -> None:
    assert fips_codes()["RUS"] == "RS" and fips_codes()["CHN"] == "CH"
    assert fips_codes()["DEU"] == "GM" and fips_codes()["GBR"] == "UK"
    city = geo_columns("Moscou", "RUS", 55.7522, 37.6156, 524901)
    assert city[:3] == ["4", "Moscou, Russie", "RS"] and city[5:] == [
        "55.7522",
        "37.6156",
        "524901",
    ]
    country = geo_columns("Russie", "RUS", None, None, None)
    assert country[0] == "1" and country[2] == country[3] == country[7] == "RS"
    assert country[5] and country[6]  # the gazetteer's centroid
    assert geo_columns("Chicago", "USA", 41.85, -87.65, None)[0] == "3"
    assert geo_columns(None, None, None, None, None)[0] == "0"
    # a place of no country and no coordinates ("en Europe") is no GDELT place
    assert geo_columns("Europe", None, None, None, None) == ["0", "", "", "", "", "", "", ""]


def test_dates_at_every_precision() -> None:
    assert gdelt_day("2023-03-21") == "20230321"
    assert gdelt_day("2023-03") == "20230301"
    assert gdelt_day("2022") == "20220101"
    assert gdelt_day(None) == ""


def _event(**changes: object) -> dict:
    row = {
        "global_id": 42,
        "date": "2023-03-21",
        "cameo": "042",
        "quad_class": 1,
        "goldstein": 1.9,
        "num_mentions": 3,
        "num_sources": 2,
        "num_articles": 2,
        "tone": -1.25,
        "is_root": True,
        "source_actor": "CHNGOV",
        "source_name": "Xi Jinping",
        "source_country": "CHN",
        "target_actor": "RUS",
        "target_name": "Russie",
        "target_country": "RUS",
        "place": "Moscou",
        "place_country": "RUS",
        "place_lat": 55.75,
        "place_lon": 37.62,
        "date_added": datetime(2023, 6, 20, 14, 5, 9),
        "url": "https://example.org/a",
    }
    return row | changes


def test_event_row() -> None:
    row = dict(zip(EVENT_COLUMNS, gdelt_event_row(_event()), strict=True))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20230321", "202303", "2023")
    assert float(row["FractionDate"]) == pytest.approx(2023 + (3 * 30 + 21) / 365, abs=1e-4)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "CHNGOV",
        "CHN",
        "GOV",
    )
    assert row["Actor1Name"] == "XI JINPING"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("042", "042", "04")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "2")
    assert row["IsRootEvent"] == "1" and row["GoldsteinScale"] == "1.9"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_Type"]) == ("RS", "4")
    assert row["Actor1Geo_Type"] == "0"  # no actor geography given
    assert row["DATEADDED"] == "20230620140509" and row["SOURCEURL"] == "https://example.org/a"


def test_event_row_with_a_four_digit_code_and_no_date_or_target() -> None:
    row = dict(
        zip(
            EVENT_COLUMNS,
            gdelt_event_row(_event(cameo="1831", date=None, target_actor=None, target_name=None)),
            strict=True,
        )
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("1831", "183", "18")
    assert row["Day"] == row["FractionDate"] == ""
    assert row["Actor2Code"] == "" and row["Actor2CountryCode"] == "RUS"


def test_mention_row() -> None:
    values = gdelt_mention_row(
        {
            "global_id": 42,
            "event_added": datetime(2023, 6, 20, 14, 5, 9),
            "mention_added": datetime(2023, 6, 21, 8, 0, 0),
            "outlet": "tass.ru",
            "url": "https://tass.ru/x",
            "sentence_id": 3,
            "source_offset": 120,
            "target_offset": None,
            "action_offset": 131,
            "confidence": 0.8,
            "doc_len": 2400,
            "tone": 0.5,
            "language": "fr",
        }
    )
    row = dict(zip(MENTION_COLUMNS, values, strict=True))
    assert row["MentionTimeDate"] == "20230621080000" and row["MentionType"] == "1"
    assert (row["Actor1CharOffset"], row["Actor2CharOffset"]) == ("120", "-1")
    assert row["Confidence"] == "80" and row["MentionDocTranslationInfo"] == "srclc:fra"
