"""Schemathesis against the API's own OpenAPI schema, on a real server: generated
requests (a bounded number per operation) must never get a 5xx, and every answer's
status and content type must be ones the schema declares.

The operations are run one by one with Hypothesis (``operation.as_strategy()``) rather
than through schemathesis' pytest plugin, which does not load under pytest 9.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from tests.serving import serving, small_store

pytestmark = pytest.mark.slow

# Per operation; with 14 operations this is a few hundred requests.
EXAMPLES = 30
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(nlp, tmp_path_factory):
    from veille.api import Settings, create_app

    store = small_store(tmp_path_factory.mktemp("fuzz"), articles=4)
    with serving(create_app(Settings(db=store, max_body=256 * 1024))) as url:
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


def test_every_operation_is_covered(api_schema):
    paths = {result.ok().path for result in api_schema.get_all_operations()}
    assert {"/api/analyze", "/api/events", "/api/articles/{article}", "/api/network"} <= paths


def test_no_server_error(api_schema):
    tried = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def call(case) -> None:
            nonlocal tried
            tried += 1
            case.call_and_validate(checks=CHECKS, timeout=60)

        call()
    assert tried >= 10 * EXAMPLES
