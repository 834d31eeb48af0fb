"""Second golden test: a realistic French news page with its furniture."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_metadata(html_page):
    article = html_page.article
    assert article.title == "Canada : fin des frappes aériennes en Irak et en Syrie"
    assert article.published == "2016-02-08"
    assert article.language == "fr"


def test_blocks(html_page):
    blocks = html_page.article.blocks
    assert blocks[0].role == "title"
    captions = [b.text for b in blocks if b.role == "caption"]
    assert captions == [
        "Un avion de combat CF-18 de l'Aviation royale canadienne au décollage, en 2015."
    ]
    body = " ".join(b.text for b in blocks if b.role == "body")
    assert body.startswith("8 février 2016. – Ce lundi, le Premier ministre du Canada")
    assert body.endswith("promesses électorales de Justin Trudeau.")
    for furniture in ("International", "Mentions légales", "Tous droits réservés", "Commentaires"):
        assert furniture not in html_page.article.text


def test_furniture_is_recorded_as_removed(html_page):
    removed = {r.text: r.role for r in html_page.article.removed}
    related = [t for t, role in removed.items() if role == "related"]
    assert related and related[0].startswith("À lire aussi")
    assert any(t.startswith("Partager cet article") for t in removed)
    assert any("Enfin une décision sensée" in t for t in removed)


def test_entities(html_page):
    by_name = {e.name: e for e in html_page.entities}
    trudeau = by_name["Justin Trudeau"]
    assert (trudeau.country, trudeau.sector) == ("CAN", "GOV")
    assert trudeau.roles == ("Premier ministre du Canada",)
    assert len(trudeau.mentions) == 2
    for name, code in (("Canada", "CAN"), ("Irak", "IRQ"), ("Syrie", "SYR")):
        assert by_name[name].type == "GPE" and by_name[name].country == code
    assert by_name["État islamique"].type == "ORG"
