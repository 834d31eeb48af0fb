"""The records of the Analysis contract: frozen dataclasses, ``to_dict`` / ``from_dict``.

The JSON form is described in ``docs/contract.md`` and by :func:`json_schema`.
Offsets (``start``, ``end``) are character offsets into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, get_args, get_origin

SCHEMA = "veille.analysis/1"

BlockRole = Literal["title", "byline", "caption", "body"]
RemovedRole = Literal["credit", "related", "boilerplate"]
EntityType = Literal["PER", "ORG", "LOC", "GPE", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]

T = TypeVar("T")


class Record:
    """Mixin giving a frozen dataclass symmetric ``to_dict`` / ``from_dict``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return typing.cast(T, _load(cls, data))


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = get_args(hint)[0]
        return tuple(_load(item, v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        kwargs = {k: _load(hints[k], v) for k, v in value.items() if k in names}
        return hint(**kwargs)
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Record):
    """One input as read, before cleaning.

    ``text`` is the decoded main text (paragraphs separated by newlines); ``captions``
    are figure captions found apart from it (HTML ``figcaption``); ``lead`` is text a
    header line carried after its value (the reference article's photo credit).
    """

    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    external_id: str | None = None
    captions: tuple[str, ...] = ()
    lead: str | None = None
    # Text of a page outside its article (related links, share lines, comments): kept so
    # the cleaner can record it as removed instead of losing it silently.
    extras: tuple[str, ...] = ()
    format: Literal["text", "html", "record"] = "text"
    # The input as read (file bytes, JSON record line, HTTP payload): the store keeps it,
    # so that nothing a user gave is lost and a newer reader can read it again. Left out of
    # equality and repr; ``None`` for a Document built from a string.
    raw: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        published: str | None = None,
        source: str = "<string>",
        external_id: str | None = None,
    ) -> Document:
        return cls(
            id=sha256_hex(text),
            source=source,
            text=text,
            title=title,
            published=published,
            external_id=external_id,
        )


def sha256_hex(data: str | bytes) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Block(Record):
    role: BlockRole
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RemovedBlock(Record):
    role: RemovedRole
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article(Record):
    id: str
    source: str
    title: str | None
    published: str | None
    language: str | None
    text: str
    blocks: tuple[Block, ...]
    removed: tuple[RemovedBlock, ...] = ()
    external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Record):
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Geo(Record):
    lat: float
    lon: float
    country: str | None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity(Record):
    id: str
    name: str
    type: EntityType
    country: str | None = None
    sector: str | None = None
    actor_code: str | None = None
    roles: tuple[str, ...] = ()
    geo: Geo | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Record):
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None = None
    addressee: str | None = None
    verb: str | None = None
    medium: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex(Record):
    text: str
    start: int
    end: int
    value: str
    precision: Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Location(Record):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    id: str
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: str | None
    target: str | None
    source_actor: str | None
    target_actor: str | None
    source_country: str | None
    target_country: str | None
    negated: bool
    date: str | None
    precision: Literal["year", "month", "day"] | None
    date_from: Literal["text", "published"] | None
    location: Location | None
    trigger: str
    sentence: str
    start: int
    end: int
    block_role: BlockRole
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Tone(Record):
    score: float
    positive: float
    negative: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis(Record):
    """What veille says about one article. ``warnings`` explain what was not done."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timex: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    tone: Tone | None = None
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the Analysis contract, derived from the dataclasses."""
    defs: dict[str, Any] = {}
    root = _schema_of(Analysis, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA,
        **root,
        "$defs": defs,
    }


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_of(a, defs) for a in get_args(hint)]}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(hint)[0], defs)}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = _hints(hint)
            fields = dataclasses.fields(hint)
            defs[name] = {
                "type": "object",
                "properties": {f.name: _schema_of(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is float:
        return {"type": "number"}
    raise TypeError(f"no JSON schema for {hint!r}")
