"""The REST API, served for real by uvicorn on 127.0.0.1 over a small store."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import FIXTURES, REFERENCE, WIKINEWS
from tests.serving import serving, small_store

pytestmark = pytest.mark.slow

VEILLE = [sys.executable, "-c", "from veille.cli import main; main()"]


@pytest.fixture(scope="module")
def store_path(nlp, tmp_path_factory):
    return small_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def base(store_path):
    from veille.api import Settings, create_app

    app = create_app(Settings(db=store_path, max_body=1024 * 1024))
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=60) as c:
        yield c


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def test_analyze_json_returns_the_contract(client):
    import jsonschema

    from veille.model import json_schema

    answer = client.post("/api/analyze", json={"text": reference_text(), "published": "2023-06-10"})
    assert answer.status_code == 200
    analysis = answer.json()
    jsonschema.validate(analysis, json_schema())
    names = {e["id"]: e["name"] for e in analysis["entities"]}
    # His three quoted passages: two direct quotes and a partial (mixed) one.
    marked = [
        q
        for q in analysis["quotes"]
        if q["kind"] in ("direct", "mixed") and "Gerasimov" in names.get(q["speaker"], "")
    ]
    assert len(marked) == 3
    assert analysis["article"]["published"] == "2023-06-10"
    assert "stored" not in analysis


def test_analyze_takes_text_html_and_uploads(client):
    text = reference_text().encode("utf-8")
    plain = client.post("/api/analyze", content=text, headers={"content-type": "text/plain"})
    assert plain.status_code == 200
    assert len(plain.json()["quotes"]) >= 3
    page = (FIXTURES / "canada-frappes-fr.html").read_bytes()
    raw = client.post("/api/analyze", content=page, headers={"content-type": "text/html"})
    upload = client.post(
        "/api/analyze",
        files={"file": ("page.html", page, "text/html")},
        data={"title": "Titre donné"},
    )
    assert raw.status_code == upload.status_code == 200
    # The title given with the upload replaces the page's own, which heads the text.
    given, found = upload.json()["article"], raw.json()["article"]
    assert given["title"] == "Titre donné"
    assert given["text"].startswith("Titre donné\n\n")
    assert given["text"].split("\n\n", 1)[1] == found["text"].split("\n\n", 1)[1]
    assert "<" not in raw.json()["article"]["text"][:200]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "sans texte"}, "text"),
        ({"text": ""}, "text"),
        ({"text": "Un texte.", "published": "hier"}, "published"),
        ({"text": "Un texte.", "colour": "bleu"}, "colour"),
        ([1, 2], "body"),
    ],
)
def test_bad_json_fields_are_422_naming_the_field(client, body, field):
    answer = client.post("/api/analyze", json=body)
    assert answer.status_code == 422
    assert field in answer.json()["error"]


def test_malformed_json_and_unknown_types(client):
    broken = client.post(
        "/api/analyze", content=b'{"text": "abc', headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422
    assert "malformed JSON" in broken.json()["error"]
    image = client.post("/api/analyze", content=b"\x89PNG", headers={"content-type": "image/png"})
    assert image.status_code == 415
    binary = client.post(
        "/api/analyze", content=b"a\x00b" * 10, headers={"content-type": "text/plain"}
    )
    assert binary.status_code == 422
    assert "binary" in binary.json()["error"]
    no_file = client.post("/api/analyze", files={"other": ("a.txt", b"texte")})
    assert no_file.status_code == 422
    assert "file" in no_file.json()["error"]


def test_a_body_over_the_limit_is_413(client):
    big = b"a " * (600 * 1024)  # 1.2 MB, over the fixture's 1 MB
    told = client.post("/api/analyze", content=big, headers={"content-type": "text/plain"})
    assert told.status_code == 413
    assert "limit" in told.json()["error"]

    def chunks():  # no Content-Length: counted as it streams in
        for _ in range(12):
            yield b"a " * (50 * 1024)

    streamed = client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
    assert streamed.status_code == 413


def test_lists_filter_page_and_sort(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert len(first["items"]) == 3
    assert first["next_offset"] == 3
    assert not {json.dumps(i) for i in first["items"]} & {json.dumps(i) for i in second["items"]}
    russian = client.get("/api/events", params={"actor": "RUS", "limit": 100}).json()["items"]
    assert russian
    assert all("RUS" in ((e["source_actor"] or "") + (e["target_actor"] or "")) for e in russian)
    ordered = client.get("/api/events", params={"sort": "goldstein", "limit": 1000}).json()
    scores = [e["goldstein"] for e in ordered["items"]]
    assert scores == sorted(scores)
    articles = client.get("/api/articles", params={"limit": 5}).json()
    assert articles["total"] >= 2
    dates = [a["published"] for a in articles["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)
    found = client.get("/api/articles", params={"q": "Gerasimov"}).json()["items"]
    assert found
    assert found[0]["source"].endswith(REFERENCE.name)
    quotes = client.get("/api/quotes", params={"speaker": "gerasimov"}).json()["items"]
    assert len(quotes) >= 3
    dyads = client.get("/api/dyads", params={"source": "RUS", "target": "CHN"}).json()["items"]
    assert dyads
    assert {(d["source"], d["target"]) for d in dyads} == {("RUS", "CHN")}
    assert client.get("/api/search", params={"q": "Moscou"}).json()["items"]
    assert client.get("/api/actors", params={"country": "RUS"}).json()["items"]


def test_network_and_places(client):
    graph = client.get("/api/network").json()
    assert any({e["a"], e["b"]} == {"RUS", "CHN"} for e in graph["edges"])
    codes = {n["code"] for n in graph["nodes"]}
    assert {"RUS", "CHN"} <= codes
    conflict = client.get("/api/network", params={"quad": "4"}).json()
    assert all(e["events"] >= 1 for e in conflict["edges"])
    places = client.get("/api/places").json()["items"]
    moscow = [p for p in places if p["place"] == "Moscou"]
    assert moscow
    assert moscow[0]["lat"] == pytest.approx(55.75, abs=0.1)


@pytest.mark.parametrize(
    ("path", "params", "word"),
    [
        ("/api/events", {"quad": "9"}, "quad"),
        ("/api/events", {"since": "2023/01"}, "since"),
        ("/api/events", {"limit": "0"}, "limit"),
        ("/api/events", {"sort": "colour"}, "sort"),
        ("/api/network", {"level": "planet"}, "level"),
        ("/api/search", {}, "q"),
    ],
)
def test_bad_filters_are_422_naming_the_parameter(client, path, params, word):
    answer = client.get(path, params=params)
    assert answer.status_code == 422
    assert word in answer.json()["error"]


def test_articles_by_id_and_unknown(client):
    listed = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    whole = client.get(f"/api/articles/{listed['id']}")
    assert whole.status_code == 200
    assert whole.json()["article"]["id"] == listed["id"]
    short = client.get(f"/api/articles/{listed['id'][:8]}")
    assert short.json()["article"]["id"] == listed["id"]
    missing = client.get("/api/articles/0000000000")
    assert missing.status_code == 404
    assert "0000000000" in missing.json()["error"]


def test_store_true_keeps_the_article(client):
    text = "Le ministre français des Armées a rencontré lundi son homologue allemand à Berlin."
    before = client.get("/api/stats").json()
    answer = client.post(
        "/api/analyze?store=true", json={"text": text, "published": "2024-03-04"}
    ).json()
    article_id = answer["stored"]["article_id"]
    assert answer["stored"]["stored"] == 1
    after = client.get("/api/stats").json()
    assert after["articles"] == before["articles"] + 1
    assert client.get(f"/api/articles/{article_id}").json()["article"]["text"] == text
    again = client.post(
        "/api/analyze?store=true", json={"text": text, "published": "2024-03-04"}
    ).json()
    assert again["stored"] == {"article_id": article_id, "stored": 0, "reanalysed": 1}
    assert client.get("/api/stats").json()["articles"] == after["articles"]
    searched = client.get("/api/articles", params={"q": "homologue allemand"}).json()["items"]
    assert article_id in {a["id"] for a in searched}


def test_token_guards_every_call(store_path):
    from veille.api import Settings, create_app

    app = create_app(Settings(db=store_path, token="s3cret", warm=False))
    with serving(app) as url, httpx.Client(base_url=url) as c:
        assert c.get("/api/stats").status_code == 401
        assert c.get("/api/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/openapi.json").status_code == 401
        page = c.get("/articles")
        assert page.status_code == 303
        assert page.headers["location"].startswith("/login")
        assert c.get("/static/veille.css").status_code == 200
        assert c.post("/login", data={"token": "wrong"}).status_code == 401
        logged = c.post("/login", data={"token": "s3cret", "next": "/articles"})
        assert logged.status_code == 303
        assert c.get("/articles").status_code == 200  # the cookie now


def test_storing_beyond_loopback_needs_a_token(store_path):
    from veille.api import Settings, create_app

    # The settings say 0.0.0.0 (what the user asked for); the test binds to loopback.
    app = create_app(Settings(db=store_path, host="0.0.0.0", warm=False))
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        refused = c.post("/api/analyze?store=true", json={"text": "Un texte court."})
        assert refused.status_code == 403
        assert "token" in refused.json()["error"]
        assert c.post("/api/analyze", json={"text": "Un texte court."}).status_code == 200


def test_a_database_held_by_another_writer_is_503(store_path, tmp_path):
    from veille.api import Settings, create_app

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True);"
            " time.sleep(30)",
            str(store_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        app = create_app(Settings(db=store_path, warm=False, read_wait=0.3))
        with serving(app) as url:
            started = time.monotonic()
            answer = httpx.get(f"{url}/api/events")
            assert answer.status_code == 503
            assert answer.headers["retry-after"]
            assert "busy" in answer.json()["error"]
            assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


def test_docs_are_served_offline(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/events", "/api/articles/{article}"} <= set(schema["paths"])


def test_ui_pages_answer_bad_input_without_a_500(client):
    missing = client.get("/articles/0000000000", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert "text/html" in missing.headers["content-type"]
    assert "not in the store" in missing.text
    bad = client.get("/actors", params={"since": "juin"})
    assert bad.status_code == 422
    assert "since juin" in bad.text
    empty = client.post("/paste", data={"text": "   "})
    assert empty.status_code == 422
    assert "nothing to analyse" in empty.text
    for page in ("/articles", "/actors", "/timeline", "/map", "/quotes", "/paste"):
        assert client.get(page).status_code == 200, page


def test_an_ingest_writes_while_the_server_reads(tmp_path, nlp):
    """The server holds the file only during a request, so `veille ingest` commits its
    batches while the API keeps answering, and the API sees the new articles."""
    from veille.api import Settings, create_app
    from veille.store import open_store

    db = tmp_path / "shared.duckdb"
    open_store(db).close()
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:12]
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = create_app(Settings(db=db, warm=False))
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        command = ["ingest", str(news), "--db", str(db), "--workers", "1", "--batch-size", "2"]
        ingest = subprocess.Popen(
            [*VEILLE, *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        seen: list[int] = []
        statuses: set[int] = set()
        while ingest.poll() is None:
            answer = c.get("/api/stats")
            statuses.add(answer.status_code)
            if answer.status_code == 200:
                seen.append(answer.json()["articles"])
            time.sleep(0.05)
        assert ingest.returncode == 0, ingest.stderr.read() if ingest.stderr else ""
        assert statuses <= {200, 503}
        final = c.get("/api/stats").json()["articles"]
    assert final == 12
    assert seen == sorted(seen)
    assert {n for n in seen if 0 < n < 12}  # batches seen as they committed
