"""Readers: one test per format, encodings, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from veille.errors import InputError
from veille.model import Document
from veille.read import read_bytes, read_paths
from veille.read.text import parse_text

from .conftest import FIXTURES, REFERENCE


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_header_glued_to_credit():
    doc = only(read_paths([str(REFERENCE)]))
    assert isinstance(doc, Document)
    assert doc.published == "2023-06"
    assert doc.lead == "Photo par ALEXEI DRUZHININ/Spoutnik/AFP via Getty Im"
    assert doc.text.lstrip().startswith("Le président russe")
    assert doc.id == __import__("hashlib").sha256(REFERENCE.read_bytes()).hexdigest()


def test_text_headers_title_and_source():
    doc = parse_text(
        "title Un titre\nsource https://exemple.test/a\ndate 2024-01-02\n\nCorps du texte.", "x.txt"
    )
    assert (doc.title, doc.source, doc.published) == (
        "Un titre",
        "https://exemple.test/a",
        "2024-01-02",
    )
    assert doc.text.strip() == "Corps du texte."
    assert doc.lead is None


def test_text_without_headers_keeps_first_line():
    doc = parse_text("Date limite dépassée pour le budget.\n\nSuite.", "x.txt")
    assert doc.published is None
    assert doc.text.startswith("Date limite dépassée")


def test_html_reader():
    doc = only(read_paths([str(FIXTURES / "canada-frappes-fr.html")]))
    assert isinstance(doc, Document)
    assert doc.format == "html"
    assert doc.title == "Canada : fin des frappes aériennes en Irak et en Syrie"
    assert doc.published == "2016-02-08"
    assert doc.captions == (
        "Un avion de combat CF-18 de l'Aviation royale canadienne au décollage, en 2015.",
    )
    assert "Justin Trudeau" in doc.text
    assert "Mentions légales" not in doc.text


def test_jsonl_records_in_order(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [
        {
            "id": "a",
            "text": "Premier texte.",
            "title": "Un",
            "date": "2020-05-06T10:00:00Z",
            "url": "https://e.test/1",
        },
        {"id": "b", "text": "Second texte.", "published": "2021"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = read_paths([str(path)])
    assert (first.external_id, first.title, first.published, first.source) == (
        "a",
        "Un",
        "2020-05-06",
        "https://e.test/1",
    )
    assert (second.external_id, second.published) == ("b", "2021")
    assert first.id != second.id


def test_json_array(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"text": "Un."}, {"text": "Deux."}]), encoding="utf-8")
    assert [d.text for d in read_paths([str(path)])] == ["Un.", "Deux."]


def test_directory_and_glob(tmp_path):
    (tmp_path / "a.txt").write_text("Texte A.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Texte B.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [d.text for d in read_paths([str(tmp_path)])] == ["Texte A.", "Texte B."]
    assert [d.text for d in read_paths([str(tmp_path / "*.txt")])] == ["Texte A."]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings(tmp_path, encoding):
    text = "Le ministère de la Défense a été sollicité à Moscou : « réponse » attendue, déjà l’été."
    if encoding == "latin-1":
        text = text.replace("’", "'")
    path = tmp_path / "old.txt"
    path.write_bytes(((text + "\n") * 3).encode(encoding))
    doc = only(read_paths([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text.splitlines()[0] == text


def test_nfc_normalisation():
    decomposed = "Pe\u0301kin a re\u0301pondu."
    doc = only(read_bytes(decomposed.encode("utf-8"), "x.txt"))
    assert doc.text == "Pékin a répondu."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\t\n ", "empty document"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary content"),
        (
            "nothing.html",
            b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
            "HTML with no article text",
        ),
        ("norecord.jsonl", b'{"title": "sans texte"}\n', "record without 'text'"),
        ("badjson.jsonl", b'{"text": "ok"\n', "malformed JSON"),
        ("notobject.json", b"42", "must be a JSON object"),
    ],
)
def test_bad_inputs_give_one_line_errors(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    error = only(read_paths([str(path)]))
    assert isinstance(error, InputError), error
    assert reason in error.reason
    assert str(path) in str(error)
    assert "\n" not in str(error)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 40)
    result = only(read_paths([str(path)]))
    # Either refused as undecodable or decoded by a legacy code page: never a crash.
    assert isinstance(result, InputError | Document)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("mot " * 1000, encoding="utf-8")
    error = only(read_paths([str(path)], max_chars=1000))
    assert isinstance(error, InputError)
    assert "too large" in error.reason and "--max-chars" in error.reason
    assert isinstance(only(read_paths([str(path)], max_chars=10_000)), Document)


def test_missing_path_and_empty_glob(tmp_path):
    missing, empty = read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.html")])
    assert "no such file" in missing.reason
    assert "no supported file" in empty.reason


def test_bad_input_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("Texte A.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Texte C.", encoding="utf-8")
    results = list(read_paths([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["Document", "InputError", "Document"]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_documents_the_rest_is_counted(tmp_path, name):
    from collections import Counter

    from veille.read import count_documents

    from .conftest import make_warc

    page = (FIXTURES / "canada-frappes-fr.html").read_bytes()
    warc = make_warc(tmp_path / name, page)
    skipped: Counter[str] = Counter()
    doc = only(read_paths([str(tmp_path)], skipped=skipped))
    assert isinstance(doc, Document)
    assert doc.source == "https://exemple.test/article"
    assert doc.format == "html" and doc.raw == page
    assert doc == only(read_bytes(page, "https://exemple.test/article", kind=".html"))
    assert skipped == Counter(
        {
            "WARC warcinfo record": 1,
            "WARC request record": 1,
            "WARC response: image/png": 1,
            "WARC response with HTTP status 404": 1,
            "WARC response with HTTP status 301": 1,
        }
    )
    assert count_documents([str(warc)]) == 1


def test_broken_warc_is_one_error(tmp_path):
    import gzip

    from .conftest import make_warc

    page = (FIXTURES / "canada-frappes-fr.html").read_bytes()
    whole = make_warc(tmp_path / "whole.warc", page).read_bytes()
    one_stream = gzip.compress(whole)
    cut = whole.index(b"Justin Trudeau")
    cases = {
        "truncated.warc": (whole[:cut], "https://exemple.test/article", "truncated WARC record"),
        "truncated.warc.gz": (one_stream[: len(one_stream) // 2], None, "broken WARC archive"),
        "garbage.warc": (b"no WARC at all\n", None, "Unknown archive format"),
        "garbage.warc.gz": (b"\x1f\x8b\x08\x00garbage", None, "no WARC record"),
    }
    for name, (content, source, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        error = only(read_paths([str(path)]))
        assert isinstance(error, InputError), name
        assert error.source == (source or str(path)) and reason in error.reason, error


def test_readers_keep_the_raw_input(tmp_path):
    record = '{"id": "a1", "text": "Un texte.", "licence": "CC BY"}'
    (tmp_path / "records.jsonl").write_text(record + "\n", encoding="utf-8")
    doc = only(read_paths([str(tmp_path / "records.jsonl")]))
    assert doc.raw == record.encode("utf-8")
    text = only(read_paths([str(REFERENCE)]))
    assert text.raw == REFERENCE.read_bytes()
