"""The application: settings, request limits, token auth, error answers, and the
routers of the API (:mod:`veille.api.routes`, :mod:`veille.api.analyze`) and the UI
(:mod:`veille.api.pages`).

Bad input never gets a 500: a body over the limit is 413, malformed JSON or a missing
field is 422 naming the field, a bad filter is 422 naming the parameter, an unknown
article is 404, a database held by an ingest is 503 with ``Retry-After``.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from veille import __version__
from veille.api.store import READ_WAIT, Store
from veille.errors import InputError, QueryError, StoreBusy, StoreError

LOGGER = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MAX_BODY = 5 * 1024 * 1024
COOKIE = "veille_token"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | Path = "veille.duckdb"
    host: str = "127.0.0.1"
    token: str | None = None
    max_body: int = MAX_BODY
    # Load the spaCy model when the server starts, so the first analysis is not slow.
    warm: bool = True
    # Seconds a request waits for an ingest to release the file before a 503.
    read_wait: float = READ_WAIT

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def create_app(settings: Settings) -> FastAPI:
    from veille.api import analyze, pages, routes

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.warm:
            analyze.warm_up()
        yield

    app = FastAPI(
        title="veille",
        summary="Auditable event data from news articles: the REST API over a veille store.",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = Store(settings.db, settings.read_wait)
    app.include_router(analyze.router)
    app.include_router(routes.router)
    app.include_router(pages.router)
    _docs(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _handlers(app)
    # Outermost first: the size limit runs before anything reads the body.
    app.add_middleware(_Auth, settings=settings)
    app.add_middleware(_BodyLimit, limit=settings.max_body)
    return app


def _docs(app: FastAPI) -> None:
    """/docs (Swagger UI) and /redoc from files in a package, not from a CDN: the
    ``fastapi-offline`` wheel carries them."""
    from importlib.resources import files

    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html

    assets = Path(str(files("fastapi_offline") / "static"))
    app.mount("/static/docs", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="veille API",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="veille API",
            redoc_js_url="/static/docs/redoc.standalone.js",
            redoc_favicon_url="/static/favicon.svg",
            with_google_fonts=False,
        )


def error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(e) for e in exc.errors()]
        message = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        return error(422, message or "invalid request", detail=problems)

    @app.exception_handler(QueryError)
    async def bad_filter(request: Request, exc: QueryError) -> Response:
        return error(422, str(exc).removeprefix("--"))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return error(422, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        response = error(503, str(exc))
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(StoreError)
    async def no_store(request: Request, exc: StoreError) -> Response:
        return error(503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if not request.url.path.startswith("/api/") and "html" in request.headers.get("accept", ""):
            from veille.api.pages import templates

            context = {"status": exc.status_code, "message": exc.detail, "nav": ""}
            return templates.TemplateResponse(
                request, "error.html", context, status_code=exc.status_code, headers=headers
            )
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=headers)


def _problem(error: dict[str, Any]) -> dict[str, str]:
    location = [str(part) for part in error.get("loc", ())]
    if error.get("type") == "json_invalid":
        location = location[:1]
    field = ".".join(location) or "request"
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "json_invalid":
        reason = (error.get("ctx") or {}).get("error")
        message = f"malformed JSON ({reason})" if reason else "malformed JSON"
    return {"field": field, "message": message}


class _BodyLimit:
    """413 for a body over ``limit`` bytes, told by Content-Length or counted as it
    streams in; the body is read here, so the app never sees a partial one."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = f"{self.limit:,} bytes"
        response = error(413, f"request body too large: the limit is {limit} (--max-body)")
        await response(scope, receive, send)


class _Auth:
    """With a token set, every API call needs ``Authorization: Bearer <token>``; UI pages
    and the UI's own calls take it from a cookie set by ``/login``. Static assets stay
    open (they hold no data)."""

    OPEN = ("/static/", "/login", "/favicon.ico")

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = self.settings.token
        path = scope.get("path", "")
        if scope["type"] != "http" or not token or path.startswith(self.OPEN):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = _bearer(request.headers.get("authorization")) or request.cookies.get(COOKIE)
        if given is not None and hmac.compare_digest(given.encode(), token.encode()):
            await self.app(scope, receive, send)
            return
        if path.startswith(("/api/", "/openapi.json", "/docs", "/redoc")):
            response: Response = error(
                401,
                "this server needs a token: send 'Authorization: Bearer <token>'",
            )
            response.headers["WWW-Authenticate"] = "Bearer"
        else:
            response = RedirectResponse(f"/login?next={path}", status_code=303)
        await response(scope, receive, send)


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None
