"""Shared fixtures: paths, the spaCy model loaded once per session, the reference analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFERENCE = CORPUS / "reference-fr-2023-06.txt"
WIKINEWS = CORPUS / "fr-wikinews.jsonl"
FIXTURES = ROOT / "tests" / "golden" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from veille import nlp as veille_nlp

    return veille_nlp.load()


@pytest.fixture(scope="session")
def reference(nlp):
    import veille
    from veille.read import read_paths

    (document,) = list(read_paths([str(REFERENCE)]))
    return veille.analyze(document)


@pytest.fixture(scope="session")
def html_page(nlp):
    import veille
    from veille.read import read_paths

    (document,) = list(read_paths([str(FIXTURES / "canada-frappes-fr.html")]))
    return veille.analyze(document)


def make_warc(path: Path, page: bytes) -> Path:
    """A small crawl, as warcio writes one: a warcinfo record, a request, the HTML ``page``
    (200), an image, a 404 page and a redirect. Only the page is an article."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def http(status: str, content_type: str) -> StatusAndHeaders:
        return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        url = "https://exemple.test/article"
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "exemple.test")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        for uri, status, kind, body in (
            (url, "200 OK", "text/html; charset=utf-8", page),
            ("https://exemple.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://exemple.test/perdu", "404 Not Found", "text/html", b"<html>perdu</html>"),
            ("https://exemple.test/old", "301 Moved Permanently", "text/html", b""),
        ):
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=BytesIO(body), http_headers=http(status, kind)
                )
            )
    return path
