from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy import select

from models import TokenFamily, User, db
from tests.conftest import PASSWORD, auth_headers


def test_register_returns_user_and_tokens_and_stores_an_argon2id_hash(client, app):
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "Sam@Example.com",
            "password": PASSWORD,
            "display_name": "Sam",
            "timezone": "Europe/Berlin",
        },
    )
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) >= {"user", "access_token", "refresh_token"}
    assert body["user"]["email"] == "sam@example.com"
    assert body["user"]["timezone"] == "Europe/Berlin"
    assert body["user"]["couple_id"] is None
    assert body["user"]["created_at"].endswith("+00:00")
    assert response.headers["Cache-Control"] == "no-store"
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_register_defaults_timezone_to_utc(client):
    response = client.post(
        "/api/v1/auth/register",
        json={"email": "a@example.com", "password": PASSWORD, "display_name": "A"},
    )
    assert response.get_json()["user"]["timezone"] == "UTC"


def test_register_with_an_email_in_another_case_is_email_taken(client, accounts):
    accounts.register("Sam", email="sam@example.com")
    response = client.post(
        "/api/v1/auth/register",
        json={"email": "SAM@example.com", "password": PASSWORD, "display_name": "Other"},
    )
    assert response.status_code == 409
    assert response.get_json()["code"] == "email_taken"


def test_register_rejects_short_password_blank_name_and_unknown_timezone(client):
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "not-an-email",
            "password": "short",
            "display_name": "   ",
            "timezone": "Mars/Olympus",
        },
    )
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == "validation_error"
    assert set(body["errors"]) == {"email", "password", "display_name", "timezone"}


def test_register_rejects_a_display_name_over_50_characters(client):
    response = client.post(
        "/api/v1/auth/register",
        json={"email": "a@example.com", "password": PASSWORD, "display_name": "x" * 51},
    )
    assert response.status_code == 422
    assert "display_name" in response.get_json()["errors"]


def test_login_returns_tokens_for_the_right_password_in_any_email_case(client, accounts):
    accounts.register("Sam", email="sam@example.com")
    response = client.post(
        "/api/v1/auth/login", json={"email": "SAM@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["user"]["email"] == "sam@example.com"
    me = client.get("/api/v1/me", headers=auth_headers(body["access_token"]))
    assert me.status_code == 200


def test_login_gives_one_answer_for_wrong_password_and_unknown_email(client, accounts):
    accounts.register("Sam", email="sam@example.com")
    wrong = client.post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": "not the password"}
    )
    unknown = client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": PASSWORD}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()
    assert wrong.get_json()["code"] == "invalid_credentials"


def test_login_verifies_a_hash_even_for_an_unknown_email(client, monkeypatch):
    from argon2 import PasswordHasher

    calls = []
    original = PasswordHasher.verify

    def counting_verify(self, hash, password):
        calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    response = client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": PASSWORD}
    )
    assert response.status_code == 401
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")


def test_login_rehashes_a_password_stored_with_older_parameters(make_app):
    weak = make_app(ARGON2_TIME_COST=1, ARGON2_MEMORY_COST=1024)
    weak.test_client().post(
        "/api/v1/auth/register",
        json={"email": "sam@example.com", "password": PASSWORD, "display_name": "Sam"},
    )
    stronger = make_app(ARGON2_TIME_COST=2, ARGON2_MEMORY_COST=2048)
    response = stronger.test_client().post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    with stronger.app_context():
        stored = db.session.scalars(select(User.password_hash)).one()
    assert "m=2048,t=2" in stored


def test_each_login_starts_its_own_token_family(client, accounts, app):
    accounts.register("Sam", email="sam@example.com")
    client.post("/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD})
    with app.app_context():
        assert len(db.session.scalars(select(TokenFamily)).all()) == 2


def test_refresh_rotates_and_the_new_tokens_work(client, accounts):
    sam = accounts.register()
    response = client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))
    assert response.status_code == 200
    tokens = response.get_json()
    assert tokens["refresh_token"] != sam["refresh_token"]
    assert client.get("/api/v1/me", headers=auth_headers(tokens["access_token"])).status_code == 200
    again = client.post("/api/v1/auth/refresh", headers=auth_headers(tokens["refresh_token"]))
    assert again.status_code == 200


def test_a_spent_refresh_token_is_revoked_and_kills_its_family(client, accounts, clock):
    sam = accounts.register()
    rotated = client.post(
        "/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"])
    ).get_json()
    clock.advance(seconds=10)  # the grace for a racing twin has ended

    replay = client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))
    assert replay.status_code == 401
    assert replay.get_json()["code"] == "token_revoked"

    # Every token of the family is now dead: the thief's and the rightful owner's.
    for token in (rotated["access_token"], sam["access_token"]):
        response = client.get("/api/v1/me", headers=auth_headers(token))
        assert response.status_code == 401
        assert response.get_json()["code"] == "token_revoked"
    response = client.post("/api/v1/auth/refresh", headers=auth_headers(rotated["refresh_token"]))
    assert response.status_code == 401


def test_a_spent_refresh_token_leaves_other_logins_alive(client, accounts, clock):
    sam = accounts.register("Sam", email="sam@example.com")
    other = client.post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD}
    ).get_json()
    client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))
    clock.advance(seconds=11)
    client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))
    assert client.get("/api/v1/me", headers=auth_headers(other["access_token"])).status_code == 200


def test_logout_ends_the_access_and_refresh_token_of_the_family(client, accounts):
    sam = accounts.register()
    response = client.post("/api/v1/auth/logout", headers=sam["headers"])
    assert response.status_code == 204
    me = client.get("/api/v1/me", headers=sam["headers"])
    assert me.status_code == 401
    assert me.get_json()["code"] == "token_revoked"
    refresh = client.post("/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"]))
    assert refresh.status_code == 401
    assert refresh.get_json()["code"] == "token_revoked"


def test_logout_keeps_other_devices_signed_in(client, accounts):
    sam = accounts.register("Sam", email="sam@example.com")
    other = client.post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD}
    ).get_json()
    client.post("/api/v1/auth/logout", headers=sam["headers"])
    assert client.get("/api/v1/me", headers=auth_headers(other["access_token"])).status_code == 200


def test_a_refresh_token_is_refused_where_an_access_token_is_needed(client, accounts):
    sam = accounts.register()
    response = client.get("/api/v1/me", headers=auth_headers(sam["refresh_token"]))
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_token"


def test_an_access_token_is_refused_where_a_refresh_token_is_needed(client, accounts):
    sam = accounts.register()
    response = client.post("/api/v1/auth/refresh", headers=sam["headers"])
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_token"


def test_an_expired_access_token_is_token_expired(client, accounts, app):
    sam = accounts.register()
    with app.app_context():
        user_id = db.session.scalars(select(User.id)).one()
        family_id = db.session.scalars(select(TokenFamily.id)).one()
        expired = create_access_token(
            identity=str(user_id),
            additional_claims={"fam": str(family_id)},
            expires_delta=timedelta(seconds=-60),
        )
    response = client.get("/api/v1/me", headers=auth_headers(expired))
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_expired"
    assert sam["user"]["id"] == str(user_id)


def test_missing_malformed_and_forged_tokens_are_401_problems(client, accounts, app):
    accounts.register()
    cases = {
        None: "missing_token",
        "Bearer": "invalid_token",
        "Bearer not.a.jwt": "invalid_token",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl": "invalid_token",
        "Basic dXNlcjpwYXNz": "missing_token",
    }
    for header, code in cases.items():
        headers = {"Authorization": header} if header else {}
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401, header
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["code"] == code, header
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_token_without_a_family_claim_is_refused(client, accounts, app):
    accounts.register()
    with app.app_context():
        user_id = db.session.scalars(select(User.id)).one()
        token = create_access_token(identity=str(user_id))
    response = client.get("/api/v1/me", headers=auth_headers(token))
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_revoked"


@pytest.mark.parametrize("refresh", [False, True])
def test_a_validly_signed_token_without_exp_is_refused(client, accounts, app, refresh):
    accounts.register()
    with app.app_context():
        user_id = db.session.scalars(select(User.id)).one()
        family_id = db.session.scalars(select(TokenFamily.id)).one()
        make = create_refresh_token if refresh else create_access_token
        forever = make(
            identity=str(user_id), additional_claims={"fam": str(family_id)}, expires_delta=False
        )
    assert "exp" not in jwt.decode(forever, options={"verify_signature": False})
    path = "/api/v1/auth/refresh" if refresh else "/api/v1/me"
    method = client.post if refresh else client.get
    for _ in range(2):  # and not remembered as verified either
        response = method(path, headers=auth_headers(forever))
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["code"] == "invalid_token"
