"""A spent refresh token presented again within the grace gets the same pair (a race from
one phone); later, or once that pair was refreshed, it is a copy and the family ends."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from api import create_app
from api.auth.tokens import _answer_key
from api.config import Config, ConfigError, TestConfig
from api.keys.derived import unseal
from models import TokenFamily, db
from tests.conftest import Accounts, auth_headers


def _refresh(client, token):
    return client.post("/api/v1/auth/refresh", headers=auth_headers(token))


def _family(app):
    with app.app_context():
        (family,) = db.session.scalars(select(TokenFamily)).all()
        return family


def test_the_same_token_within_the_grace_gets_the_same_pair_and_the_family_lives(
    client, accounts, clock
):
    sam = accounts.register()
    first = _refresh(client, sam["refresh_token"])
    clock.advance(seconds=9)
    twin = _refresh(client, sam["refresh_token"])

    assert first.status_code == twin.status_code == 200
    assert twin.get_json() == first.get_json()
    pair = first.get_json()
    assert client.get("/api/v1/me", headers=auth_headers(pair["access_token"])).status_code == 200
    assert _refresh(client, pair["refresh_token"]).status_code == 200


def test_the_grace_counts_from_the_first_use_and_is_never_extended(client, accounts, clock, app):
    sam = accounts.register()
    first = _refresh(client, sam["refresh_token"]).get_json()
    clock.advance(seconds=6)
    assert _refresh(client, sam["refresh_token"]).get_json() == first
    clock.advance(seconds=4)  # 10 s after the first use, 4 s after the last

    late = _refresh(client, sam["refresh_token"])
    assert late.status_code == 401
    assert late.get_json()["code"] == "token_revoked"
    assert client.get("/api/v1/me", headers=auth_headers(first["access_token"])).status_code == 401
    family = _family(app)
    assert family.revoked_at is not None and family.spent_answer is None


def test_once_the_new_pair_was_refreshed_the_old_token_is_a_copy(client, accounts, clock):
    sam = accounts.register()
    first = _refresh(client, sam["refresh_token"]).get_json()
    second = _refresh(client, first["refresh_token"]).get_json()
    clock.advance(seconds=1)

    replay = _refresh(client, sam["refresh_token"])
    assert replay.status_code == 401
    assert replay.get_json()["code"] == "token_revoked"
    for token in (first["access_token"], second["access_token"]):
        assert client.get("/api/v1/me", headers=auth_headers(token)).status_code == 401


def test_the_newest_token_presented_twice_gets_its_own_answer(client, accounts, clock):
    sam = accounts.register()
    first = _refresh(client, sam["refresh_token"]).get_json()
    second = _refresh(client, first["refresh_token"]).get_json()
    assert _refresh(client, first["refresh_token"]).get_json() == second


def test_no_answer_after_signing_out(client, accounts, clock):
    sam = accounts.register()
    first = _refresh(client, sam["refresh_token"]).get_json()
    client.post("/api/v1/auth/logout", headers=auth_headers(first["access_token"]))
    replay = _refresh(client, sam["refresh_token"])
    assert replay.status_code == 401
    assert replay.get_json()["code"] == "token_revoked"


def test_the_kept_answer_is_sealed_and_only_the_spent_token_opens_it(client, accounts, app):
    sam = accounts.register()
    pair = _refresh(client, sam["refresh_token"]).get_json()
    family = _family(app)
    assert family.spent_answer
    for secret in (pair["access_token"], pair["refresh_token"]):
        for part in secret.split("."):
            assert part not in family.spent_answer

    with app.test_request_context("/"):
        assert unseal(family.spent_answer, _answer_key(pair["refresh_token"])) is None
        assert unseal(family.spent_answer, _answer_key(sam["refresh_token"])) is not None


def test_auth_prune_drops_answers_whose_grace_has_ended(client, accounts, clock, app):
    sam = accounts.register()
    _refresh(client, sam["refresh_token"])
    runner = app.test_cli_runner()

    clock.advance(seconds=9)
    assert "dropped 0" in runner.invoke(args=["auth", "prune"]).output
    assert _family(app).spent_answer is not None
    clock.advance(seconds=1)
    assert "dropped 1" in runner.invoke(args=["auth", "prune"]).output
    assert _family(app).spent_answer is None
    assert _family(app).revoked_at is None


def test_a_grace_of_zero_keeps_nothing_and_revokes_at_once(make_app):
    app = make_app(REFRESH_REUSE_GRACE_SECONDS=0)
    client = app.test_client()
    sam = Accounts(client).register()
    assert _refresh(client, sam["refresh_token"]).status_code == 200
    assert _family(app).spent_answer is None
    assert _refresh(client, sam["refresh_token"]).status_code == 401


@pytest.mark.parametrize("value", ["31", "-1", "ten"])
def test_the_grace_is_at_most_30_seconds(value):
    with pytest.raises(ConfigError):
        Config({"REFRESH_REUSE_GRACE_SECONDS": value})


def test_the_grace_defaults_to_10_seconds_and_may_be_30():
    assert Config({}).REFRESH_REUSE_GRACE_SECONDS == 10
    assert Config({"REFRESH_REUSE_GRACE_SECONDS": "30"}).REFRESH_REUSE_GRACE_SECONDS == 30
    assert create_app(TestConfig("sqlite://")).config["REFRESH_REUSE_GRACE_SECONDS"] == 10
