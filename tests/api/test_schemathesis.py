"""Fuzz every documented operation with a valid bearer token: the spec and the server agree.

Every schemathesis check runs except positive_data_acceptance: a schema cannot say that a
valid body may still be refused because of state (an email already taken, a used code).
Both valid (positive) and invalid (negative) requests are generated.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.generation.modes import GenerationMode

from api import create_app
from api.config import TestConfig
from tests.conftest import Accounts

load_all_checks()
CHECKS_TO_RUN = [c for c in CHECKS.get_all() if c.__name__ != "positive_data_acceptance"]


def _documented_cases() -> list[tuple[str, str, GenerationMode]]:
    # Only the spec is read here, so an app on an unused in-memory database will do.
    spec = create_app(TestConfig("sqlite://")).test_client().get("/openapi.json").get_json()
    cases = []
    for path, item in sorted(spec["paths"].items()):
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            # An operation that takes no input has no invalid input to send.
            if operation.get("parameters") or item.get("parameters") or "requestBody" in operation:
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    return cases


@pytest.mark.parametrize(("method", "path", "mode"), _documented_cases())
def test_operation_conforms_to_the_spec(app, client, method, path, mode):
    operation = schemathesis.openapi.from_wsgi("/openapi.json", app)[path][method]
    bearer = Accounts(client).register("Fuzz")["headers"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def conforms(case):
        # A query parameter whose value is an empty list is not sent at all, so the server
        # cannot reject it: schemathesis would call that a schema-violating request accepted.
        assume(not any(value == [] for value in (case.query or {}).values()))
        case.call_and_validate(headers=bearer, checks=CHECKS_TO_RUN)

    conforms()
