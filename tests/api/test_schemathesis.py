"""Fuzz every documented operation with a valid bearer token: the spec and the server agree.

Every schemathesis check runs, positive_data_acceptance included: whatever the document
calls valid is accepted (or meets a documented state answer: 404, 409), whatever it calls
invalid is refused. Both valid (positive) and invalid (negative) requests are generated,
as a user who is paired and whose partner has checked in, so that the paired-only
operations (prompts, summaries, responses) get past "not paired" to their own rules.

Two constraints are documented in words, because JSON Schema has no way to say them; the
fuzzer is taught them here, the way schemathesis means formats to be taught:
- `recorded_at` is a `date-time` within the last 7 days (and at most 5 minutes ahead):
  a window that moves with the clock. Positive date-times are drawn from that window.
- `week` is `format: iso-week`: its pattern bounds the syntax (1970..9998, W01..W53),
  but only some years have a week 53. Positive weeks are drawn from real ones.

Two values are only valid when this service made them for this user, which no schema
can say: a sync cursor (`format: sync-cursor`) and an ETag for `If-Match`
(`format: entity-tag`). Positive ones are a cursor the fuzzing user was given, and `*`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.generation.modes import GenerationMode

from api import create_app
from api.config import TestConfig
from tests.conftest import Accounts, checkin

load_all_checks()
CHECKS_TO_RUN = CHECKS.get_all()


def _recent_date_times() -> st.SearchStrategy[str]:
    """RFC 3339 times inside the window recorded_at accepts, in any offset."""
    seconds = st.integers(min_value=-(7 * 24 - 1) * 3600, max_value=4 * 60)
    offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59)

    def render(delta: int, offset_minutes: int) -> str:
        zone = timezone(timedelta(minutes=offset_minutes))
        return (datetime.now(UTC) + timedelta(seconds=delta)).astimezone(zone).isoformat()

    return st.builds(render, seconds, offsets)


def _iso_weeks() -> st.SearchStrategy[str]:
    days = st.dates(min_value=date(1970, 1, 5), max_value=date(9998, 12, 27))
    return days.map(lambda day: "{:04d}-W{:02d}".format(*day.isocalendar()[:2]))


schemathesis.openapi.format("date-time", _recent_date_times())
schemathesis.openapi.format("iso-week", _iso_weeks())


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


@pytest.fixture
def fuzzer(client) -> dict[str, str]:
    """The bearer headers of a paired user whose partner has just checked in."""
    accounts = Accounts(client)
    fuzz, partner = accounts.register("Fuzz"), accounts.register("Partner")
    code = client.post("/api/v1/invites", headers=partner["headers"]).get_json()["code"]
    assert (
        client.post("/api/v1/couple", json={"code": code}, headers=fuzz["headers"]).status_code
        == 201
    )
    checkin(client, partner, tone="tired", energy=3, need="space")
    checkin(client, fuzz, tone="calm", energy=6)
    cursor = client.get("/api/v1/sync", headers=fuzz["headers"]).get_json()["next_cursor"]
    schemathesis.openapi.format("sync-cursor", st.just(cursor))
    schemathesis.openapi.format("entity-tag", st.just("*"))
    return fuzz["headers"]


@pytest.mark.parametrize(("method", "path", "mode"), _documented_cases())
def test_operation_conforms_to_the_spec(app, fuzzer, method, path, mode):
    operation = schemathesis.openapi.from_wsgi("/openapi.json", app)[path][method]

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
        case.call_and_validate(headers=fuzzer, checks=CHECKS_TO_RUN)

    conforms()
