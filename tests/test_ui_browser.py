"""The web UI in a real headless Chromium (Debian's package), driven by Playwright,
against a real server on 127.0.0.1. Screenshots go to tests/artifacts/browser/.

Skipped, with the reason, only where Chromium is not installed; `make test` and CI
install it (Debian packages chromium and chromium-driver).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REFERENCE, ROOT
from tests.serving import serving, small_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("VEILLE_REQUIRE_BROWSER"):
    raise RuntimeError("VEILLE_REQUIRE_BROWSER is set (CI) but Chromium is not installed")
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"
# No background traffic: this machine's network is closed, and a test must not call out.
# (Playwright adds --headless and a fresh temporary profile itself.)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium chromium-driver; "
        "`make test` does it)",
    ),
]


@pytest.fixture(scope="module")
def base(nlp, tmp_path_factory):
    from veille.api import Settings, create_app

    store = small_store(tmp_path_factory.mktemp("ui"))
    with serving(create_app(Settings(db=store))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base):
    context = browser.new_context(base_url=base, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    opened.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None,
    )
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"requests outside the server (assets must be offline): {outside}"


def shot(page, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_paste_the_reference_article(page):
    page.goto("/paste")
    page.fill("textarea[name=text]", REFERENCE.read_text(encoding="utf-8"))
    page.fill("input[name=published]", "2023-06-10")
    page.click("button[type=submit]")
    page.wait_for_selector(".reader")
    marked = page.locator(".text .quote.direct, .text .quote.mixed")
    by_quote: dict[str, str] = {}
    for i in range(marked.count()):
        piece = marked.nth(i)
        speaker = piece.get_attribute("data-speaker") or ""
        by_quote[piece.get_attribute("data-quote") or ""] = speaker
    gerasimov = [q for q, speaker in by_quote.items() if "Gerasimov" in speaker]
    assert len(gerasimov) == 3, by_quote
    # The hover names him, and the quotes panel lists his quotes under his name.
    first = page.locator(f'.text .quote[data-quote="{gerasimov[0]}"]').first
    assert "Gerasimov" in (first.get_attribute("title") or "")
    panel = page.locator('.quotes-panel .speaker[data-speaker*="Gerasimov"]')
    assert panel.count() == 1
    assert panel.locator("li").count() >= 3
    # Event triggers carry their code; the credit line cut by cleaning is there, folded.
    assert page.locator(".text .trigger sup.code").count() >= 3
    removed = page.locator("details.removed")
    assert not removed.evaluate("el => el.open")
    assert "ALEXEI" not in removed.inner_text()
    shot(page, "paste-reference")
    removed.locator("summary").click()
    assert "ALEXEI" in removed.inner_text()


def test_drop_an_html_page(page):
    page.goto("/paste")
    page.set_input_files("input[type=file]", str(FIXTURES / "canada-frappes-fr.html"))
    assert page.locator("#chosen").inner_text() == "canada-frappes-fr.html"
    page.click("button[type=submit]")
    page.wait_for_selector(".reader")
    assert "Canada" in page.locator(".reader h1").inner_text()
    # trafilatura kept the article, not the page's menus.
    assert page.locator(".text .block").count() >= 3
    assert page.locator(".text .ent-PER").count() >= 1
    shot(page, "paste-html")


def test_actors_network_has_the_russia_china_edge(page):
    page.goto("/actors")
    edge = page.locator('svg#network line.edge[data-a="CHN"][data-b="RUS"]')
    edge.wait_for()
    assert int(edge.get_attribute("data-events") or 0) >= 1
    assert page.locator('svg#network g.node[data-code="RUS"]').count() == 1
    assert page.locator('svg#network g.node[data-code="CHN"]').count() == 1
    shot(page, "actors")
    page.select_option("select[name=quad]", "4")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert "quad=4" in page.url
    shot(page, "actors-conflict")


def test_map_has_a_marker_at_moscow(page):
    page.goto("/map")
    marker = page.locator('svg.map circle.marker[data-place="Moscou"]')
    assert marker.count() == 1
    box = marker.bounding_box()
    svg = page.locator("svg.map").bounding_box()
    assert box and svg
    # Moscow (37.6 E, 55.8 N) on the 360 × 180 equirectangular map.
    x = (box["x"] + box["width"] / 2 - svg["x"]) / svg["width"] * 360 - 180
    y = 90 - (box["y"] + box["height"] / 2 - svg["y"]) / svg["height"] * 180
    assert x == pytest.approx(37.6, abs=2)
    assert y == pytest.approx(55.8, abs=2)
    assert page.locator("svg.map path.land").count() > 150
    shot(page, "map")


def test_timeline_clicks_through_to_the_evidence(page):
    page.goto("/timeline?source=RUS&target=CHN")
    bars = page.locator("svg.timeline a.bar")
    assert bars.count() >= 1
    month = bars.first.get_attribute("data-month")
    bars.first.locator("rect").click()
    page.wait_for_selector("table.evidence")
    assert f"month={month}" in page.url
    rows = page.locator("table.evidence tbody tr")
    assert rows.count() >= 1
    shot(page, "timeline")
    rows.first.locator("a").click()
    page.wait_for_selector(".reader")
    shot(page, "reader")


def test_articles_and_quotes_pages(page):
    page.goto("/articles")
    assert page.locator("table.list tbody tr").count() >= 2
    shot(page, "articles")
    page.goto("/quotes")
    page.fill("input[name=speaker]", "gerasimov")
    page.click("form.filters button")
    page.wait_for_selector("table.quotes")
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() >= 3
    assert all("Gerasimov" in rows.nth(i).inner_text() for i in range(rows.count()))
    shot(page, "quotes")
    rows.first.locator("a").click()
    page.wait_for_selector(".reader")
    assert page.locator(".text .quote").count() >= 3
