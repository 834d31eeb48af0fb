"""The records round-trip through to_dict/from_dict and JSON, and match the JSON schema."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import (
    Analysis,
    Article,
    Block,
    Entity,
    Event,
    Geo,
    Location,
    Mention,
    Quote,
    RemovedBlock,
    Timex,
    Tone,
    json_schema,
)

text = st.text(max_size=30)
offset = st.integers(min_value=0, max_value=10_000)
maybe_text = st.none() | text
finite = st.floats(allow_nan=False, allow_infinity=False, width=32)

blocks = st.builds(
    Block,
    role=st.sampled_from(["title", "byline", "caption", "body"]),
    text=text,
    start=offset,
    end=offset,
)
removed = st.builds(
    RemovedBlock, role=st.sampled_from(["credit", "related", "boilerplate"]), text=text
)
articles = st.builds(
    Article,
    id=text,
    source=text,
    title=maybe_text,
    published=maybe_text,
    language=maybe_text,
    text=text,
    blocks=st.tuples(blocks, blocks) | st.just(()),
    removed=st.lists(removed, max_size=2).map(tuple),
    external_id=maybe_text,
)
geos = st.none() | st.builds(
    Geo, lat=finite, lon=finite, country=maybe_text, geonames_id=st.none() | st.integers()
)
mentions = st.builds(Mention, text=text, start=offset, end=offset)
entities = st.builds(
    Entity,
    id=text,
    name=text,
    type=st.sampled_from(["PER", "ORG", "LOC", "GPE", "MISC"]),
    country=maybe_text,
    sector=maybe_text,
    actor_code=maybe_text,
    roles=st.lists(text, max_size=2).map(tuple),
    geo=geos,
    mentions=st.lists(mentions, max_size=3).map(tuple),
)
quotes = st.builds(
    Quote,
    id=text,
    kind=st.sampled_from(["direct", "indirect", "mixed"]),
    text=text,
    start=offset,
    end=offset,
    speaker=maybe_text,
    addressee=maybe_text,
    verb=maybe_text,
    medium=maybe_text,
)
timexes = st.builds(
    Timex,
    text=text,
    start=offset,
    end=offset,
    value=text,
    precision=st.sampled_from(["year", "month", "day"]),
)
locations = st.none() | st.builds(
    Location, name=text, country=maybe_text, lat=st.none() | finite, lon=st.none() | finite
)
events = st.builds(
    Event,
    id=text,
    cameo=text,
    root=text,
    quad_class=st.integers(1, 4),
    goldstein=finite,
    plover=maybe_text,
    source=maybe_text,
    target=maybe_text,
    source_actor=maybe_text,
    target_actor=maybe_text,
    source_country=maybe_text,
    target_country=maybe_text,
    negated=st.booleans(),
    date=maybe_text,
    precision=st.none() | st.sampled_from(["year", "month", "day"]),
    date_from=st.none() | st.sampled_from(["text", "published"]),
    location=locations,
    trigger=text,
    sentence=text,
    start=offset,
    end=offset,
    block_role=st.sampled_from(["title", "byline", "caption", "body"]),
    confidence=st.floats(0, 1),
)
analyses = st.builds(
    Analysis,
    article=articles,
    entities=st.lists(entities, max_size=3).map(tuple),
    quotes=st.lists(quotes, max_size=2).map(tuple),
    timex=st.lists(timexes, max_size=2).map(tuple),
    events=st.lists(events, max_size=2).map(tuple),
    tone=st.none() | st.builds(Tone, score=finite, positive=finite, negative=finite),
    warnings=st.lists(text, max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(analyses)
def test_round_trip(analysis):
    data = analysis.to_dict()
    assert Analysis.from_dict(data) == analysis
    assert Analysis.from_dict(json.loads(json.dumps(data))) == analysis


@settings(max_examples=50, deadline=None)
@given(analyses)
def test_matches_json_schema(analysis):
    jsonschema.validate(analysis.to_dict(), json_schema())


def test_schema_rejects_unknown_fields():
    schema = json_schema()
    bad = {"schema": "veille.analysis/1", "article": {}, "surprise": 1}
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(bad))


def test_reference_analysis_matches_schema(reference):
    jsonschema.validate(reference.to_dict(), json_schema())
    assert Analysis.from_dict(reference.to_dict()) == reference
