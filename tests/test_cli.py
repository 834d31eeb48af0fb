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


def test_eval_events_by_root_and_errors(tmp_path):
    text = (
        "Le président chinois s'est rendu à Moscou en mars. "
        "Des manifestants ont dénoncé la réforme à Paris."
    )
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a1", "text": text}, ensure_ascii=False) + "\n")
    visit = text.index("Le président")
    protest = text.index("Des manifestants")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    events = [
        {"start": visit, "end": protest - 1, "cameo": "042", "trigger": "s'est rendu",
         "source_country": "CHN", "target_country": "RUS", "date": "2023-03"},
        # A root no rule gives this sentence: a miss with the record found there.
        {"start": protest, "end": len(text), "cameo": "172", "trigger": "dénoncé",
         "source_country": None, "target_country": None, "date": "2023-06-10"},
    ]  # fmt: skip
    gold = {"id": "a1", "published": "2023-06-10", "events": events}
    (gold_dir / "a1.json").write_text(json.dumps(gold))
    errors = tmp_path / "errors.jsonl"
    result = run(
        "eval", "events", str(gold_dir), "--corpus", str(corpus), "--by-root",
        "--errors", str(errors), "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["by_root"]["04"]["tp"] == 1
    assert report["by_root"]["17"]["fn"] == 1
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    missed = [r for r in rows if r["kind"] == "missed"]
    assert [(r["gold"]["cameo"], r["reason"]) for r in missed] == [("172", "other root")]
    assert missed[0]["sentence"].startswith("Des manifestants")
    assert missed[0]["predicted"][0]["cameo"].startswith("1")
    spurious = [r for r in rows if r["kind"] == "spurious"]
    assert all(r["reason"] == "unmatched in a gold sentence" for r in spurious)
    unwritable = run("eval", "events", str(gold_dir), "--corpus", str(corpus),
                     "--errors", str(tmp_path / "no" / "such" / "dir.jsonl"))  # fmt: skip
    assert unwritable.returncode == 1
    assert "cannot write" in unwritable.stderr and "Traceback" not in unwritable.stderr
