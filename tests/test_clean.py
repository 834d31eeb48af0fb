"""Block roles, language, publication date."""

from __future__ import annotations

import json

import pytest

from veille.clean import clean, detect_language
from veille.model import Document

from .conftest import SHARED


def roles_of(text, **kw):
    cleaned = clean(Document.from_text(text, **kw))
    return [(b.role, b.text) for b in cleaned.article.blocks], [
        (r.role, r.text) for r in cleaned.article.removed
    ]


BODY = "Le gouvernement a présenté vendredi son projet de budget pour l'année prochaine."


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Photo par ALEXEI DRUZHININ/Spoutnik/AFP via Getty Images", "credit"),
        ("© AFP", "credit"),
        ("Crédit photo : Jean Dupont", "credit"),
        ("(Photo Reuters)", "credit"),
        ("A LIRE AUSSI | La réforme adoptée au Sénat", "related"),
        ("À lire aussi : la réforme adoptée au Sénat", "related"),
        ("Lire aussi Les retraites, un dossier brûlant", "related"),
        ("VOIR AUSSI – Le débat en vidéo", "related"),
        ("READ MORE: Budget talks stall", "related"),
        ("Partager sur Facebook", "boilerplate"),
        ("Abonnez-vous à notre newsletter", "boilerplate"),
        ("Inscrivez-vous à notre lettre d'information", "boilerplate"),
    ],
)
def test_removed_roles(line, role):
    kept, removed = roles_of(f"{BODY}\n\n{line}\n\n{BODY}")
    assert removed == [(role, line)]
    assert [r for r, _ in kept] == ["body", "body"]


def test_byline_and_title():
    kept, removed = roles_of(f"Le budget en débat\n\nPar Jean Dupont, avec AFP\n\n{BODY}")
    assert kept[0] == ("title", "Le budget en débat")
    assert kept[1] == ("byline", "Par Jean Dupont, avec AFP")
    assert kept[2][0] == "body"
    assert removed == []


def test_given_title_becomes_the_first_block():
    kept, _ = roles_of(BODY, title="Budget : le projet présenté")
    assert kept == [("title", "Budget : le projet présenté"), ("body", BODY)]


def test_caption_next_to_credit():
    caption = (
        "Le ministre (à gauche) et son homologue lors de leur rencontre à Paris, le 3 mai 2021."
    )
    kept, removed = roles_of(f"Photo AFP/Getty Images\n\n{caption}\n\n{BODY}")
    assert kept[0] == ("caption", caption)
    assert removed[0][0] == "credit"


def test_long_paragraph_is_never_removed():
    long = BODY + " Lire aussi le rapport. " + " ".join(["Le texte continue ici."] * 12)
    kept, removed = roles_of(f"{BODY}\n\n{long}")
    assert removed == [] and kept[1] == ("body", long)


def test_offsets_and_text():
    cleaned = clean(Document.from_text(f"{BODY}\n\n© AFP\n\n{BODY}"))
    article = cleaned.article
    assert article.text == f"{BODY}\n\n{BODY}"
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text


def test_single_newlines_split_paragraphs_when_no_blank_line():
    kept, _ = roles_of(f"{BODY}\n{BODY}")
    assert len(kept) == 2


def test_dateline_gives_the_date():
    cleaned = clean(Document.from_text("22 mai 2012. - " + BODY))
    assert cleaned.article.published == "2012-05-22"


def test_language_of_english_article_warns():
    english = json.loads((SHARED / "data" / "news" / "en.jsonl").read_text().splitlines()[0])
    cleaned = clean(Document.from_text(english["text"]))
    assert cleaned.article.language == "en"
    assert any("not supported" in w for w in cleaned.warnings)


def test_language_detection():
    assert detect_language(BODY) == "fr"
    assert (
        detect_language("Die Regierung hat am Freitag ihren Haushaltsentwurf vorgestellt.") == "de"
    )
    assert detect_language("Oui") is None
