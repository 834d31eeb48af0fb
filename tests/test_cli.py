"""The ``veille`` command, run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, REFERENCE

pytestmark = pytest.mark.slow

VEILLE = [sys.executable, "-m", "veille"]


def run(*args, stdin=None):
    return subprocess.run(
        [*VEILLE, *args], input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def test_extract_json_one_document():
    result = run("extract", str(REFERENCE))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "veille.analysis/1"
    assert any(e["name"] == "Valery Gerasimov" for e in data["entities"])


def test_extract_jsonl_keeps_order_and_records_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    html = FIXTURES / "canada-frappes-fr.html"
    result = run("extract", str(REFERENCE), str(empty), str(html), str(binary), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [False, True, False, True]
    assert lines[1]["source"] == str(empty) and "empty" in lines[1]["error"]
    assert lines[3]["source"] == str(binary) and "binary" in lines[3]["error"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0] == f"error: {empty}: empty document (no text)"
    assert "Traceback" not in result.stderr


def test_extract_stdin_text_format():
    result = run("extract", "-", "--format", "text", stdin=REFERENCE.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert "Valery Gerasimov" in result.stdout
    assert "removed (credit)" in result.stdout


def test_max_chars(tmp_path):
    result = run("extract", str(REFERENCE), "--max-chars", "100")
    assert result.returncode == 1
    assert "too large" in result.stderr and "Traceback" not in result.stderr


def test_non_french_warns(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The government presented its budget on Friday in Washington. " * 3)
    result = run("extract", str(path))
    assert result.returncode == 0
    assert json.loads(result.stdout)["article"]["language"] == "en"
    assert "not supported" in result.stderr


def test_summary(tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = (
        Path(__file__)
        .resolve()
        .parent.parent.joinpath("corpus", "fr-wikinews.jsonl")
        .read_text()
        .splitlines()[:5]
    )
    corpus.write_text("\n".join(lines) + "\n")
    result = run("summary", str(corpus), str(REFERENCE))
    assert result.returncode == 0, result.stderr
    assert "6 articles analysed" in result.stdout
    assert "Entities per type" in result.stdout and "Top 15 actors" in result.stdout
    assert "Quotes per kind" in result.stdout and "Top 15 speakers" in result.stdout


def test_usage_error_is_not_a_traceback():
    result = run("extract")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_version_and_schema():
    assert run("--version").stdout.startswith("veille ")
    schema = json.loads(run("schema").stdout)
    assert schema["$id"] == "veille.analysis/1"
