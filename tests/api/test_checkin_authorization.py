"""Every check-in and response operation, as each kind of caller, with the exact status."""

from __future__ import annotations

import pytest

from tests.conftest import checkin

CALLERS = ["author", "partner", "ex_partner", "stranger", "anonymous"]

# What each caller gets: seeing a check-in is for its author and the current partner only.
EXPECTED = {
    "get_checkin": {
        "author": 200,
        "partner": 200,
        "ex_partner": 404,
        "stranger": 404,
        "anonymous": 401,
    },
    "get_private": {
        "author": 200,
        "partner": 404,
        "ex_partner": 404,
        "stranger": 404,
        "anonymous": 401,
    },
    "list_partner": {
        "author": 200,
        "partner": 200,
        "ex_partner": 200,
        "stranger": 200,
        "anonymous": 401,
    },
    "respond": {
        "author": 403,
        "partner": 201,
        "ex_partner": 404,
        "stranger": 404,
        "anonymous": 401,
    },
    "rate": {"author": 200, "partner": 403, "ex_partner": 404, "stranger": 404, "anonymous": 401},
    "delete": {"author": 204, "partner": 403, "ex_partner": 404, "stranger": 404, "anonymous": 401},
}


@pytest.fixture
def world(client, accounts):
    """The author (Sam) with a partner (Alex), an ex-partner (Jo), and a stranger couple."""
    jo = accounts.register("Jo")
    sam = accounts.register("Sam")
    # Sam was with Jo first, then unpaired, then paired with Alex.
    code = client.post("/api/v1/invites", headers=jo["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    client.delete("/api/v1/couple", headers=sam["headers"])
    alex = accounts.register("Alex")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    stranger = accounts.register("Kim")
    other = accounts.register("Lee")
    code = client.post("/api/v1/invites", headers=other["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=stranger["headers"])

    shared = checkin(client, sam, tone="hurt", energy=2, note="shared note")
    private = checkin(
        client, sam, tone="angry", energy=9, visibility="private", note="private note"
    )
    answer = client.post(
        f"/api/v1/checkins/{shared['id']}/responses",
        json={"kind": "comfort"},
        headers=alex["headers"],
    ).get_json()
    return {
        "callers": {
            "author": sam["headers"],
            "partner": alex["headers"],
            "ex_partner": jo["headers"],
            "stranger": stranger["headers"],
            "anonymous": {},
        },
        "shared": shared,
        "private": private,
        "response": answer,
    }


@pytest.mark.parametrize("caller", CALLERS)
def test_check_in_operations_answer_each_caller_exactly(client, world, caller):
    headers = world["callers"][caller]
    shared, private, answer = world["shared"], world["private"], world["response"]
    got = {
        "get_checkin": client.get(f"/api/v1/checkins/{shared['id']}", headers=headers),
        "get_private": client.get(f"/api/v1/checkins/{private['id']}", headers=headers),
        "list_partner": client.get("/api/v1/checkins?author=both", headers=headers),
        "respond": client.post(
            f"/api/v1/checkins/{shared['id']}/responses", json={"kind": "presence"}, headers=headers
        ),
        "rate": client.put(
            f"/api/v1/responses/{answer['id']}/felt-heard",
            json={"felt_heard": True},
            headers=headers,
        ),
        "delete": client.delete(f"/api/v1/checkins/{shared['id']}", headers=headers),
    }
    assert {op: r.status_code for op, r in got.items()} == {
        op: statuses[caller] for op, statuses in EXPECTED.items()
    }
    if caller in {"ex_partner", "stranger", "anonymous"}:
        for response in got.values():
            text = response.get_data(as_text=True)
            assert "shared note" not in text and "private note" not in text
            assert shared["id"] not in text


def test_posting_a_check_in_needs_a_token(client):
    assert client.post("/api/v1/checkins", json={"tone": "sad", "energy": 2}).status_code == 401
