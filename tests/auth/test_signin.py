"""POST /auth/apple and /auth/google: who gets in, who makes an account, who is refused."""

from __future__ import annotations

import logging
import time
import uuid

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import func, select

from models import Identity, TokenFamily, UsedNonce, User, db
from tests.conftest import PASSWORD, auth_headers


def _count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _refused(response, caplog, reason):
    assert response.status_code == 401, response.get_json()
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["code"] == "invalid_identity_token"
    reasons = [r.reason for r in caplog.records if r.getMessage() == "identity token refused"]
    assert reasons[-1] == reason, reasons


def test_a_new_apple_id_makes_an_account_without_a_password(client, app, signins):
    response = signins.apple(
        "001234.sam",
        email="Sam@Example.com",
        extra={"display_name": "Sam", "timezone": "Europe/Berlin"},
    )

    assert response.status_code == 201
    body = response.get_json()
    assert body["created"] is True
    user = body["user"]
    assert user["email"] == "sam@example.com"
    assert user["display_name"] == "Sam" and user["timezone"] == "Europe/Berlin"
    assert user["identities"] == ["apple"] and user["has_password"] is False
    me = client.get("/api/v1/me", headers=auth_headers(body["access_token"]))
    assert me.status_code == 200 and me.get_json() == user
    with app.app_context():
        stored = db.session.scalars(select(User)).one()
        assert stored.password_hash is None
        identity = db.session.scalars(select(Identity)).one()
        assert (identity.provider, identity.issuer, identity.subject) == (
            "apple",
            "https://appleid.apple.com",
            "001234.sam",
        )
        assert identity.email == "sam@example.com" and identity.user_id == stored.id


def test_a_returning_identity_signs_in_to_the_same_account(client, app, signins):
    first = signins.apple("001234.sam", email="sam@example.com").get_json()
    again = signins.apple("001234.sam", email="sam@example.com")

    assert again.status_code == 200
    body = again.get_json()
    assert body["created"] is False
    assert body["user"]["id"] == first["user"]["id"]
    assert body["access_token"] != first["access_token"]
    assert _count(app, User) == 1
    assert _count(app, TokenFamily) == 2  # each sign-in is its own session


def test_google_signs_in_with_either_spelling_of_its_issuer_as_one_identity(app, signins):
    first = signins.google("1098", email="kim@example.com", iss="accounts.google.com")
    again = signins.google("1098", email="kim@example.com", iss="https://accounts.google.com")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["user"]["id"] == first.get_json()["user"]["id"]
    assert first.get_json()["user"]["identities"] == ["google"]
    with app.app_context():
        assert db.session.scalars(select(Identity.issuer)).all() == ["https://accounts.google.com"]


def test_google_gives_the_display_name_when_the_app_sends_none(signins):
    response = signins.google("1098", email="kim@example.com", name="Kim \u202eLee\u0007")
    assert response.get_json()["user"]["display_name"] == "Kim Lee"


def test_an_apple_private_relay_email_works_as_an_ordinary_email(client, signins):
    relay = "x7h2k9p4qz@privaterelay.appleid.com"
    response = signins.apple("001234.hidden", email=relay, is_private_email="true")

    assert response.status_code == 201
    user = response.get_json()["user"]
    assert user["email"] == relay
    # A relay address's random local part is no name to show a partner.
    assert user["display_name"] == "Attune user"
    registered = client.post(
        "/api/v1/auth/register",
        json={"email": relay, "password": PASSWORD, "display_name": "Someone"},
    )
    assert registered.status_code == 409 and registered.get_json()["code"] == "email_taken"


def test_a_wrong_audience_is_refused_and_logged_without_the_token(signins, caplog):
    caplog.set_level(logging.INFO)
    body = signins.apple_body(aud="com.someone.else")
    response = signins.post("apple", body)
    _refused(response, caplog, "wrong audience")
    assert body["id_token"] not in caplog.text
    assert body["id_token"].split(".")[1] not in caplog.text


def test_any_configured_client_id_is_an_accepted_audience(signins, providers):
    assert signins.apple(aud=providers.APPLE_WEB_CLIENT).status_code == 201


def test_a_token_for_several_audiences_is_refused(signins, providers, caplog):
    caplog.set_level(logging.INFO)
    response = signins.apple(aud=[providers.APPLE_CLIENT, "com.someone.else"])
    _refused(response, caplog, "several audiences")


def test_a_wrong_issuer_is_refused(signins, caplog):
    caplog.set_level(logging.INFO)
    _refused(signins.apple(iss="https://appleid.apple.com.evil.example"), caplog, "wrong issuer")
    # Google's issuer is no issuer of Apple's tokens, even when signed with Apple's key.
    _refused(signins.apple(iss="https://accounts.google.com"), caplog, "wrong issuer")


def test_an_expired_token_is_refused(signins, caplog):
    caplog.set_level(logging.INFO)
    response = signins.apple(issued_at=time.time() - 3600, lifetime=600)
    _refused(response, caplog, "expired")


def test_the_clock_of_the_app_decides_expiry_with_a_small_leeway(signins, clock):
    body = signins.apple_body(issued_at=clock.current.timestamp(), lifetime=600)
    clock.advance(seconds=600 + 30)  # within the leeway
    assert signins.post("apple", body).status_code == 201
    late = signins.apple_body(sub="001234.late", issued_at=clock.current.timestamp(), lifetime=600)
    clock.advance(seconds=600 + 61)
    assert signins.post("apple", late).status_code == 401


def test_a_token_issued_in_the_future_is_refused(signins, caplog):
    caplog.set_level(logging.INFO)
    _refused(signins.apple(issued_at=time.time() + 3600), caplog, "issued in the future")


def test_a_token_missing_a_required_claim_is_refused(signins, providers, caplog):
    caplog.set_level(logging.INFO)
    # PyJWT's encode adds nothing; a token without `sub` is built by hand here.
    token = jwt.encode(
        {
            "iss": "https://appleid.apple.com",
            "aud": providers.APPLE_CLIENT,
            "iat": int(time.time()),
            "exp": int(time.time()) + 600,
        },
        providers.keys["apple"][providers.current_kid["apple"]],
        algorithm="RS256",
        headers={"kid": providers.current_kid["apple"]},
    )
    response = signins.post("apple", {"id_token": token, "nonce": "n"})
    _refused(response, caplog, "a required claim is missing")


def test_a_token_signed_by_an_unpublished_key_is_refused(signins, providers, caplog):
    caplog.set_level(logging.INFO)
    hidden = providers.new_key("apple", publish=False)
    _refused(signins.apple(kid=hidden), caplog, "unknown signing key")


def test_a_forged_signature_under_a_published_key_id_is_refused(signins, caplog):
    caplog.set_level(logging.INFO)
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _refused(signins.apple(signing_key=forger), caplog, "bad signature")


def test_tokens_signed_otherwise_than_rs256_are_refused_before_any_key_is_fetched(
    signins, providers, caplog
):
    caplog.set_level(logging.INFO)
    for algorithm, key in (
        ("HS256", "a shared secret anyone could guess, 32+ bytes"),
        ("none", None),
    ):
        token = providers.mint("apple", "001234.x", nonce="n", algorithm=algorithm, signing_key=key)
        _refused(
            signins.post("apple", {"id_token": token, "nonce": "n"}),
            caplog,
            "algorithm not allowed",
        )
    _refused(
        signins.post("apple", {"id_token": "not.a.jwt", "nonce": "n"}), caplog, "malformed token"
    )
    assert providers.jwks_fetches["apple"] == 0


def test_the_apple_nonce_must_hash_to_the_tokens_nonce_claim(signins, providers, caplog):
    caplog.set_level(logging.INFO)
    token = providers.mint("apple", "001234.sam", nonce="the nonce the app made")
    response = signins.post("apple", {"id_token": token, "nonce": "another nonce"})
    _refused(response, caplog, "nonce does not match")
    # The raw value in the claim is not what Apple signs: the digest is.
    raw = providers.mint("apple", "001234.sam", nonce_claim="raw")
    _refused(
        signins.post("apple", {"id_token": raw, "nonce": "raw"}), caplog, "nonce does not match"
    )
    without = providers.mint("apple", "001234.sam")
    _refused(
        signins.post("apple", {"id_token": without, "nonce": "n"}), caplog, "nonce does not match"
    )


def test_apple_needs_a_nonce_in_the_request(signins, providers):
    token = providers.mint("apple", "001234.sam", nonce="n")
    response = signins.post("apple", {"id_token": token})
    assert response.status_code == 422
    assert "nonce" in response.get_json()["errors"]


def test_an_apple_token_is_accepted_once_until_it_expires(app, signins, caplog, clock):
    caplog.set_level(logging.INFO)
    body = signins.apple_body("001234.sam", issued_at=clock.current.timestamp(), lifetime=600)
    assert signins.post("apple", body).status_code == 201
    _refused(signins.post("apple", body), caplog, "nonce already used")
    with app.app_context():
        (used,) = db.session.scalars(select(UsedNonce)).all()
        # Kept until the token can no longer be accepted anyway: its expiry plus leeway.
        assert used.expires_at.timestamp() == clock.current.timestamp() + 600 + 60


def test_expired_nonces_are_dropped_by_the_worker(app, signins, clock):
    body = signins.apple_body("001234.sam", issued_at=clock.current.timestamp(), lifetime=600)
    assert signins.post("apple", body).status_code == 201
    runner = app.test_cli_runner()
    assert "expired nonces dropped 0" in runner.invoke(args=["notifications", "deliver"]).output
    clock.advance(seconds=661)
    assert "expired nonces dropped 1" in runner.invoke(args=["notifications", "deliver"]).output
    assert _count(app, UsedNonce) == 0


def test_google_checks_the_raw_nonce_when_the_app_sends_one(signins, providers, caplog):
    caplog.set_level(logging.INFO)
    token = providers.mint("google", "1098", nonce="raw nonce")
    _refused(
        signins.post("google", {"id_token": token, "nonce": "other"}),
        caplog,
        "nonce does not match",
    )
    assert signins.post("google", {"id_token": token, "nonce": "raw nonce"}).status_code == 201
    _refused(
        signins.post("google", {"id_token": token, "nonce": "raw nonce"}),
        caplog,
        "nonce already used",
    )
    # Without a nonce from the app, there is nothing to compare: Google's token stands alone.
    assert signins.post("google", {"id_token": providers.mint("google", "1098")}).status_code == 200


def test_a_new_identity_with_the_email_of_an_account_is_not_merged(client, app, accounts, signins):
    sam = accounts.register("Sam", email="sam@example.com")
    response = signins.apple("001234.sam", email="SAM@example.com")

    assert response.status_code == 409
    assert response.get_json()["code"] == "account_exists"
    assert _count(app, User) == 1
    assert _count(app, Identity) == 0
    assert _count(app, UsedNonce) == 0  # nothing was accepted
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == []


def test_an_unverified_email_is_not_used_to_find_or_make_an_account(app, accounts, signins):
    accounts.register("Sam", email="sam@example.com")
    response = signins.google("1098", email="sam@example.com", email_verified=False)

    assert response.status_code == 201
    user = response.get_json()["user"]
    assert user["email"] is None and user["display_name"] == "Attune user"
    assert _count(app, User) == 2
    with app.app_context():
        assert db.session.scalars(select(Identity.email)).one() is None


def test_an_apple_email_verified_only_as_a_string_counts(signins):
    response = signins.apple("001234.sam", email="sam@example.com", email_verified="true")
    assert response.get_json()["user"]["email"] == "sam@example.com"
    other = signins.apple("001234.kim", email="kim@example.com", email_verified="false")
    assert other.get_json()["user"]["email"] is None


def test_email_and_password_login_refuses_a_provider_only_account_in_the_same_time(
    client, signins, monkeypatch
):
    from argon2 import PasswordHasher

    signins.apple("001234.sam", email="sam@example.com")
    calls = []
    original = PasswordHasher.verify

    def counting_verify(self, hash, password):
        calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    provider_only = client.post(
        "/api/v1/auth/login", json={"email": "sam@example.com", "password": PASSWORD}
    )
    unknown = client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": PASSWORD}
    )

    assert provider_only.status_code == unknown.status_code == 401
    assert provider_only.get_json() == unknown.get_json()
    # Both spend one argon2 verification (of the dummy hash), so both take as long.
    assert len(calls) == 2 and calls[0] == calls[1] and calls[0].startswith("$argon2id$")


def test_a_provider_only_account_cannot_change_a_password_it_does_not_have(client, signins):
    sam = signins.account("apple", email="sam@example.com")
    response = client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
        headers=sam["headers"],
    )
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_credentials"


def test_sign_in_answers_are_never_cached(signins):
    response = signins.apple()
    assert response.headers["Cache-Control"] == "no-store"


def test_an_unknown_user_id_in_the_subject_makes_a_new_identity_not_a_takeover(app, signins):
    """The subject is the provider's id for the person, compared as an opaque string."""
    first = signins.apple("001234.sam").get_json()["user"]["id"]
    other = signins.apple(first).get_json()["user"]["id"]  # a subject equal to a user id
    assert other != first
    assert uuid.UUID(other) and _count(app, User) == 2


def test_a_body_with_every_field_too_long_is_a_422_not_a_413(signins):
    widest = "\U0001f600"  # sent as a 12-byte escaped surrogate pair
    lengths = {"id_token": 4097, "nonce": 257, "authorization_code": 513, "display_name": 51}
    body = {field: widest * n for field, n in lengths.items()}
    response = signins.post("apple", {**body, "timezone": widest * 65})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {*lengths, "timezone"}
