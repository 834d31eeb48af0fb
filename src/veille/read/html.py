"""HTML pages: main text with trafilatura, date with htmldate, captions from figcaption."""

from __future__ import annotations

import logging

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html

from veille.errors import InputError
from veille.model import Document, sha256_hex
from veille.read.decode import normalize

LOGGER = logging.getLogger(__name__)

# Below this many words, what trafilatura finds is a menu or a label, not an article.
MIN_ARTICLE_WORDS = 5


def parse_html(page: str, source: str, raw_id: str | None = None) -> Document:
    """Extract an article from an HTML page, or raise :class:`InputError`."""
    try:
        tree = lxml_html.fromstring(page)
    except Exception as exc:  # lxml raises several types for broken input
        raise InputError(source, f"unparsable HTML ({exc.__class__.__name__})") from None
    # Comments off: reader comments are not the article (DESIGN pitfalls). Deduplication
    # off: trafilatura's is a cache shared by every call in the process, so the third read
    # of a page (or of a paragraph several pages share) came out empty, and what a page
    # yielded depended on what the process had read before it.
    text = trafilatura.extract(
        page, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(source, "HTML with no article text (nothing extractable)")
    meta = trafilatura.extract_metadata(page)
    title = meta.title if meta is not None and meta.title else None
    published = _published(page, meta.date if meta is not None else None)
    captions = tuple(
        normalize(" ".join(node.text_content().split()))
        for node in tree.iter("figcaption")
        if node.text_content().strip()
    )
    return Document(
        id=raw_id or sha256_hex(page),
        source=source,
        text=normalize(text),
        title=normalize(title) if title else None,
        published=published,
        captions=captions,
        extras=_extras(tree, text),
        format="html",
    )


# Page furniture whose text is recorded as removed: related links, share and subscribe
# lines, comments. Navigation menus and footers are furniture too but carry no sentence.
_EXTRA_XPATH = (
    "//aside | //*[contains(@class, 'related')] | //*[contains(@class, 'share')]"
    " | //*[contains(@class, 'subscribe')] | //*[contains(@class, 'newsletter')]"
    " | //*[contains(@class, 'comment')]"
)
MAX_EXTRAS = 50
MAX_EXTRA_CHARS = 500


def _extras(tree: lxml_html.HtmlElement, kept: str) -> tuple[str, ...]:
    found: list[str] = []
    for node in tree.xpath(_EXTRA_XPATH):
        parts = node.xpath(".//p") or [node]
        for part in parts:
            text = normalize(" ".join(part.text_content().split()))
            if text and text not in kept and text not in found and len(text) <= MAX_EXTRA_CHARS:
                found.append(text)
        if len(found) >= MAX_EXTRAS:
            break
    return tuple(found[:MAX_EXTRAS])


def _published(page: str, from_meta: str | None) -> str | None:
    found = find_date(page, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    value = found or from_meta
    return value[:10] if value else None
