"""The web UI: server-rendered pages over the same store functions as the API.

Pages embed the data they draw (the network, the monthly counts, the places) in the
HTML, so a page is one request and works with JavaScript off, except the network's
layout, which a small script of ours computes in the browser.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from veille.api import render
from veille.api.app import COOKIE, STATIC
from veille.errors import InputError, QueryError
from veille.model import Analysis
from veille.store import explore
from veille.store import queries as q

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
PAGE = 30

# Only the filters a page offers; anything else in the query string is ignored.
Opt = Annotated[str | None, Query(max_length=200)]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"nav": name, **context}, status_code=status)


def _problem(request: Request, exc: Exception, name: str, **context: Any) -> HTMLResponse:
    message = str(exc).removeprefix("--")
    return _page(request, name, 422, problem=message, **context)


@router.get("/", response_class=HTMLResponse)
def home() -> Response:
    return RedirectResponse("/articles", status_code=307)


@router.get("/articles", response_class=HTMLResponse)
def article_list(
    request: Request,
    text: Annotated[str | None, Query(alias="q", max_length=200)] = None,
    since: Opt = None,
    until: Opt = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = {"q": text or "", "since": since or "", "until": until or ""}
    try:
        with request.app.state.store.read() as con:
            found, total = explore.articles(
                con,
                text=text,
                since=since or None,
                until=until or None,
                limit=PAGE,
                offset=(page - 1) * PAGE,
            )
            counts = q.stats(con)
    except QueryError as exc:
        return _problem(request, exc, "articles.html", filters=filters, rows=[], total=0)
    more = {k: v for k, v in filters.items() if v}
    return _page(
        request,
        "articles.html",
        rows=found.records(),
        total=total,
        counts=counts,
        filters=filters,
        page=page,
        pages=max(1, -(-total // PAGE)),
        query=urlencode(more),
    )


@router.get("/articles/{article}", response_class=HTMLResponse)
def reader(request: Request, article: str) -> Response:
    from veille.api.routes import stored_analysis

    with request.app.state.store.read() as con:
        analysis = stored_analysis(con, article)
    return _reader(request, analysis, stored=True)


def _reader(request: Request, analysis: Analysis, *, stored: bool, status: int = 200) -> Response:
    colours = render.speakers(analysis)
    by_speaker: dict[str | None, list[Any]] = {}
    for quote in analysis.quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    return _page(
        request,
        "reader.html",
        status,
        analysis=analysis,
        article=analysis.article,
        blocks=render.blocks_html(analysis),
        by_speaker=by_speaker,
        colours=colours,
        entity=analysis.entity,
        event_tip=lambda e: render.event_tip(analysis, e),
        stored=stored,
    )


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> Response:
    return _page(request, "paste.html")


@router.post("/paste", response_class=HTMLResponse)
async def paste(request: Request) -> Response:
    from veille.api.analyze import analyse_document, read_document

    form = await request.form()
    text = form.get("text")
    upload = form.get("file")
    meta = {k: str(form[k]).strip() for k in ("title", "published") if form.get(k)}
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            kind = ".html" if (upload.content_type or "").endswith("html") else None
            document = read_document(await upload.read(), upload.filename, kind, meta)
        elif isinstance(text, str) and text.strip():
            html = text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
            kind = ".html" if html else ".txt"
            document = read_document(text.encode("utf-8"), "<pasted>", kind, meta)
        else:
            raise InputError("<pasted>", "nothing to analyse: paste a text or choose a file")
        analysis = await run_in_threadpool(analyse_document, document)
    except InputError as exc:
        return _problem(request, exc, "paste.html", text=text if isinstance(text, str) else "")
    return _reader(request, analysis, stored=False)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    since: Opt = None,
    until: Opt = None,
    quad: Opt = None,
    level: Annotated[str, Query(pattern=r"^(country|actor)$")] = "country",
) -> Response:
    filters = {"since": since or "", "until": until or "", "quad": quad or "", "level": level}
    try:
        with request.app.state.store.read() as con:
            graph = explore.network(
                con, since=since or None, until=until or None, quad=quad or None, level=level
            )
    except QueryError as exc:
        return _problem(request, exc, "actors.html", filters=filters, graph=None)
    return _page(request, "actors.html", filters=filters, graph=graph, data=json.dumps(graph))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    source: Annotated[str, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = "",
    target: Annotated[str, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = "",
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
) -> Response:
    with request.app.state.store.read() as con:
        choices = q.dyads(con, top=40).records()
        if not source and choices:
            source, target = choices[0]["source"], choices[0]["target"]
        source, target = source.upper(), target.upper()
        months = q.dyads(con, monthly=True, source=source, target=target, top=None)
        evidence = []
        if month:
            evidence = q.events(
                con, source_actor=source, target_actor=target, since=month, until=month, limit=200
            ).records()
    series = sorted(months.records(), key=lambda r: r["month"] or "")
    return _page(
        request,
        "timeline.html",
        choices=choices,
        source=source,
        target=target,
        series=series,
        peak=max((r["events"] for r in series), default=1),
        month=month,
        evidence=evidence,
    )


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, since: Opt = None, until: Opt = None, quad: Opt = None) -> Response:
    filters = {"since": since or "", "until": until or "", "quad": quad or ""}
    try:
        with request.app.state.store.read() as con:
            found = explore.places(con, since=since or None, until=until or None, quad=quad or None)
    except QueryError as exc:
        return _problem(request, exc, "map.html", filters=filters, world=world(), places=[])
    rows = found.records()
    peak = max((r["events"] for r in rows), default=1)
    return _page(request, "map.html", filters=filters, world=world(), places=rows, peak=peak)


@cache
def world() -> dict[str, Any]:
    """The offline world map (Natural Earth 1:110m, scripts/build_world_map.py)."""
    data: dict[str, Any] = json.loads((STATIC / "world.json").read_text(encoding="utf-8"))
    return data


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    speaker: Opt = None,
    contains: Opt = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = {"speaker": speaker or "", "contains": contains or ""}
    with request.app.state.store.read() as con:
        rows = q.quotes(
            con,
            speaker=speaker or None,
            contains=contains or None,
            limit=PAGE + 1,
            offset=(page - 1) * PAGE,
        ).records()
    more = {k: v for k, v in filters.items() if v}
    return _page(
        request,
        "quotes.html",
        filters=filters,
        rows=rows[:PAGE],
        page=page,
        more=len(rows) > PAGE,
        query=urlencode(more),
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: Opt = "/") -> Response:
    return _page(request, "login.html", next=next)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/"
) -> Response:
    import hmac

    expected = request.app.state.settings.token or ""
    if not hmac.compare_digest(token.encode(), expected.encode()):
        return _page(request, "login.html", 401, next=next, problem="wrong token")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
    return response
