"""`veille serve` as a user starts it: a real process, a real port, Ctrl-C to stop."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.serving import free_port

VEILLE = [sys.executable, "-c", "from veille.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*VEILLE, *args], capture_output=True, text=True, timeout=120)


def test_a_file_that_is_not_a_store_is_one_line(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("pas une base", encoding="utf-8")
    result = run("serve", "--db", str(bad), "--port", str(free_port()))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "notes.duckdb" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--db", str(tmp_path / "v.duckdb"), "--port", str(port))
    assert result.returncode == 1
    assert f"127.0.0.1:{port}" in result.stderr
    assert "in use" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_serve_answers_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    db = tmp_path / "new.duckdb"
    server = subprocess.Popen(
        [*VEILLE, "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert health.json()["articles"] == 0  # an empty store, created for the user
        answer = httpx.post(
            f"http://127.0.0.1:{port}/api/analyze?store=true",
            json={"text": "Le président français a reçu lundi le chancelier allemand à Paris."},
            timeout=60,
        )
        assert answer.status_code == 200
        assert httpx.get(f"http://127.0.0.1:{port}/api/health").json()["articles"] == 1
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.returncode == 0
    assert server.stderr is not None
    assert "Traceback" not in server.stderr.read()
    assert db.exists()
