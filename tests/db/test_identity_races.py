"""Identities on PostgreSQL: other workers hear of links, and races end in one answer.

Threads with their own connections stand for requests arriving at the same instant; two
apps on one database stand for two gunicorn workers.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from api.auth.caller_cache import caller_cache
from models import Identity, User, db
from tests.auth.conftest import SignIns
from tests.conftest import PASSWORD, Accounts


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races and notifications are proven on PostgreSQL (set TEST_DATABASE_URL)")


@pytest.fixture
def race_app(make_app, providers, tmp_path):
    return make_app(
        **providers.config(tmp_path),
        SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 12, "max_overflow": 4},
    )


def _at_once(calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_one_google_token_signing_in_twice_at_once_makes_one_account(race_app, providers):
    token = providers.mint("google", "1098", email="kim@example.com")

    def sign_in():
        return race_app.test_client().post("/api/v1/auth/google", json={"id_token": token})

    responses = _at_once([sign_in] * 6)

    assert sorted(r.status_code for r in responses) == [200] * 5 + [201]
    assert len({r.get_json()["user"]["id"] for r in responses}) == 1
    assert _count(race_app, User) == 1 and _count(race_app, Identity) == 1


def test_one_apple_token_replayed_at_the_same_instant_is_accepted_once(race_app, providers):
    signins = SignIns(race_app.test_client(), providers)
    body = signins.apple_body("001234.sam", email="sam@example.com")

    def sign_in():
        return race_app.test_client().post("/api/v1/auth/apple", json=body)

    responses = _at_once([sign_in] * 6)

    assert sorted(r.status_code for r in responses) == [201] + [401] * 5
    assert {r.get_json()["code"] for r in responses if r.status_code == 401} == {
        "invalid_identity_token"
    }
    assert _count(race_app, User) == 1


def test_two_identities_with_one_email_signing_up_at_once_make_one_account(race_app, providers):
    apple = {
        "id_token": providers.mint("apple", "001234.sam", email="sam@example.com", nonce="n1"),
        "nonce": "n1",
    }
    google = {"id_token": providers.mint("google", "1098", email="sam@example.com")}

    responses = _at_once(
        [
            lambda: race_app.test_client().post("/api/v1/auth/apple", json=apple),
            lambda: race_app.test_client().post("/api/v1/auth/google", json=google),
        ]
    )

    assert sorted(r.status_code for r in responses) == [201, 409]
    assert {r.get_json().get("code") for r in responses} >= {"account_exists"}
    assert _count(race_app, User) == 1 and _count(race_app, Identity) == 1


def test_unlinking_both_identities_at_once_leaves_one_way_in(race_app, providers):
    client = race_app.test_client()
    signins = SignIns(client, providers)
    sam = signins.account("apple", "001234.sam")
    linked = client.post(
        "/api/v1/me/identities",
        json={"provider": "google", **signins.google_body("1098")},
        headers=sam["headers"],
    )
    assert linked.status_code == 201

    responses = _at_once(
        [
            lambda p=provider: race_app.test_client().delete(
                f"/api/v1/me/identities/{p}", headers=sam["headers"]
            )
            for provider in ("apple", "google")
        ]
    )

    assert sorted(r.status_code for r in responses) == [204, 409]
    assert _count(race_app, Identity) == 1


def test_linking_in_one_worker_shows_in_the_identities_another_worker_remembers(
    race_app, make_app, providers, tmp_path
):
    client = race_app.test_client()
    other = make_app(**providers.config(tmp_path)).test_client()
    sam = Accounts(client).register("Sam")
    assert other.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == []
    with other.application.app_context():
        cache = caller_cache()
    assert cache is not None
    before = cache.version

    signins = SignIns(client, providers)
    linked = client.post(
        "/api/v1/me/identities",
        json={"provider": "google", **signins.google_body("1098"), "password": PASSWORD},
        headers=sam["headers"],
    )
    assert linked.status_code == 201
    assert cache.wait_for_change(before, timeout=5), "no notification arrived within 5 s"
    assert other.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == ["google"]

    before = cache.version
    assert client.delete("/api/v1/me/identities/google", headers=sam["headers"]).status_code == 204
    assert cache.wait_for_change(before, timeout=5)
    assert other.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == []
