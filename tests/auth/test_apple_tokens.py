"""Apple's authorization code, its refresh token kept encrypted, and revoking it on deletion."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from api.auth.revocations import MAX_ATTEMPTS, REFRESH_TOKEN_PURPOSE
from api.keys import derived
from models import AppleRevocation, Identity, User, db


def _identity(app: Flask) -> Identity:
    with app.app_context():
        return db.session.scalars(select(Identity)).one()


def _revocations(app: Flask) -> list[AppleRevocation]:
    with app.app_context():
        return db.session.scalars(select(AppleRevocation)).all()


def _sign_up_with_code(signins, providers, sub="001234.sam", **extra):
    code = providers.authorization_code(sub)
    body = {**signins.apple_body(sub, email="sam@example.com"), "authorization_code": code}
    response = signins.post("apple", {**body, **extra})
    assert response.status_code == 201, response.get_json()
    account = response.get_json()
    account["headers"] = {"Authorization": f"Bearer {account['access_token']}"}
    return account


def _exchange_failure(caplog) -> str:
    (record,) = [
        r for r in caplog.records if r.getMessage() == "Apple authorization code not exchanged"
    ]
    return record.reason


def _fresh_proof(signins, sub="001234.sam"):
    return {"provider": "apple", **signins.apple_body(sub, email="sam@example.com")}


def test_the_authorization_code_is_exchanged_and_the_refresh_token_kept_encrypted(
    app, signins, providers
):
    _sign_up_with_code(signins, providers)

    (exchange,) = [e for e in providers.exchanges if e["path"] == "/apple/auth/token"]
    assert exchange["status"] == 200
    assert exchange["form"]["grant_type"] == "authorization_code"
    assert exchange["form"]["client_id"] == providers.APPLE_CLIENT
    refresh_token = exchange["body"]["refresh_token"]
    identity = _identity(app)
    assert identity.client_id == providers.APPLE_CLIENT
    assert refresh_token not in identity.refresh_token_encrypted
    assert (
        derived.decrypt(
            identity.refresh_token_encrypted, app.config["SECRET_KEY"], REFRESH_TOKEN_PURPOSE
        )
        == refresh_token
    )


def test_the_client_secret_is_an_es256_jwt_from_the_configured_key(signins, providers):
    _sign_up_with_code(signins, providers)

    (secret,) = providers.client_secret_claims  # the stand-in verified it with the public key
    assert secret["header"] == {"alg": "ES256", "kid": providers.KEY_ID, "typ": "JWT"}
    claims = secret["claims"]
    assert claims["iss"] == providers.TEAM_ID
    assert claims["aud"] == "https://appleid.apple.com"
    assert claims["sub"] == providers.APPLE_CLIENT
    assert 0 < claims["exp"] - claims["iat"] <= 300
    assert abs(claims["iat"] - time.time()) < 60


def test_the_code_is_exchanged_for_the_client_id_the_token_was_issued_to(app, signins, providers):
    code = providers.authorization_code("001234.web", client_id=providers.APPLE_WEB_CLIENT)
    body = signins.apple_body("001234.web", aud=providers.APPLE_WEB_CLIENT)
    assert signins.post("apple", {**body, "authorization_code": code}).status_code == 201
    assert _identity(app).client_id == providers.APPLE_WEB_CLIENT
    assert _identity(app).refresh_token_encrypted is not None


def test_a_failed_exchange_does_not_fail_the_sign_in(app, signins, providers, caplog):
    caplog.set_level(logging.WARNING)
    providers.token_script.append("unavailable")
    account = _sign_up_with_code(signins, providers)
    assert account["created"] is True
    assert _identity(app).refresh_token_encrypted is None
    assert "Apple authorization code not exchanged" in caplog.text

    # The next sign-in's code fills it in.
    code = providers.authorization_code("001234.sam")
    body = {**signins.apple_body("001234.sam"), "authorization_code": code}
    assert signins.post("apple", body).status_code == 200
    assert _identity(app).refresh_token_encrypted is not None


def test_a_code_of_another_apple_id_is_not_kept(app, signins, providers, caplog):
    caplog.set_level(logging.WARNING)
    someone_elses = providers.authorization_code("001234.someone-else")
    body = {**signins.apple_body("001234.sam"), "authorization_code": someone_elses}
    assert signins.post("apple", body).status_code == 201
    assert _identity(app).refresh_token_encrypted is None
    assert "belongs to another Apple ID" in _exchange_failure(caplog)


def test_a_wrong_team_key_is_refused_by_apple_and_nothing_is_kept(
    make_app, providers, tmp_path, caplog
):
    from tests.auth.conftest import SignIns

    caplog.set_level(logging.WARNING)
    config = {**providers.config(tmp_path), "APPLE_KEY_ID": "NOTOURKEY1"}
    app = make_app(**config)
    signins = SignIns(app.test_client(), providers)
    _sign_up_with_code(signins, providers)
    assert _identity(app).refresh_token_encrypted is None
    assert _exchange_failure(caplog) == "Apple answered 400 invalid_client"


def test_deleting_the_account_revokes_its_apple_token(client, app, signins, providers):
    account = _sign_up_with_code(signins, providers)
    refresh_token = providers.exchanges[-1]["body"]["refresh_token"]

    response = client.delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])

    assert response.status_code == 204
    assert providers.revoked == [refresh_token]
    revoke = providers.exchanges[-1]
    assert revoke["path"] == "/apple/auth/revoke"
    assert revoke["form"]["token_type_hint"] == "refresh_token"
    assert revoke["form"]["client_id"] == providers.APPLE_CLIENT
    assert _revocations(app) == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        assert db.session.scalar(select(func.count()).select_from(Identity)) == 0


def test_when_apple_is_unreachable_the_deletion_succeeds_and_the_worker_revokes_later(
    client, app, signins, providers, clock
):
    account = _sign_up_with_code(signins, providers)
    refresh_token = providers.exchanges[-1]["body"]["refresh_token"]
    providers.revoke_script.append("unavailable")

    response = client.delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])

    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=account["headers"]).status_code == 401
    (pending,) = _revocations(app)
    assert pending.attempts == 1
    assert pending.last_error == "503 temporarily_unavailable"
    assert pending.next_attempt_at == clock.current + timedelta(seconds=30)
    assert refresh_token not in pending.token_encrypted
    assert providers.revoked == []

    runner = app.test_cli_runner()
    early = runner.invoke(args=["notifications", "deliver"])
    assert "Apple tokens revoked 0, retrying 0" in early.output  # not due yet
    clock.advance(seconds=31)
    later = runner.invoke(args=["notifications", "deliver"])
    assert "Apple tokens revoked 1, retrying 0, abandoned 0" in later.output
    assert providers.revoked == [refresh_token]
    assert _revocations(app) == []


def test_a_revoke_that_keeps_failing_backs_off_and_is_given_up_in_the_end(
    app, signins, providers, clock, caplog
):
    from api.auth.revocations import revoke_due

    account = _sign_up_with_code(signins, providers)
    providers.revoke_script.extend(["unavailable"] * (MAX_ATTEMPTS + 1))
    app.test_client().delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])
    waits = []
    with app.app_context():
        for _ in range(5):
            (row,) = db.session.scalars(select(AppleRevocation)).all()
            waits.append(row.next_attempt_at - clock.current)
            clock.current = row.next_attempt_at
            revoke_due(clock.current)
    assert waits == [timedelta(seconds=s) for s in (30, 60, 120, 240, 480)]

    caplog.set_level(logging.ERROR)
    with app.app_context():
        row = db.session.scalars(select(AppleRevocation)).one()
        row.attempts = MAX_ATTEMPTS - 1
        db.session.commit()
        assert revoke_due(row.next_attempt_at).abandoned == 1
    assert _revocations(app) == []
    assert "Apple token revocation abandoned" in caplog.text


def test_a_token_apple_no_longer_knows_counts_as_revoked(client, app, signins, providers):
    account = _sign_up_with_code(signins, providers)
    providers.revoke_script.append("invalid_grant")
    client.delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])
    assert _revocations(app) == []


def test_revocations_wait_while_the_apple_key_is_not_configured(
    make_app, app, signins, providers, caplog
):
    account = _sign_up_with_code(signins, providers)
    providers.revoke_script.append("unavailable")
    app.test_client().delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])
    assert len(_revocations(app)) == 1

    caplog.set_level(logging.WARNING)
    unconfigured = make_app(APPLE_CLIENT_IDS=(providers.APPLE_CLIENT,))
    output = unconfigured.test_cli_runner().invoke(args=["notifications", "deliver"]).output
    assert "Apple tokens revoked 0, retrying 0, abandoned 0" in output
    assert "Apple revocations wait" in caplog.text
    assert len(_revocations(app)) == 1


def test_unlinking_apple_revokes_its_token(client, app, accounts, signins, providers):
    from tests.conftest import PASSWORD

    sam = accounts.register("Sam", email="sam@example.com")
    code = providers.authorization_code("001234.sam")
    linked = client.post(
        "/api/v1/me/identities",
        json={
            "provider": "apple",
            **signins.apple_body("001234.sam"),
            "authorization_code": code,
            "password": PASSWORD,
        },
        headers=sam["headers"],
    )
    assert linked.status_code == 201
    refresh_token = providers.exchanges[-1]["body"]["refresh_token"]

    response = client.delete("/api/v1/me/identities/apple", headers=sam["headers"])

    assert response.status_code == 204
    assert providers.revoked == [refresh_token]
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == []


def test_the_export_lists_linked_providers_and_never_a_token(client, signins, providers):
    account = _sign_up_with_code(signins, providers)
    refresh_token = providers.exchanges[-1]["body"]["refresh_token"]

    export = client.get("/api/v1/me/export", headers=account["headers"])

    assert export.status_code == 200
    body = export.get_json()
    (identity,) = body["identities"]
    assert identity["provider"] == "apple" and identity["email"] == "sam@example.com"
    assert set(identity) == {"provider", "email", "linked_at", "last_used_at"}
    assert body["profile"]["identities"] == ["apple"]
    assert body["profile"]["has_password"] is False
    text = export.get_data(as_text=True)
    assert refresh_token not in text
    assert "001234.sam" not in text  # Apple's id for the person stays out of the file too
    assert "token_encrypted" not in text and "gAAAAA" not in text


def test_a_failure_while_revoking_right_away_leaves_the_deletion_and_the_queue(
    client, app, signins, providers, monkeypatch
):
    from api.auth import revocations

    account = _sign_up_with_code(signins, providers)

    def broken(*_args, **_kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(revocations, "revoke_due", broken)
    response = client.delete("/api/v1/me", json=_fresh_proof(signins), headers=account["headers"])

    assert response.status_code == 204
    assert len(_revocations(app)) == 1  # the worker will get to it
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
