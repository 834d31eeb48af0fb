"""The REST API's read endpoints: articles, events, quotes, actors, dyads, search,
network, places, stats. Same filters as the CLI's commands (``veille events --help``),
paged with ``limit`` and ``offset``, sorted with ``sort`` (a column, ``-`` first to
reverse)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from veille.model import Analysis
from veille.store import explore
from veille.store import queries as q
from veille.store.search import search as search_articles

router = APIRouter(prefix="/api", tags=["store"])

# No NUL and no line breaks in a filter: they are never part of a name or a code, and
# DuckDB would refuse some of them.
_PLAIN = r"^[^\x00-\x1f]*$"
Text = Annotated[str | None, Query(max_length=200, pattern=_PLAIN)]
Code = Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9]*$")]
Date = Annotated[
    str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM, YYYY-MM-DD")
]
Quad = Annotated[str | None, Query(max_length=20, description="1-4, a range (1-2) or a list (1,4)")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Sort = Annotated[str | None, Query(max_length=30, pattern=r"^-?[a-z_]+$")]


def _page(result: q.Result, limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    items = result.records()
    full = len(items) == limit and (total is None or offset + limit < total)
    return {
        "items": items,
        "offset": offset,
        "limit": limit,
        "total": total,
        "next_offset": offset + limit if full else None,
    }


@router.get("/health", summary="The server and its store")
def health(request: Request) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        counts = q.stats(con, ("articles", "events"))
    return {"status": "ok", "db": str(request.app.state.store.path), **counts}


@router.get("/stats", summary="Row counts of the store's tables")
def stats(request: Request) -> dict[str, int]:
    with request.app.state.store.read() as con:
        return q.stats(con)


@router.get("/articles", summary="Stored articles, newest first")
def articles(
    request: Request,
    since: Date = None,
    until: Date = None,
    language: Annotated[str | None, Query(pattern=r"^[a-zA-Z]{2,3}$")] = None,
    q_: Annotated[
        str | None, Query(alias="q", max_length=200, pattern=_PLAIN, description="Full-text search")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found, total = explore.articles(
            con,
            since=since,
            until=until,
            language=language,
            text=q_,
            limit=limit,
            offset=offset,
            sort=sort,
        )
    return _page(found, limit, offset, total)


@router.get(
    "/articles/{article}",
    summary="One article and its analysis",
    responses={404: {"description": "No such article"}, 409: {"description": "Ambiguous id"}},
)
def article(
    request: Request,
    article: Annotated[str, Path(max_length=200, description="Id, its first 6+ characters")],
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        return stored_analysis(con, article).to_dict()


def stored_analysis(con: Any, article: str) -> Analysis:
    """The analysis of the article ``article`` names (id, 6+ first characters, or the
    input's own id): 404 when none, 409 when several."""
    from veille.store.rows import load_analysis

    ids = q.article_ids(con, article)
    if len(ids) > 1:
        raise HTTPException(409, f"article {article}: {len(ids)} articles start so")
    analysis = load_analysis(con, ids[0]) if ids else None
    if analysis is None:
        raise HTTPException(404, f"article {article}: not in the store")
    return analysis


@router.get("/events", summary="Event records with their cluster, newest first")
def events(
    request: Request,
    actor: Text = None,
    source_actor: Text = None,
    target_actor: Text = None,
    code: Annotated[str | None, Query(max_length=6, description="CAMEO prefix")] = None,
    quad: Quad = None,
    since: Date = None,
    until: Date = None,
    place: Text = None,
    article: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = q.events(
            con,
            actor=actor,
            source_actor=source_actor,
            target_actor=target_actor,
            code=code,
            quad=quad,
            since=since,
            until=until,
            place=place,
            article=article,
            limit=limit,
            offset=offset,
            sort=sort,
        )
    return _page(found, limit, offset)


@router.get("/quotes", summary="Quotations with their speakers")
def quotes(
    request: Request,
    speaker: Text = None,
    addressee: Text = None,
    contains: Text = None,
    article: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = q.quotes(
            con,
            speaker=speaker,
            addressee=addressee,
            contains=contains,
            article=article,
            limit=limit,
            offset=offset,
            sort=sort,
        )
    return _page(found, limit, offset)


@router.get("/actors", summary="Actors across articles, most mentioned first")
def actors(
    request: Request,
    country: Code = None,
    name: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = q.actors(con, country=country, name=name, top=limit, offset=offset, sort=sort)
    return _page(found, limit, offset)


@router.get("/dyads", summary="Events per pair of countries (each event once)")
def dyads(
    request: Request,
    monthly: bool = False,
    source: Code = None,
    target: Code = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Sort = None,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = q.dyads(
            con,
            monthly=monthly,
            source=source,
            target=target,
            since=since,
            until=until,
            top=limit,
            offset=offset,
            sort=sort,
        )
    return _page(found, limit, offset)


@router.get("/search", summary="Full-text search over the articles (BM25)")
def search(
    request: Request,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200, pattern=_PLAIN)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = search_articles(con, q_, limit=offset + limit)
    return _page(q.Result(found.columns, found.rows[offset:]), limit, offset)


@router.get("/network", summary="Who acted with whom: nodes and edges")
def network(
    request: Request,
    since: Date = None,
    until: Date = None,
    quad: Quad = None,
    level: Annotated[str, Query(pattern=r"^(country|actor)$")] = "country",
    top: Annotated[int, Query(ge=1, le=300)] = 40,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        return explore.network(con, since=since, until=until, quad=quad, level=level, top=top)


@router.get("/places", summary="Where events happened, with coordinates")
def places(
    request: Request,
    since: Date = None,
    until: Date = None,
    quad: Quad = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    with request.app.state.store.read() as con:
        found = explore.places(con, since=since, until=until, quad=quad, top=limit)
    return _page(found, limit, 0)
