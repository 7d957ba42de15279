"""Proving who you are again (item 1): wrong passwords are limited per user, successes are free.

Behind a 15-minute access token, `POST /me/password` and `DELETE /me` check a password.
Without a limit, whoever holds the token can guess it. `RATELIMIT_REAUTH` (default 5
failures per 15 minutes) counts wrong passwords per account, across both operations;
right ones cost nothing.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from api.config import Config
from tests.conftest import PASSWORD, Accounts

WRONG = "not the password at all"


@pytest.fixture
def limited(make_app):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    return app, app.test_client()


def _change(client, user, current, new="a brand new passphrase"):
    return client.post(
        "/api/v1/me/password",
        json={"current_password": current, "new_password": new},
        headers=user["headers"],
    )


def _delete(client, user, password):
    return client.delete("/api/v1/me", json={"password": password}, headers=user["headers"])


def test_the_default_is_5_failures_per_15_minutes():
    assert Config({}).RATELIMIT_REAUTH == "5 per 15 minutes"
    assert Config({"RATELIMIT_REAUTH": "3 per hour"}).RATELIMIT_REAUTH == "3 per hour"


def test_the_sixth_wrong_password_change_is_429_even_with_the_right_password(limited):
    _, client = limited
    sam = Accounts(client).register()
    assert [_change(client, sam, WRONG).status_code for _ in range(5)] == [401] * 5
    refused = _change(client, sam, PASSWORD)
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    assert refused.get_json()["code"] == "rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    login = client.post("/api/v1/auth/login", json={"email": sam["email"], "password": PASSWORD})
    assert login.status_code == 200  # the password did not change


def test_deleting_the_account_is_limited_the_same_way(limited):
    _, client = limited
    sam = Accounts(client).register()
    assert [_delete(client, sam, WRONG).status_code for _ in range(5)] == [401] * 5
    assert _delete(client, sam, PASSWORD).status_code == 429
    assert client.get("/api/v1/me", headers=sam["headers"]).status_code == 200


def test_failures_count_across_both_operations(limited):
    _, client = limited
    sam = Accounts(client).register()
    statuses = [_change(client, sam, WRONG).status_code for _ in range(3)]
    statuses += [_delete(client, sam, WRONG).status_code for _ in range(2)]
    assert statuses == [401] * 5
    assert _change(client, sam, PASSWORD).status_code == 429
    assert _delete(client, sam, PASSWORD).status_code == 429


def test_right_passwords_do_not_count(limited):
    _, client = limited
    sam = Accounts(client).register()
    passwords = [PASSWORD] + [f"passphrase number {i}" for i in range(8)]
    for current, new in pairwise(passwords):
        assert _change(client, sam, current, new).status_code == 204
    assert [_change(client, sam, WRONG).status_code for _ in range(5)] == [401] * 5


def test_the_limit_is_per_account_not_per_address(limited):
    _, client = limited
    accounts = Accounts(client)
    sam, kim = accounts.register("Sam"), accounts.register("Kim")
    for _ in range(5):
        _change(client, sam, WRONG)
    assert _change(client, sam, WRONG).status_code == 429
    assert _change(client, kim, WRONG).status_code == 401  # same address, another account
    assert _delete(client, kim, PASSWORD).status_code == 204


def test_a_request_without_a_valid_token_does_not_count_against_anyone(limited):
    _, client = limited
    sam = Accounts(client).register()
    for _ in range(10):
        response = client.post(
            "/api/v1/me/password",
            json={"current_password": WRONG, "new_password": "a brand new passphrase"},
            headers={"Authorization": "Bearer not.a.token"},
        )
        assert response.status_code == 401
    assert _change(client, sam, WRONG).status_code == 401


def test_a_password_over_1024_characters_is_422_before_any_hashing(limited, monkeypatch):
    _, client = limited
    sam = Accounts(client).register()

    def no_hashing(*_args, **_kwargs):
        raise AssertionError("argon2 ran on a refused password")

    monkeypatch.setattr("api.auth.passwords.PasswordHasher.verify", no_hashing)
    long = "x" * 1025
    for response, field in (
        (_change(client, sam, long), "current_password"),
        (_delete(client, sam, long), "password"),
        (
            client.post("/api/v1/auth/login", json={"email": sam["email"], "password": long}),
            "password",
        ),
    ):
        assert response.status_code == 422, field
        assert field in response.get_json()["errors"]


def test_every_password_field_is_documented_with_at_most_1024_characters(client):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    found = {
        (name, prop): spec.get("maxLength")
        for name, schema in schemas.items()
        for prop, spec in schema.get("properties", {}).items()
        if "password" in prop and spec.get("type") == "string"
    }
    assert len(found) >= 5
    assert set(found.values()) == {1024}, found
