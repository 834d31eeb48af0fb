"""``POST /api/analyze``: one article in (JSON, an uploaded HTML or text file, or a raw
HTML/text body), the Analysis contract out; ``?store=true`` keeps it in the store."""

from __future__ import annotations

import json
import re
import threading
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from veille.api.app import error
from veille.api.store import Store
from veille.errors import InputError
from veille.model import Analysis, Document

if TYPE_CHECKING:
    from veille.store.write import Written

router = APIRouter(prefix="/api", tags=["analysis"])

# spaCy's pipeline is not documented as thread-safe, and the parse is CPU-bound under the
# GIL anyway: one analysis at a time.
_ANALYSE = threading.Lock()
_DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?$"


class AnalyzeRequest(BaseModel):
    """An article to analyse, as the JSON body of ``POST /api/analyze``."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The article's text (plain text).")
    title: str | None = Field(default=None, description="Its headline.")
    published: str | None = Field(
        default=None,
        description="Publication date, ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or a timestamp); "
        "relative dates in the text resolve against it.",
    )
    source: str | None = Field(default=None, description="Where it comes from (a URL or name).")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not re.match(_DATE, value):
            raise ValueError("not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a timestamp)")
        return value


_TEXT_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
_BODIES: dict[str, Any] = {
    "application/json": {"schema": {"$ref": "#/components/schemas/AnalyzeRequest"}},
    "multipart/form-data": {
        "schema": {
            "type": "object",
            "required": ["file"],
            "properties": {
                "file": {"type": "string", "format": "binary", "description": "HTML or text"},
                "title": {"type": "string"},
                "published": {"type": "string", "pattern": _DATE},
            },
        }
    },
    "text/html": {"schema": {"type": "string"}},
    "text/plain": {"schema": {"type": "string"}},
}


def warm_up() -> None:
    """Load the model and run it once, so that the first request is as fast as the rest."""
    import veille

    with _ANALYSE:
        veille.analyze("Le ministre a rencontré son homologue à Paris.", published="2024-01-01")


@router.post(
    "/analyze",
    summary="Analyse one article",
    response_description="The Analysis contract (see `veille schema`).",
    openapi_extra={"requestBody": {"required": True, "content": _BODIES}},
    responses={
        413: {"description": "Body over the size limit"},
        415: {"description": "Unsupported content type"},
        422: {"description": "Malformed JSON, a missing or invalid field, or an unreadable file"},
    },
)
async def analyze(
    request: Request,
    store: bool = Query(False, description="Also keep the article and its analysis."),
) -> Any:
    """Analyse an article sent as JSON (`{text, title?, published?, source?}`), as an
    uploaded file (`multipart/form-data`, field `file`: HTML or text), or as a raw
    `text/html` or `text/plain` body."""
    document = await _document(request)
    if store:
        settings = request.app.state.settings
        if not settings.token and not settings.loopback:
            return error(
                403,
                "storing is refused: this server listens beyond loopback without a token "
                "(start it with --token)",
            )
    analysis = await run_in_threadpool(analyse_document, document)
    payload = analysis.to_dict()
    if store:
        written = await run_in_threadpool(_store, request.app.state.store, document, analysis)
        payload = {**payload, "stored": {"article_id": analysis.article.id, **_counts(written)}}
    return payload


def _store(db: Store, document: Document, analysis: Analysis) -> Written:
    # In a worker thread: waiting for the server's readers must not block the event loop.
    from veille.store.run import store_analysis

    with db.write() as path:
        return store_analysis(path, document, analysis)


def analyse_document(document: Document) -> Analysis:
    import veille

    with _ANALYSE:
        return veille.analyze(document)


def _counts(written: Written) -> dict[str, int]:
    return {"stored": written.stored, "reanalysed": written.reanalysed}


async def _document(request: Request) -> Document:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if kind == "application/json" or kind.endswith("+json"):
        return _from_json(body)
    if kind == "multipart/form-data":
        return await _from_form(request)
    if kind in _TEXT_TYPES:
        return read_document(body, "<request body>", _TEXT_TYPES[kind], {})
    raise _unsupported(kind)


def _unsupported(kind: str) -> Exception:
    from fastapi import HTTPException

    told = kind or "none"
    return HTTPException(
        415,
        f"content type {told} is not accepted: send application/json, multipart/form-data "
        "(field 'file'), text/html or text/plain",
    )


def _from_json(body: bytes) -> Document:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": "", "ctx": {"error": str(exc)}}]
        ) from None
    try:
        request = AnalyzeRequest.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None
    record = request.model_dump(exclude_none=True)
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode()
    return read_document(raw, "<json>", ".json")


async def _from_form(request: Request) -> Document:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body", "file"), "msg": "Field required (a file)"}]
        )
    raw = await upload.read()
    name = upload.filename or "<upload>"
    kind = _TEXT_TYPES.get((upload.content_type or "").lower())
    meta = {k: str(form[k]) for k in ("title", "published") if isinstance(form.get(k), str)}
    if meta.get("published") and not re.match(_DATE, meta["published"]):
        raise RequestValidationError(
            [{"type": "value_error", "loc": ("body", "published"), "msg": "not an ISO 8601 date"}]
        )
    return read_document(raw, name, kind, meta)


def read_document(
    raw: bytes, source: str, kind: str | None, meta: dict[str, str] | None = None
) -> Document:
    import dataclasses

    from veille.read import read_bytes

    found = list(read_bytes(raw, source, kind=kind))
    if not found:
        raise InputError(source, "no article in the input")
    first = found[0]
    if isinstance(first, InputError):
        raise first
    if len(found) > 1:
        raise InputError(source, f"{len(found)} records: send one article per request")
    if meta:
        first = dataclasses.replace(
            first,
            title=meta.get("title") or first.title,
            published=meta.get("published") or first.published,
        )
    return first
