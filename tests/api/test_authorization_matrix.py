"""Every documented operation, called by people who must not reach the victim's data.

The operations come from /openapi.json, so a new endpoint is covered the moment it is
documented. Path parameters are filled with real ids of the victim's resources. Apple and
Google are configured (against the stand-in), and the victim has linked an Apple ID.
"""

from __future__ import annotations

import json
import re

import pytest

from api import create_app
from api.config import TestConfig
from tests.auth.conftest import SignIns
from tests.conftest import PASSWORD, Accounts, checkin

CALLERS = ("stranger", "ex_partner", "anonymous")


def _operations() -> list[tuple[str, str, dict]]:
    spec = create_app(TestConfig("sqlite://")).test_client().get("/openapi.json").get_json()
    return [
        (method.upper(), path, operation)
        for path, item in sorted(spec["paths"].items())
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


OPERATIONS = _operations()


def _answer(client, user, question_id, text):
    response = client.put(
        f"/api/v1/questions/{question_id}/answer", json={"text": text}, headers=user["headers"]
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _answered_today(client, user, text):
    question = client.get("/api/v1/questions/today", headers=user["headers"]).get_json()
    return _answer(client, user, question["id"], text)


def _pair(client, inviter, redeemer):
    code = client.post("/api/v1/invites", headers=inviter["headers"]).get_json()["code"]
    assert (
        client.post("/api/v1/couple", json={"code": code}, headers=redeemer["headers"]).status_code
        == 201
    )


@pytest.fixture
def app(provider_app):
    return provider_app


VICTIM_APPLE_ID = "001234.victim-apple-sub"


@pytest.fixture
def world(client, clock, providers):
    accounts = Accounts(client)
    victim = accounts.register("Victim")
    signins = SignIns(client, providers)
    linked = client.post(
        "/api/v1/me/identities",
        json={
            "provider": "apple",
            **signins.apple_body(VICTIM_APPLE_ID, email=victim["email"]),
            "authorization_code": providers.authorization_code(VICTIM_APPLE_ID),
            "password": PASSWORD,
        },
        headers=victim["headers"],
    )
    assert linked.status_code == 201, linked.get_json()
    ex = accounts.register("Jo")
    _pair(client, ex, victim)
    from_old_pairing = checkin(client, victim, tone="hurt", energy=2, note="victim old note")
    ex_answer = client.post(
        f"/api/v1/checkins/{from_old_pairing['id']}/responses",
        json={"kind": "comfort", "message": "ex old words"},
        headers=ex["headers"],
    ).get_json()
    old_question = _answered_today(client, victim, "victim old answer")
    _answer(client, ex, old_question["id"], "ex old answer")
    client.delete("/api/v1/couple", headers=victim["headers"])
    clock.advance(minutes=1)

    partner = accounts.register("Partner")
    _pair(client, partner, victim)
    shared = checkin(client, victim, tone="sad", energy=3, note="victim shared note")
    private = checkin(
        client, victim, tone="angry", energy=9, visibility="private", note="victim private note"
    )
    answer = client.post(
        f"/api/v1/checkins/{shared['id']}/responses",
        json={"kind": "reflect", "message": "partner words"},
        headers=partner["headers"],
    ).get_json()
    question = _answered_today(client, victim, "victim answer of today")

    device_token = f"victim-device-{shared['id']}"
    registered = client.post(
        "/api/v1/devices",
        json={"platform": "ios", "token": device_token},
        headers=victim["headers"],
    )
    assert registered.status_code == 201

    stranger, stranger_partner = accounts.register("Kim"), accounts.register("Lee")
    _pair(client, stranger_partner, stranger)
    checkin(client, stranger, tone="calm", energy=4)

    markers = [
        victim["email"],
        victim["user"]["id"],
        victim["access_token"],
        shared["id"],
        private["id"],
        from_old_pairing["id"],
        answer["id"],
        # (The ex's own old response is theirs to keep: its id is no marker.)
        "victim old note",
        "victim shared note",
        "victim private note",
        "partner words",
        device_token,
        question["id"],
        "victim old answer",
        "victim answer of today",
        # (The old pairing's question is the ex's too: its id is no marker.)
        VICTIM_APPLE_ID,
        providers.exchanges[0]["body"]["refresh_token"],
    ]
    return {
        "victim": victim,
        "partner": partner,
        "signins": signins,
        "headers": {
            "author": victim["headers"],
            "partner": partner["headers"],
            "stranger": stranger["headers"],
            "ex_partner": ex["headers"],
            "anonymous": {},
        },
        # The ex-partner tries the ids they once could see; the stranger, the current ones.
        "ids": {
            "ex_partner": {
                "checkin_id": from_old_pairing["id"],
                "response_id": ex_answer["id"],
                "token": device_token,
                "question_id": old_question["id"],
                "provider": "apple",
            },
            "stranger": {
                "checkin_id": shared["id"],
                "response_id": answer["id"],
                "token": device_token,
                "question_id": question["id"],
                "provider": "apple",
            },
            "anonymous": {
                "checkin_id": private["id"],
                "response_id": answer["id"],
                "token": device_token,
                "question_id": question["id"],
                "provider": "apple",
            },
            "author": {"question_id": question["id"]},
            "partner": {"question_id": question["id"]},
        },
        "markers": markers,
    }


def _example_body(operation: dict) -> dict | None:
    content = operation.get("requestBody", {}).get("content", {})
    media = content.get("application/json")
    if media is None:
        return None
    return media.get("example", {})


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize(
    ("method", "path", "operation"), OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS]
)
def test_nobody_else_reaches_the_victim(client, world, method, path, operation, caller):
    params = re.findall(r"{(\w+)}", path)
    ids = world["ids"][caller]
    assert set(params) <= set(ids), f"no victim id to try for {params} in {path}"
    url = path.format(**{name: ids[name] for name in params})
    body = _example_body(operation)
    response = client.open(
        url,
        method=method,
        headers=world["headers"][caller],
        **({"json": body} if body is not None else {}),
    )

    secured = bool(operation.get("security"))
    if caller == "anonymous" and secured:
        assert response.status_code == 401, (url, response.get_json())
    elif params:
        assert response.status_code == 404, (url, response.get_json())
    text = response.get_data(as_text=True)
    for marker in world["markers"]:
        assert marker not in text, (url, marker)
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json"
        assert json.loads(text)["code"]


# The daily question, for everyone who might try: the author of an answer (the victim),
# their partner (who has not answered yet), an ex-partner (with the old pairing's
# question), a stranger (paired with someone else) and an anonymous caller.
QUESTION_OPERATIONS = {
    ("GET", "/api/v1/questions/today"): {
        "author": 200,
        "partner": 200,
        "ex_partner": 404,
        "stranger": 200,  # their own couple's question
        "anonymous": 401,
    },
    ("GET", "/api/v1/questions"): {
        "author": 200,
        "partner": 200,
        "ex_partner": 404,
        "stranger": 200,  # their own couple's questions
        "anonymous": 401,
    },
    ("PUT", "/api/v1/questions/{question_id}/answer"): {
        "author": 200,  # may change it: the partner has not answered
        "partner": 200,
        "ex_partner": 404,
        "stranger": 404,
        "anonymous": 401,
    },
}
QUESTION_CALLERS = ("author", "partner", "ex_partner", "stranger", "anonymous")


def test_every_question_operation_has_expectations_for_every_caller():
    documented = {(m, p) for m, p, _ in OPERATIONS if p.startswith("/api/v1/questions")}
    assert documented == set(QUESTION_OPERATIONS)
    for expected in QUESTION_OPERATIONS.values():
        assert set(expected) == set(QUESTION_CALLERS)


@pytest.mark.parametrize("caller", QUESTION_CALLERS)
@pytest.mark.parametrize(("method", "path"), sorted(QUESTION_OPERATIONS))
def test_the_daily_question_answers_each_caller_as_it_should(client, world, method, path, caller):
    url = path.format(**world["ids"][caller])
    body = {"text": f"{caller} writes"} if method == "PUT" else None
    response = client.open(
        url,
        method=method,
        headers=world["headers"][caller],
        **({"json": body} if body is not None else {}),
    )
    assert response.status_code == QUESTION_OPERATIONS[(method, path)][caller], (
        url,
        response.get_json(),
    )
    text = response.get_data(as_text=True)
    if caller == "author":
        assert "victim answer of today" in text or "author writes" in text
    elif caller == "partner":
        # Answer yours to see theirs: only the partner's own answer opens the victim's.
        assert ("victim answer of today" in text) == (method == "PUT")
    else:
        for marker in world["markers"]:
            assert marker not in text, (url, marker)
    if caller == "ex_partner":
        assert response.get_json()["code"] == "not_paired"


def test_the_matrix_covers_every_documented_operation():
    documented = {(m, p) for m, p, _ in OPERATIONS}
    assert ("GET", "/api/v1/checkins/{checkin_id}") in documented
    assert ("GET", "/api/v1/me/export") in documented
    assert {
        ("POST", "/api/v1/auth/apple"),
        ("POST", "/api/v1/auth/google"),
        ("POST", "/api/v1/me/identities"),
        ("DELETE", "/api/v1/me/identities/{provider}"),
    } <= documented
    assert len(documented) >= 29


def _victims_identities(client, world):
    return client.get("/api/v1/me", headers=world["victim"]["headers"]).get_json()["identities"]


@pytest.mark.parametrize("caller", ["partner", "ex_partner", "stranger", "anonymous"])
def test_nobody_else_can_unlink_take_or_use_the_victims_apple_id(client, world, caller):
    headers = {**world["headers"], "partner": world["partner"]["headers"]}[caller]
    signins = world["signins"]

    unlink = client.delete("/api/v1/me/identities/apple", headers=headers)
    take = client.post(
        "/api/v1/me/identities",
        json={"provider": "apple", **signins.apple_body(VICTIM_APPLE_ID), "password": PASSWORD},
        headers=headers,
    )
    delete = client.delete(
        "/api/v1/me",
        json={"provider": "apple", **signins.apple_body(VICTIM_APPLE_ID)},
        headers=headers,
    )

    if caller == "anonymous":
        assert [r.status_code for r in (unlink, take, delete)] == [401, 401, 401]
    else:
        assert unlink.status_code == 404  # they have no Apple ID of their own to unlink
        assert take.status_code == 409 and take.get_json()["code"] == "identity_taken"
        # Their own account has a password: a token, anyone's, is no proof for it.
        assert delete.status_code == 401 and delete.get_json()["code"] == "invalid_credentials"
        assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert _victims_identities(client, world) == ["apple"]
    assert client.get("/api/v1/me", headers=world["victim"]["headers"]).status_code == 200


def test_only_the_author_unlinks_their_apple_id(client, world, providers):
    victim = world["victim"]
    response = client.delete("/api/v1/me/identities/apple", headers=victim["headers"])
    assert response.status_code == 204
    assert _victims_identities(client, world) == []
    assert providers.revoked  # and Apple was told
    again = world["signins"].apple(VICTIM_APPLE_ID)
    assert again.status_code == 201  # a new account: the Apple ID no longer leads to the victim
    assert again.get_json()["user"]["id"] != victim["user"]["id"]
