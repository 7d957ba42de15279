"""What a prober sent (issue 16, items 6 and 9): never a 500, never odd data stored.

Each input here once answered 500 or was accepted and stored as it came. Now a body the
JSON parser cannot take is 400 `malformed_json`, a value out of range is 422
`validation_error`, always problem+json, on every operation that reads a body.
"""

from __future__ import annotations

import base64
import re
import struct
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from api import create_app
from api.config import TestConfig
from schemas.base import CONTROLS, DISPLAY_NAME_PATTERN, SPACES, DisplayName, _is_control
from tests.conftest import PASSWORD, checkin

DEEP = "[" * 10_000 + "]" * 10_000
HUGE_INTEGER = "9" * 4_301


def _body_operations() -> list[tuple[str, str]]:
    spec = create_app(TestConfig("sqlite://")).test_client().get("/openapi.json").get_json()
    found = []
    for path, item in sorted(spec["paths"].items()):
        for method, operation in item.items():
            if isinstance(operation, dict) and "requestBody" in operation:
                concrete = re.sub(r"\{\w+_id\}", lambda _: str(uuid.uuid4()), path)
                found.append((method.upper(), concrete))
    return found


BODY_OPERATIONS = _body_operations()


def _send(client, method, path, raw, headers):
    return client.open(
        path, method=method, data=raw, content_type="application/json", headers=headers
    )


def _assert_problem(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == code


def test_every_operation_that_reads_a_body_is_covered():
    assert len(BODY_OPERATIONS) >= 10
    assert ("POST", "/api/v1/auth/login") in BODY_OPERATIONS


@pytest.mark.parametrize(("method", "path"), BODY_OPERATIONS)
def test_json_nested_10000_deep_is_400_not_500(client, accounts, method, path):
    sam = accounts.register()
    response = _send(client, method, path, DEEP, sam["headers"])
    _assert_problem(response, 400, "malformed_json")


@pytest.mark.parametrize(("method", "path"), BODY_OPERATIONS)
def test_an_integer_of_4301_digits_is_400_not_500(client, accounts, method, path):
    sam = accounts.register()
    raw = '{"energy": %s, "email": %s}' % (HUGE_INTEGER, HUGE_INTEGER)  # noqa: UP031
    response = _send(client, method, path, raw, sam["headers"])
    _assert_problem(response, 400, "malformed_json")


def test_a_deep_login_body_is_400_even_where_the_rate_limit_reads_the_email(make_app):
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    response = _send(client, "POST", "/api/v1/auth/login", DEEP, {})
    _assert_problem(response, 400, "malformed_json")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_standard_json_constants_are_malformed(client, accounts, constant):
    sam = accounts.register()
    raw = '{"tone": "sad", "energy": %s}' % constant  # noqa: UP031
    response = _send(client, "POST", "/api/v1/checkins", raw, sam["headers"])
    _assert_problem(response, 400, "malformed_json")


@pytest.mark.parametrize("recorded_at", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
def test_a_recorded_at_beyond_the_calendar_in_utc_is_422(client, accounts, recorded_at):
    sam = accounts.register()
    response = client.post(
        "/api/v1/checkins",
        json={"tone": "sad", "energy": 3, "recorded_at": recorded_at},
        headers=sam["headers"],
    )
    _assert_problem(response, 422, "validation_error")
    assert "recorded_at" in response.get_json()["errors"]


@pytest.mark.parametrize(
    "stamp", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "0001-01-01T00:00:00"]
)
def test_a_cursor_in_the_old_shape_holding_a_time_beyond_the_calendar_is_422(
    client, accounts, stamp
):
    sam = accounts.register()
    cursor = base64.urlsafe_b64encode(f"{stamp}|{uuid.uuid4()}".encode()).decode().rstrip("=")
    response = client.get(f"/api/v1/checkins?cursor={cursor}", headers=sam["headers"])
    _assert_problem(response, 422, "validation_error")
    assert "cursor" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("micros", "sees_the_check_in"), [(2**63 - 1, True), (-(2**63), False), (0, False)]
)
def test_any_cursor_of_the_documented_shape_is_a_position(
    client, accounts, micros, sees_the_check_in
):
    sam = accounts.register()
    posted = checkin(client, sam)
    raw = struct.pack(">q", micros) + uuid.uuid4().bytes
    cursor = base64.urlsafe_b64encode(raw).decode()
    assert len(cursor) == 32
    response = client.get(f"/api/v1/checkins?cursor={cursor}", headers=sam["headers"])
    assert response.status_code == 200
    ids = [c["id"] for c in response.get_json()["items"]]
    assert ids == ([posted["id"]] if sees_the_check_in else [])


@pytest.fixture
def paired(pair):
    return pair()


@pytest.mark.parametrize(
    "week",
    [
        "0001-W01",
        "0001-W02",
        "9999-W52",
        "1969-W52",
        "2026-W48\n",
        "\u0662\u0660\u0662\u0666-W48",  # Arabic-Indic digits
        "2026-W\uff14\uff18",  # full-width digits
    ],
)
def test_a_week_outside_1970_to_9998_or_not_in_ascii_digits_is_422(client, paired, week):
    alex, _ = paired
    response = client.get(
        "/api/v1/couple/summary", query_string={"week": week}, headers=alex["headers"]
    )
    _assert_problem(response, 422, "validation_error")
    assert "week" in response.get_json()["errors"]


def test_a_week_is_answered_in_the_form_it_was_asked(client, paired):
    alex, _ = paired
    response = client.get("/api/v1/couple/summary?week=1970-W02", headers=alex["headers"])
    assert response.status_code == 200
    assert response.get_json()["week"] == "1970-W02"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/checkins", {"limit": "\uff12\uff10"}),  # full-width 20
        ("/api/v1/checkins", {"limit": "\u0662\u0660"}),  # Arabic-Indic 20
        ("/api/v1/checkins", {"limit": "2_0"}),
        ("/api/v1/checkins", {"limit": " 20"}),
        ("/api/v1/checkins", {"limit": "+20"}),
        ("/api/v1/couple/summaries", {"weeks": "\uff18"}),
    ],
)
def test_numbers_in_query_strings_are_plain_ascii_digits(client, paired, path, query):
    alex, _ = paired
    response = client.get(path, query_string=query, headers=alex["headers"])
    _assert_problem(response, 422, "validation_error")


@pytest.mark.parametrize(
    "changes",
    [
        {"reminder_time": "07:00\n"},
        {"quiet_hours": {"start": "22:00\n", "end": "08:00"}},
        {"quiet_hours": {"start": "22:00", "end": "08:00\n"}},
        {"reminder_time": "\u0660\u0667:\u0660\u0660"},
    ],
)
def test_times_of_day_are_exactly_hh_mm(client, accounts, changes):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json=changes, headers=sam["headers"])
    _assert_problem(response, 422, "validation_error")
    me = client.get("/api/v1/me", headers=sam["headers"]).get_json()
    assert me["reminder_time"] is None
    assert me["quiet_hours"] == {"start": "22:00", "end": "08:00"}


@pytest.mark.parametrize("zone", ["localtime", "Factory", "posixrules", "posix/Europe/Berlin"])
def test_time_zones_that_are_not_real_iana_zones_are_422(client, accounts, zone):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json={"timezone": zone}, headers=sam["headers"])
    _assert_problem(response, 422, "validation_error")
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": f"{uuid.uuid4().hex}@example.com",
            "password": PASSWORD,
            "display_name": "Kim",
            "timezone": zone,
        },
    )
    _assert_problem(response, 422, "validation_error")


@pytest.mark.parametrize(
    "name",
    [
        "Sam\u202e",  # right-to-left override
        "\u202dSam",  # left-to-right override
        "Sam\u2066x\u2069",  # isolates
        "Sam\u200f",  # right-to-left mark
        "Sam\nSmith",
        "Sam\tSmith",
        "Sam\x1b[31m",
        "Sam\x7f",
        "Sam\x85",
        "Sam\u2028Smith",
    ],
)
def test_display_names_reject_control_characters_and_bidi_overrides(client, accounts, name):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json={"display_name": name}, headers=sam["headers"])
    _assert_problem(response, 422, "validation_error")
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": f"{uuid.uuid4().hex}@example.com",
            "password": PASSWORD,
            "display_name": name,
        },
    )
    _assert_problem(response, 422, "validation_error")


@pytest.mark.parametrize(
    "name", ["Zoë", "José María", "山田", "محمد", "אבי", "Sam 👩\u200d👩\u200d👧"]
)
def test_display_names_in_any_script_and_with_emoji_are_fine(client, accounts, name):
    sam = accounts.register()
    response = client.patch("/api/v1/me", json={"display_name": name}, headers=sam["headers"])
    assert response.status_code == 200
    assert response.get_json()["display_name"] == name


def test_the_documented_display_name_pattern_lists_every_control_and_space():
    controls = {c for c in map(chr, range(0x110000)) if re.fullmatch(f"[{CONTROLS}]", c)}
    spaces = {c for c in map(chr, range(0x110000)) if re.fullmatch(f"[{SPACES}]", c)}
    refused = {c for c in map(chr, range(0x110000)) if _is_control(c)}
    assert controls == refused
    assert spaces == {c for c in map(chr, range(0x110000)) if c.isspace()} - refused


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60) | st.text(alphabet=" \t\u00a0\u202eSam\u3000\n", max_size=60))
def test_a_display_name_is_accepted_exactly_when_the_openapi_document_allows_it(name):
    documented = 1 <= len(name) <= 50 and re.fullmatch(DISPLAY_NAME_PATTERN, name) is not None
    try:
        DisplayName().deserialize(name)
    except ValidationError:
        accepted = False
    else:
        accepted = True
    assert accepted is documented, repr(name)
