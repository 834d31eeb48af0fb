"""The article reader's markup: the cleaned text, block by block, with entity mentions
coloured by type, quotes highlighted per speaker and event triggers underlined with
their code. Pure: an :class:`~veille.model.Analysis` in, escaped HTML out.

Annotations overlap (a name inside a quote, a trigger inside a name), so the text is
cut at every annotation boundary and each piece is wrapped in the spans active over
it: quote outside, then entity, then trigger. A quote cut into several pieces keeps
one ``data-quote`` id on each.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from veille.model import Analysis, Event

# Distinct speaker colours (CSS classes spk-0 … spk-7, cycled).
SPEAKER_COLOURS = 8
_ORDER = {"quote": 0, "entity": 1, "trigger": 2}


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str  # quote, entity or trigger
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]
    label: str | None = None  # shown after the piece that ends the mark (a trigger's code)


def trigger_span(text: str, event: Event) -> tuple[int, int]:
    """Where an event's trigger word lies: its first occurrence in the event's sentence
    (the contract gives the sentence's offsets and the trigger's text)."""
    at = text.find(event.trigger, event.start, event.end) if event.trigger else -1
    if at < 0:
        return event.start, event.end
    return at, at + len(event.trigger)


def speakers(analysis: Analysis) -> dict[str | None, int]:
    """Each speaker's colour index, in order of first quote (None: no speaker)."""
    order: dict[str | None, int] = {}
    for quote in analysis.quotes:
        order.setdefault(quote.speaker, len(order) % SPEAKER_COLOURS)
    return order


def marks(analysis: Analysis) -> list[Mark]:
    colours = speakers(analysis)
    found: list[Mark] = []
    for quote in analysis.quotes:
        speaker = analysis.entity(quote.speaker) if quote.speaker else None
        addressee = analysis.entity(quote.addressee) if quote.addressee else None
        name = speaker.name if speaker else "speaker unknown"
        tip = f"{name}" + (f" → {addressee.name}" if addressee else "")
        tip += f" · {quote.kind}" + (f" · {quote.verb}" if quote.verb else "")
        found.append(
            Mark(
                "quote",
                quote.start,
                quote.end,
                (
                    ("class", f"quote {quote.kind} spk-{colours[quote.speaker]}"),
                    ("data-quote", quote.id),
                    ("data-speaker", name),
                    ("data-addressee", addressee.name if addressee else ""),
                    ("data-verb", quote.verb or ""),
                    ("title", tip),
                ),
            )
        )
    for entity in analysis.entities:
        code = f" · {entity.actor_code}" if entity.actor_code else ""
        for mention in entity.mentions:
            found.append(
                Mark(
                    "entity",
                    mention.start,
                    mention.end,
                    (
                        ("class", f"ent ent-{entity.type}"),
                        ("data-entity", entity.id),
                        ("title", f"{entity.name} ({entity.type}{code})"),
                    ),
                )
            )
    text = analysis.article.text
    for event in analysis.events:
        start, end = trigger_span(text, event)
        found.append(
            Mark(
                "trigger",
                start,
                end,
                (
                    ("class", "trigger" + (" negated" if event.negated else "")),
                    ("data-event", event.id),
                    ("data-cameo", event.cameo),
                    ("title", event_tip(analysis, event)),
                ),
                label=event.cameo,
            )
        )
    return found


def event_tip(analysis: Analysis, event: Event) -> str:
    def side(entity_id: str | None, code: str | None) -> str:
        entity = analysis.entity(entity_id) if entity_id else None
        return " ".join(p for p in (code, entity.name if entity else None) if p) or "?"

    parts = [
        f"{event.cameo}{' (negated)' if event.negated else ''}",
        f"{side(event.source, event.source_actor)} → {side(event.target, event.target_actor)}",
        event.date or "no date",
    ]
    if event.location:
        parts.append(event.location.name)
    return " · ".join(parts)


def blocks_html(analysis: Analysis) -> list[tuple[str, str]]:
    """(role, inner HTML) of each kept block of the article, marks applied."""
    text = analysis.article.text
    all_marks = marks(analysis)
    out: list[tuple[str, str]] = []
    for block in analysis.article.blocks:
        inside = [m for m in all_marks if m.start < block.end and m.end > block.start]
        out.append((block.role, _marked(text, block.start, block.end, inside)))
    return out


def _marked(text: str, start: int, end: int, found: list[Mark]) -> str:
    cuts = {start, end}
    for mark in found:
        cuts.add(max(start, mark.start))
        cuts.add(min(end, mark.end))
    points = sorted(cuts)
    pieces: list[str] = []
    for left, right in itertools.pairwise(points):
        active = sorted(
            (m for m in found if m.start <= left and m.end >= right),
            key=lambda m: (_ORDER[m.kind], m.start, -m.end),
        )
        html = escape(text[left:right])
        for mark in reversed(active):
            attrs = " ".join(f'{k}="{escape(v)}"' for k, v in mark.attrs)
            label = ""
            if mark.label and mark.end == right:
                label = f'<sup class="code">{escape(mark.label)}</sup>'
            html = f"<span {attrs}>{html}{label}</span>"
        pieces.append(html)
    return "".join(pieces)
