"""A downloaded page as a Document, through the readers ``veille ingest`` uses (pure).

The document's ``source`` is the article's canonical URL and its raw input the page as
downloaded, so its id is the sha256 of the page, as for any input. The feed entry's
date stands in when the page gives none.
"""

from __future__ import annotations

import dataclasses

from veille.errors import InputError
from veille.model import Document, sha256_hex
from veille.read import read_bytes
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.watch.http import TEXT_TYPES, Response


def page_document(
    response: Response,
    source: str,
    *,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """The article of ``response`` as a Document named ``source``, or :class:`InputError`
    (binary content, no article text, too long)."""
    kind = ".txt" if response.content_type in TEXT_TYPES else ".html"
    found = next(iter(read_bytes(response.body, source, max_chars=max_chars, kind=kind)), None)
    if found is None:
        raise InputError(source, "nothing readable in the page")
    if isinstance(found, InputError):
        raise found
    if not found.published and published:
        found = dataclasses.replace(found, published=published)
    return found


def content_hash(document: Document) -> str:
    """The sha256 of the article's text: one article served in two page layouts (or
    with a changing ad block) is one hash, where the page's bytes differ."""
    return sha256_hex(" ".join(document.text.split()))
