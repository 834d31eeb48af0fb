"""``analyze`` and ``analyze_many``: the stages in order, the one core every front end calls."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, overload

from veille.clean import SUPPORTED_LANGUAGES, Cleaned, clean
from veille.entities import extract_entities
from veille.errors import VeilleError
from veille.events import extract_events
from veille.model import Analysis, Document
from veille.nlp import BATCH_SIZE, Parsed, load, parse_many
from veille.quotes import extract_quotes
from veille.timex import extract_timex
from veille.tone import article_tone

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be analysed: which, at what stage, and why."""

    source: str
    stage: str
    message: str
    document_id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def _as_document(item: str | Document, **meta: str | None) -> Document:
    if isinstance(item, Document):
        return item
    if not isinstance(item, str):
        raise TypeError(f"analyze() takes a str or a Document, not {type(item).__name__}")
    return Document.from_text(
        item,
        title=meta.get("title"),
        published=meta.get("published"),
        source=meta.get("source") or "<string>",
    )


def analyze(
    item: str | Document,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Analysis:
    """Analyse one article: a text (with optional metadata) or a :class:`Document`."""
    document = _as_document(item, published=published, title=title, source=source)
    result = next(analyze_many([document], on_error="raise"))
    assert isinstance(result, Analysis)
    return result


@overload
def analyze_many(
    items: Iterable[str | Document],
    *,
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["raise", "skip"] = ...,
) -> Iterator[Analysis]: ...


@overload
def analyze_many(
    items: Iterable[str | Document],
    *,
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["return"],
) -> Iterator[Analysis | Failure]: ...


def analyze_many(
    items: Iterable[str | Document],
    *,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    on_error: Literal["raise", "skip", "return"] = "raise",
) -> Iterator[Analysis | Failure]:
    """Analyse a stream of articles in order; the spaCy model is loaded once and texts
    are parsed in batches through ``nlp.pipe``.

    ``on_error`` says what a document that fails does: ``"raise"`` stops, ``"skip"``
    logs and drops it, ``"return"`` yields a :class:`Failure` in its place.
    """
    documents = (_as_document(item) for item in items)
    if n_process > 1:
        yield from _analyze_forked(documents, batch_size, n_process, on_error)
        return
    while True:
        chunk = list(islice(documents, batch_size * 4))
        if not chunk:
            return
        yield from _analyze_chunk(chunk, batch_size, on_error)


# Chunks queued per process: enough that a worker never waits, few enough that memory
# stays flat however long the stream.
_IN_FLIGHT = 2


def _analyze_forked(
    documents: Iterator[Document], batch_size: int, n_process: int, on_error: str
) -> Iterator[Analysis | Failure]:
    """The whole pipeline in ``n_process`` forked workers, chunk by chunk, in order.

    spaCy's own ``n_process`` parses in its workers but hands the Docs back, so the
    conversion and every veille stage ran in this process, which then competed with the
    workers for the cores (0.53-0.75 of the bare parse with 2 processes, bench/suite.py).
    Here each worker runs clean → parse → extract and sends back the records. The workers
    fork from this process, as spaCy's do, with the model and data already loaded.
    """
    import multiprocessing
    from collections import deque

    load()  # loaded here once, inherited by every worker
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process) as pool:
        pending: deque[Any] = deque()
        # Chunks of a quarter batch: more of them spread the work evenly to the end.
        size = max(1, batch_size // 4)
        for chunk in iter(lambda: list(islice(documents, size)), []):
            pending.append(pool.apply_async(_analyze_list, (chunk, batch_size, on_error)))
            while len(pending) > n_process * _IN_FLIGHT:
                yield from _kept(pending.popleft().get(), on_error)
        while pending:
            yield from _kept(pending.popleft().get(), on_error)


def _analyze_list(
    documents: list[Document], batch_size: int, on_error: str
) -> list[Analysis | Failure]:
    # In the worker, failures are returned, so that "skip" can log them here.
    mode = "raise" if on_error == "raise" else "return"
    return list(_analyze_chunk(documents, batch_size, mode))


def _kept(results: list[Analysis | Failure], on_error: str) -> Iterator[Analysis | Failure]:
    """A worker's results, less its failures under "skip" (the worker logged them)."""
    for result in results:
        if isinstance(result, Failure) and on_error == "skip":
            continue
        yield result


def _analyze_chunk(
    documents: list[Document],
    batch_size: int,
    on_error: str,
) -> Iterator[Analysis | Failure]:
    cleaned: list[Cleaned | Failure] = []
    for document in documents:
        try:
            cleaned.append(clean(document))
        except VeilleError as exc:
            cleaned.append(Failure(document.source, "clean", str(exc), document.id))
    to_parse = [c.article.text for c in cleaned if isinstance(c, Cleaned) and _analysable(c)]
    parses = iter(parse_many(to_parse, batch_size=batch_size))
    for document, item in zip(documents, cleaned, strict=True):
        if isinstance(item, Failure):
            result: Analysis | Failure = item
        elif not _analysable(item):
            result = Analysis(article=item.article, warnings=item.warnings)
        else:
            parsed = next(parses)
            result = _extract(document, item, parsed, on_error)
        if isinstance(result, Failure):
            if on_error == "raise":
                raise VeilleError(str(result))
            LOGGER.warning("%s", result)
            if on_error == "skip":
                continue
        yield result


def _analysable(cleaned: Cleaned) -> bool:
    language = cleaned.article.language
    return bool(cleaned.article.text.strip()) and (
        language is None or language in SUPPORTED_LANGUAGES
    )


def _extract(
    document: Document, cleaned: Cleaned, parsed: Parsed, on_error: str
) -> Analysis | Failure:
    stage = "entities"
    try:
        entities = extract_entities(parsed, cleaned.article.published)
        stage = "quotes"
        quotes = extract_quotes(parsed, entities)
        stage = "timex"
        timex = extract_timex(parsed, cleaned.article.published)
        stage = "events"
        events = extract_events(parsed, cleaned.article, entities, timex, quotes)
        stage = "tone"
        tone = article_tone(parsed)
    except Exception as exc:
        if on_error == "raise":
            raise
        # A bug in a stage must not cost the batch: the document is recorded as failed.
        LOGGER.exception("%s failed at %s", document.source, stage)
        return Failure(document.source, stage, f"internal error at {stage}: {exc!r}", document.id)
    return Analysis(
        article=cleaned.article,
        entities=entities,
        quotes=quotes,
        timex=timex,
        events=events,
        tone=tone,
        warnings=cleaned.warnings,
    )
