"""Clustering event reports into events: the compatibility rules, one by one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.dedup import Report, cluster, compatible_codes, interval

MEETING = Report(
    key="a:v1",
    article="a",
    outlet="tass.ru",
    cameo="040",
    source_country="RUS",
    target_country="CHN",
    date="2023-03-21",
    date_from="text",
    published="2023-06-20",
    place="Moscou",
    place_country="RUS",
    lat=55.75,
    lon=37.62,
)


def _partition(clusters: list) -> set[frozenset[str]]:
    return {frozenset(r.key for r in c.reports) for c in clusters}


def test_codes_refine_within_a_root() -> None:
    assert compatible_codes("040", "042")
    assert compatible_codes("04", "0431")
    assert compatible_codes("183", "1831")
    assert not compatible_codes("183", "186")
    assert not compatible_codes("042", "043")
    assert not compatible_codes("042", "190")


def test_intervals_follow_precision() -> None:
    assert interval(MEETING) == (date(2023, 3, 21), date(2023, 3, 21))
    month = replace(MEETING, date="2023-02")
    assert interval(month) == (date(2023, 2, 1), date(2023, 2, 28))
    december = replace(MEETING, date="2022-12")
    assert interval(december) == (date(2022, 12, 1), date(2022, 12, 31))
    assert interval(replace(MEETING, date="2022")) == (date(2022, 1, 1), date(2022, 12, 31))
    undated = replace(MEETING, date="2023-06-20", date_from="published")
    assert interval(undated) == (date(2023, 6, 17), date(2023, 6, 20))


def test_one_meeting_told_by_two_articles_either_way_round() -> None:
    other = replace(
        MEETING,
        key="b:v3",
        article="b",
        outlet="xinhua.net",
        cameo="042",
        source_country="CHN",
        target_country="RUS",
        date="2023-03",
    )
    (event,) = cluster([MEETING, other])
    assert (event.num_mentions, event.num_articles, event.num_sources) == (2, 2, 2)
    assert event.cameo == "042"  # the more specific code
    assert (event.first, event.last) == (date(2023, 3, 21), date(2023, 3, 21))


def test_reversed_dyad_is_another_event_outside_meetings() -> None:
    attack = replace(MEETING, cameo="190", place=None, lat=None, lon=None)
    counter = replace(attack, key="b:v1", source_country="CHN", target_country="RUS")
    assert len(cluster([attack, counter])) == 2


def test_different_days_places_or_codes_stay_apart() -> None:
    next_day = replace(MEETING, key="b:v1", date="2023-03-22")
    beijing = replace(MEETING, key="c:v1", place="Pékin", place_country="CHN", lat=39.9, lon=116.4)
    invitation = replace(MEETING, key="d:v1", cameo="036")
    clusters = cluster([MEETING, next_day, beijing, invitation])
    assert _partition(clusters) == {frozenset({k}) for k in ("a:v1", "b:v1", "c:v1", "d:v1")}


def test_country_place_contains_its_cities() -> None:
    in_russia = replace(MEETING, key="b:v1", place="Russie", place_country="RUS", lat=None)
    (event,) = cluster([in_russia, MEETING])
    assert event.place == "Moscou"  # the narrower place wins


def test_an_unknown_side_agrees_but_something_must_anchor() -> None:
    attack = Report(
        key="a:v1",
        article="a",
        outlet=None,
        cameo="183",
        source_country=None,
        target_country=None,
        date="2017-04-09",
        date_from="text",
        published="2017-04-10",
    )
    same_day_elsewhere = replace(attack, key="b:v1", article="b")
    assert len(cluster([attack, same_day_elsewhere])) == 2  # no actor, no place: two events
    in_tanta = replace(attack, place="Tanta", place_country="EGY", lat=30.79, lon=31.0)
    claimed = replace(in_tanta, key="b:v1", article="b", cameo="1831", source_country="IRQ")
    assert len(cluster([in_tanta, claimed])) == 1  # same place anchors them
    egypt_targeted = replace(attack, key="c:v1", article="c", target_country="EGY")
    egypt_again = replace(egypt_targeted, key="d:v1", article="d", date="2017-04")
    assert len(cluster([egypt_targeted, egypt_again])) == 1  # the target country anchors


def test_published_dates_reach_back_a_few_days() -> None:
    told = replace(MEETING, date="2023-06-19", date_from="text", place=None, lat=None, lon=None)
    undated = replace(told, key="b:v1", article="b", date=None, date_from=None)
    late = replace(undated, key="c:v1", article="c", published="2023-06-30")
    assert _partition(cluster([told, undated, late])) == {
        frozenset({"a:v1", "b:v1"}),
        frozenset({"c:v1"}),
    }


def test_existing_clusters_are_extended_and_numbering_goes_on() -> None:
    first = cluster([MEETING], next_id=7)
    again = replace(MEETING, key="b:v1", article="b")
    other = replace(MEETING, key="c:v1", cameo="190")
    changed = cluster([again, other], existing=first, next_id=8)
    assert [c.id for c in changed] == [7, 8]
    assert changed[0].num_articles == 2


_DAYS = st.sampled_from(["2023-03-20", "2023-03-21", "2023-03", None])
_REPORTS = st.lists(
    st.builds(
        Report,
        key=st.uuids().map(str),
        article=st.sampled_from("abc"),
        outlet=st.none(),
        cameo=st.sampled_from(["040", "042", "190", "193"]),
        source_country=st.sampled_from([None, "RUS", "CHN"]),
        target_country=st.sampled_from([None, "RUS", "CHN"]),
        date=_DAYS,
        date_from=st.just("text"),
        published=st.just("2023-06-20"),
        place=st.sampled_from([None, "Moscou"]),
    ),
    max_size=12,
    unique_by=lambda r: r.key,
)


@settings(max_examples=60, deadline=None)
@given(_REPORTS, st.integers(0, 12))
def test_batches_cluster_as_one_run(reports: list[Report], cut: int) -> None:
    """The store clusters batch by batch; that must give what one pass gives."""
    whole = cluster(reports)
    first = cluster(reports[:cut])
    rest = cluster(reports[cut:], existing=first, next_id=len(first) + 1)
    final = {c.id: c for c in first} | {c.id: c for c in rest}
    assert sum(c.num_mentions for c in final.values()) == len(reports)
    assert _partition(whole) == _partition(list(final.values()))


def test_an_article_and_a_shared_country_anchor_reports() -> None:
    lead = Report(
        key="a:v1",
        article="a",
        outlet=None,
        cameo="180",
        source_country=None,
        target_country=None,
        date="2017-06-03",
        date_from="text",
        published="2017-06-04",
    )
    body = replace(lead, key="a:v7", date="2017-06-04", date_from="published")
    assert len(cluster([lead, body])) == 1  # one article tells its attack twice
    in_london = replace(lead, place="Londres", place_country="GBR", lat=51.5, lon=-0.13)
    on_britain = replace(lead, key="b:v2", article="b", target_country="GBR")
    assert len(cluster([in_london, on_britain])) == 1  # the place's country is the target's
    on_france = replace(on_britain, target_country="FRA")
    assert len(cluster([in_london, on_france])) == 2


def test_a_month_of_publication_bounds_an_undated_report() -> None:
    told = replace(MEETING, date="2023-06", date_from="published", published="2023-06")
    assert interval(told) == (date(2023, 5, 29), date(2023, 6, 30))
    older = replace(MEETING, key="b:v1", article="b", date="2015-12", place=None, lat=None)
    assert len(cluster([older, told])) == 2


def test_a_meeting_told_the_other_way_round_keeps_its_orientation() -> None:
    one_side = replace(MEETING, source_country="CHN", target_country=None, place=None, lat=None)
    both = replace(one_side, key="b:v1", article="b", source_country="RUS", target_country="CHN")
    (event,) = cluster([one_side, both])
    assert (event.source_country, event.target_country) == ("CHN", "RUS")
