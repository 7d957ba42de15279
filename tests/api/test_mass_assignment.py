"""No load schema accepts a field the server owns."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, checkin

SERVER_OWNED = {
    ("post", "/api/v1/auth/register"): ["id", "couple_id", "created_at", "password_hash"],
    ("patch", "/api/v1/me"): ["id", "email", "couple_id", "created_at", "password_hash"],
    ("post", "/api/v1/couple"): ["id", "couple_id", "paired_at", "partner"],
    ("post", "/api/v1/checkins"): ["author_id", "created_at", "quadrant", "responses"],
    ("post", "/api/v1/checkins/{checkin}/responses"): [
        "id",
        "author_id",
        "checkin_id",
        "felt_heard",
        "created_at",
    ],
    ("put", "/api/v1/responses/{response}/felt-heard"): [
        "id",
        "kind",
        "message",
        "author_id",
        "checkin_id",
        "created_at",
    ],
    ("post", "/api/v1/me/password"): ["id", "password_hash"],
    ("post", "/api/v1/auth/apple"): ["id", "email", "email_verified", "sub", "has_password"],
    ("post", "/api/v1/auth/google"): ["id", "email", "email_verified", "sub", "identities"],
    ("post", "/api/v1/me/identities"): ["user_id", "issuer", "subject", "email", "client_id"],
    ("delete", "/api/v1/me"): ["id", "user_id"],
}

VALID = {
    ("post", "/api/v1/auth/register"): {
        "email": "new@example.com",
        "password": PASSWORD,
        "display_name": "New",
    },
    ("patch", "/api/v1/me"): {"display_name": "Alex"},
    ("post", "/api/v1/couple"): {"code": "ABCDE-12345"},
    ("post", "/api/v1/checkins"): {"tone": "sad", "energy": 2},
    ("post", "/api/v1/checkins/{checkin}/responses"): {"kind": "reflect"},
    ("put", "/api/v1/responses/{response}/felt-heard"): {"felt_heard": True},
    ("post", "/api/v1/me/password"): {"current_password": PASSWORD, "new_password": PASSWORD},
    ("post", "/api/v1/auth/apple"): {"id_token": "x.y.z", "nonce": "n"},
    ("post", "/api/v1/auth/google"): {"id_token": "x.y.z"},
    ("post", "/api/v1/me/identities"): {"provider": "google", "id_token": "x.y.z"},
    ("delete", "/api/v1/me"): {"password": PASSWORD},
}

CASES = [(op, field) for op, fields in SERVER_OWNED.items() for field in fields]


@pytest.mark.parametrize(
    ("operation", "field"), CASES, ids=[f"{o[0]} {o[1]} {f}" for o, f in CASES]
)
def test_a_server_owned_field_is_rejected(client, pair, operation, field):
    alex, sam = pair()
    theirs = checkin(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{theirs['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    ).get_json()
    method, path = operation
    url = path.format(checkin=theirs["id"], response=answer["id"])
    caller = sam if "felt-heard" in path else alex
    body = {**VALID[operation], field: "00000000-0000-4000-8000-000000000000"}

    response = client.open(url, method=method.upper(), json=body, headers=caller["headers"])

    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]
