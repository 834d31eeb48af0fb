"""Bytes to text: UTF-8 first, then legacy encodings detected by charset-normalizer."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from veille.errors import InputError

# 2 MB of text: far above any news article (the bundled corpus peaks near 10 kB), low
# enough that a runaway file cannot stall a batch.
DEFAULT_MAX_CHARS = 2_000_000


def decode(raw: bytes, source: str) -> str:
    """Decode ``raw`` to NFC text, or raise :class:`InputError` naming ``source``."""
    if b"\x00" in raw[:65536]:
        raise InputError(source, "binary content (NUL bytes), not a text document")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy(raw, source)
    return normalize(text)


# Letters of Western European text; charset-normalizer often takes French cp1252 for
# cp1250 ("ministčre", "ą Moscou"), which these letters tell apart.
_WESTERN = frozenset("éèêëàâäçîïôöùûüœæÉÈÊÀÂÇÎÔÙÛŒ«»’")


def _legacy(raw: bytes, source: str) -> str:
    best = from_bytes(raw).best()
    guess = str(best) if best is not None else None
    try:
        western: str | None = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (guess is None or _score(western) >= _score(guess)):
        return western
    if guess is None:
        raise InputError(source, "undecodable bytes: no text encoding fits")
    return guess


def _score(text: str) -> int:
    return sum(ch in _WESTERN for ch in text) - sum(
        "\x80" <= ch <= "\x9f" or (ch.isalpha() and ch not in _WESTERN and ord(ch) > 0xFF)
        for ch in text
    )


def normalize(text: str) -> str:
    """NFC, Unix newlines, no soft hyphens or zero-width marks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for mark in ("\u00ad", "\u200b", "\u200e", "\u200f", "\ufeff"):
        text = text.replace(mark, "")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def check_text(text: str, source: str, max_chars: int) -> None:
    """Refuse empty and oversized texts with a one-line reason."""
    if not text.strip():
        raise InputError(source, "empty document (no text)")
    if len(text) > max_chars:
        raise InputError(
            source,
            f"too large: {len(text):,} characters of text, over the limit of {max_chars:,} "
            "(raise it with --max-chars)",
        )
