"""The reader's markup: marks never lose or reorder text, and nest as valid HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from veille.api import render

pytestmark = pytest.mark.slow


class _Reader(HTMLParser):
    """Collects the text outside <sup> labels and checks that tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []
        self.quotes: set[str] = set()
        self.triggers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        found = dict(attrs)
        if found.get("data-quote"):
            self.quotes.add(found["data-quote"])
        if found.get("data-cameo"):
            self.triggers.append(found["data-cameo"])

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        if "sup" not in self.open:
            self.text.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    assert not reader.open
    return reader


@pytest.mark.parametrize("fixture", ["reference", "html_page"])
def test_marks_keep_the_text_and_nest(request, fixture):
    analysis = request.getfixturevalue(fixture)
    quotes: set[str] = set()
    codes: list[str] = []
    for block, (role, html) in zip(
        analysis.article.blocks, render.blocks_html(analysis), strict=True
    ):
        assert role == block.role
        reader = read(html)
        assert "".join(reader.text) == analysis.article.text[block.start : block.end]
        quotes |= reader.quotes
        codes += reader.triggers
    assert quotes == {q.id for q in analysis.quotes}
    # Each event's trigger is marked (several pieces when a name cuts through it).
    assert {e.cameo for e in analysis.events} <= set(codes)


def test_trigger_span_is_inside_the_sentence(reference):
    text = reference.article.text
    for event in reference.events:
        start, end = render.trigger_span(text, event)
        assert event.start <= start < end <= event.end
        assert text[start:end] == event.trigger


def test_speakers_get_distinct_colours(reference):
    colours = render.speakers(reference)
    speakers = {q.speaker for q in reference.quotes}
    assert set(colours) == speakers
    assert len(set(colours.values())) == len(speakers)
