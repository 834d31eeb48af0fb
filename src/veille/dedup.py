"""One real event, many reports: cluster event records across articles (and within one).

GDELT counts every report as an event and then adds mentions on top; veille asks first
whether two records can be the same event. Two reports are compatible when

- their CAMEO codes have the same root and one refines the other ("04" or "040" with
  "042"; "183" with "1831"), a generic code ending in 0 counting as its root;
- their dyads agree: each side's country equal, or unknown on one side; meetings and
  cooperation (roots 04, 05, 06) may be told either way round ("Poutine a reçu Xi",
  "Xi a rencontré Poutine");
- their dates overlap at their precisions: a day lies in its month ("en mars" and
  "le 20 mars"); a date taken from the publication is read as "in the three days before
  it", since the article did not say when;
- their places agree: the same name, one inside the other's country, or within 50 km;
  unknown on one side is no objection;
- and something anchors them: a country known and equal on one side of the dyad, the
  same place, one country named by both (an attack "à Londres" and an attack on the
  United Kingdom), or the same article (which tells its story in the lead and again in
  the body). Two attacks by nobody known, nowhere said, in two articles, are not taken
  to be one.

A cluster keeps the narrowest of what its reports say (the most precise date interval,
the known countries, the named place) and a report joins the first cluster, oldest
first, that it is compatible with. The functions are pure: the store feeds them the
clusters that could match a batch and writes back what they return.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from veille.data import country_names, fold
from veille.model import Article, Event

SYMMETRIC_ROOTS = frozenset({"04", "05", "06"})
PLACE_RADIUS_KM = 50.0
REPORTED_WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class Report:
    """One event record as the store holds it."""

    key: str  # unique: "<article id>:<event id>"
    article: str
    outlet: str | None
    cameo: str
    source_country: str | None
    target_country: str | None
    date: str | None  # "2023", "2023-03" or "2023-03-14"
    date_from: str | None  # "text" or "published"
    published: str | None
    place: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Cluster:
    """Reports taken to tell one event, and the narrowest profile they give of it."""

    id: int
    root: str
    cameo: str
    source_country: str | None
    target_country: str | None
    first: date | None  # the date interval the event lies in
    last: date | None
    place: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    lead: str = ""  # key of the report whose code the cluster carries: its main record
    reports: list[Report] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return len(self.reports)

    @property
    def num_articles(self) -> int:
        return len({r.article for r in self.reports})

    @property
    def num_sources(self) -> int:
        return len({r.outlet or r.article for r in self.reports})


def outlet_of(source: str | None) -> str | None:
    """The outlet of an article from its address ("https://www.lemonde.fr/…" →
    "lemonde.fr"); None for a file or a string."""
    parts = urlsplit(source or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.removeprefix("www.")


def report_of(article: Article, event: Event) -> Report:
    """The clustering view of one event record of an article."""
    place = event.location
    return Report(
        key=f"{article.id}:{event.id}",
        article=article.id,
        outlet=outlet_of(article.source),
        cameo=event.cameo,
        source_country=event.source_country,
        target_country=event.target_country,
        date=event.date,
        date_from=event.date_from,
        published=article.published,
        place=place.name if place else None,
        place_country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
    )


def interval(report: Report) -> tuple[date | None, date | None]:
    """The days the event can lie in, from the report's date and its precision; a date
    taken from the publication reaches back a few days before it."""
    if report.date is None or report.date_from == "published":
        first, last = span(report.published)
        if first is None:
            return None, None
        return first - timedelta(days=REPORTED_WINDOW_DAYS), last
    return span(report.date)


def span(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day of "2023", "2023-03" or "2023-03-14"; (None, None) for
    nothing or something else."""
    try:
        parts = [int(p) for p in (value or "")[:10].split("-")]
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return date(parts[0], parts[1], 1), following - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None, None


def _generic(code: str) -> str:
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def compatible_codes(a: str, b: str) -> bool:
    """Same root, and one code refines the other."""
    if a[:2] != b[:2]:
        return False
    a, b = _generic(a), _generic(b)
    return a.startswith(b) or b.startswith(a)


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _dyad(cluster: Cluster, report: Report) -> bool | None:
    """None when the dyads disagree; else whether a known country anchors them."""
    pairs = [(cluster.source_country, cluster.target_country)]
    if cluster.root in SYMMETRIC_ROOTS:
        pairs.append((cluster.target_country, cluster.source_country))
    verdict: bool | None = None
    for source, target in pairs:
        if _agree(source, report.source_country) and _agree(target, report.target_country):
            anchored = (source is not None and source == report.source_country) or (
                target is not None and target == report.target_country
            )
            verdict = bool(verdict) or anchored
    return verdict


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _place(cluster: Cluster, report: Report) -> bool | None:
    """None when the places disagree; else whether they name the same place."""
    if cluster.place is None or report.place is None:
        return False
    if fold(cluster.place) == fold(report.place):
        return True
    for country_side, other_country in (
        (cluster.place, report.place_country),
        (report.place, cluster.place_country),
    ):
        iso = countries_of(country_side)
        if iso is not None:
            return False if other_country in (None, iso) else None
    coordinates = (cluster.lat, cluster.lon, report.lat, report.lon)
    if all(c is not None for c in coordinates):
        lat1, lon1, lat2, lon2 = (float(c) for c in coordinates)  # type: ignore[arg-type]
        return True if _distance_km(lat1, lon1, lat2, lon2) <= PLACE_RADIUS_KM else None
    return None


def _overlap(cluster: Cluster, first: date | None, last: date | None) -> bool:
    if cluster.first is None or first is None:
        return True
    assert cluster.last is not None and last is not None
    return first <= cluster.last and cluster.first <= last


def compatible(cluster: Cluster, report: Report) -> bool:
    """Whether the report can tell the cluster's event."""
    if not compatible_codes(cluster.cameo, report.cameo):
        return False
    first, last = interval(report)
    if not _overlap(cluster, first, last):
        return False
    dyad = _dyad(cluster, report)
    place = _place(cluster, report)
    if dyad is None or place is None:
        return False
    return dyad or place or _shared_country(cluster, report) or _same_article(cluster, report)


def _shared_country(cluster: Cluster, report: Report) -> bool:
    mine = {cluster.source_country, cluster.target_country, cluster.place_country}
    theirs = {report.source_country, report.target_country, report.place_country}
    return bool((mine & theirs) - {None})


def _same_article(cluster: Cluster, report: Report) -> bool:
    return any(r.article == report.article for r in cluster.reports)


def _join(cluster: Cluster, report: Report) -> None:
    if len(_generic(report.cameo)) > len(_generic(cluster.cameo)):
        cluster.cameo, cluster.lead = report.cameo, report.key
    source, target = report.source_country, report.target_country
    if cluster.root in SYMMETRIC_ROOTS and not (
        _agree(cluster.source_country, source) and _agree(cluster.target_country, target)
    ):
        source, target = target, source  # told the other way round
    cluster.source_country = cluster.source_country or source
    cluster.target_country = cluster.target_country or target
    first, last = interval(report)
    if first is not None and last is not None:
        cluster.first = first if cluster.first is None else max(cluster.first, first)
        cluster.last = last if cluster.last is None else min(cluster.last, last)
    # a city is narrower than its country: a cluster placed in a country takes the city
    narrower = countries_of(cluster.place) is not None and countries_of(report.place) is None
    if report.place is not None and (cluster.place is None or narrower):
        cluster.place, cluster.place_country = report.place, report.place_country
        cluster.lat, cluster.lon = report.lat, report.lon
    cluster.reports.append(report)


def countries_of(place: str | None) -> str | None:
    """The ISO code of a place that is a country ("Ukraine"), else None."""
    return country_names().get(fold(place)) if place else None


def new_cluster(cluster_id: int, report: Report) -> Cluster:
    first, last = interval(report)
    return Cluster(
        id=cluster_id,
        root=report.cameo[:2],
        cameo=report.cameo,
        source_country=report.source_country,
        target_country=report.target_country,
        first=first,
        last=last,
        place=report.place,
        place_country=report.place_country,
        lat=report.lat,
        lon=report.lon,
        lead=report.key,
        reports=[report],
    )


def _months(first: date | None, last: date | None) -> list[int | None]:
    if first is None or last is None:
        return [None]
    return list(range(first.year * 12 + first.month - 1, last.year * 12 + last.month))


class _Blocks:
    """Clusters by root and by each month their interval spans (undated: month None), so
    that a report is compared with the clusters it could overlap, not with every one."""

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, int | None], list[Cluster]] = {}
        self.by_root: dict[str, list[Cluster]] = {}

    def add(self, c: Cluster) -> None:
        self.by_root.setdefault(c.root, []).append(c)
        for month in _months(c.first, c.last):
            self.blocks.setdefault((c.root, month), []).append(c)

    def candidates(self, report: Report) -> list[Cluster]:
        root = report.cameo[:2]
        months = _months(*interval(report))
        if months == [None]:
            return self.by_root.get(root, [])
        found = {id(c): c for m in [None, *months] for c in self.blocks.get((root, m), [])}
        return sorted(found.values(), key=lambda c: c.id)


def cluster(
    reports: Iterable[Report], existing: Sequence[Cluster] = (), next_id: int = 1
) -> list[Cluster]:
    """Put each report in the first compatible cluster (the existing ones first, oldest
    first), or in a new one numbered from ``next_id``. Returns the clusters that changed
    or were made, in id order; ``existing`` clusters are updated in place."""
    blocks = _Blocks()
    for c in sorted(existing, key=lambda c: c.id):
        blocks.add(c)
    touched: dict[int, Cluster] = {}
    for report in reports:
        home = next((c for c in blocks.candidates(report) if compatible(c, report)), None)
        if home is None:
            home = new_cluster(next_id, report)
            next_id += 1
            blocks.add(home)
        else:
            _join(home, report)
        touched[home.id] = home
    return [touched[k] for k in sorted(touched)]
