"""The providers' published keys: fetched once, fetched again for a new key id (at most
once a minute), trusted for a day, and a provider that cannot be reached is a 503."""

from __future__ import annotations

import logging
import time

import jwt.jwks_client
import pytest

from api.auth.providers import REFETCH_COOLDOWN_SECONDS


class _Monotonic:
    """Stands in for the `time` module inside PyJWT's key client, whose refetch cooldown
    reads time.monotonic(): the test moves it instead of sleeping."""

    def __init__(self) -> None:
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def __getattr__(self, name: str):
        return getattr(time, name)


@pytest.fixture
def key_clock(monkeypatch) -> _Monotonic:
    fake = _Monotonic()
    monkeypatch.setattr(jwt.jwks_client, "time", fake)
    return fake


def test_keys_are_fetched_once_and_kept(signins, providers):
    for i in range(3):
        assert signins.apple(f"001234.user{i}").status_code == 201
    assert providers.jwks_fetches["apple"] == 1
    assert providers.jwks_fetches["google"] == 0


def test_a_rotated_key_is_fetched_when_a_token_names_it(signins, providers, key_clock):
    assert signins.apple("001234.before").status_code == 201
    providers.new_key("apple")  # Apple rotates: a new kid appears in its JWKS
    key_clock.offset += REFETCH_COOLDOWN_SECONDS + 1

    assert signins.apple("001234.after").status_code == 201
    assert providers.jwks_fetches["apple"] == 2
    # The old key still works (both are published), without another fetch.
    old = providers.published["apple"][0]
    assert signins.apple("001234.old", kid=old).status_code == 201
    assert providers.jwks_fetches["apple"] == 2


def test_unknown_key_ids_fetch_the_keys_again_at_most_once_a_minute(
    signins, providers, key_clock, caplog
):
    caplog.set_level(logging.INFO)
    assert signins.apple("001234.first").status_code == 201
    key_clock.offset += REFETCH_COOLDOWN_SECONDS + 1
    for i in range(5):
        made_up = providers.new_key("apple", publish=False)
        assert signins.apple(f"001234.forger{i}", kid=made_up).status_code == 401
    assert providers.jwks_fetches["apple"] == 2  # one refetch for five unknown key ids

    rotated = providers.new_key("apple")  # published now, but within the minute
    assert signins.apple("001234.soon", kid=rotated).status_code == 401
    assert providers.jwks_fetches["apple"] == 2
    key_clock.offset += REFETCH_COOLDOWN_SECONDS + 1
    assert signins.apple("001234.later", kid=rotated).status_code == 201
    assert providers.jwks_fetches["apple"] == 3


def test_a_withdrawn_key_is_refused_within_a_day(signins, providers, clock):
    first = providers.current_kid["apple"]
    assert signins.apple("001234.a", issued_at=clock.current.timestamp()).status_code == 201
    providers.new_key("apple")
    providers.withdraw("apple", first)

    clock.advance(hours=25)
    late = signins.apple("001234.b", kid=first, issued_at=clock.current.timestamp())
    assert late.status_code == 401
    assert late.get_json()["code"] == "invalid_identity_token"
    assert providers.jwks_fetches["apple"] == 2


def test_unreachable_keys_are_a_503_not_a_bad_token(make_app, providers, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    config = providers.config(tmp_path)
    config["GOOGLE_JWKS_URL"] = "http://127.0.0.1:9/certs"  # nothing listens on port 9
    client = make_app(**config).test_client()
    token = providers.mint("google", "1098", email="kim@example.com")

    response = client.post("/api/v1/auth/google", json={"id_token": token})

    assert response.status_code == 503
    assert response.get_json()["code"] == "service_unavailable"
    assert response.headers["Retry-After"] == "30"
    assert "identity provider keys unavailable" in caplog.text
    assert token not in caplog.text
