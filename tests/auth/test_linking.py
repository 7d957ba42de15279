"""Linking and unlinking Apple and Google, and confirming a deletion with an identity."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from models import Identity, User, db
from tests.conftest import PASSWORD, auth_headers


def _count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _link(client, user, body, **extra):
    return client.post("/api/v1/me/identities", json={**body, **extra}, headers=user["headers"])


def test_a_password_account_links_google_with_its_password_and_then_signs_in_with_it(
    client, accounts, signins
):
    sam = accounts.register("Sam", email="sam@example.com")
    token = {"provider": "google", **signins.google_body("1098", email="sam@gmail.com")}

    response = _link(client, sam, token, password=PASSWORD)

    assert response.status_code == 201
    user = response.get_json()
    assert user["id"] == sam["user"]["id"]
    assert user["identities"] == ["google"] and user["has_password"] is True
    assert user["email"] == "sam@example.com"  # the account's email does not change
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == ["google"]
    again = signins.google("1098", email="sam@gmail.com")
    assert again.status_code == 200
    assert again.get_json()["user"]["id"] == sam["user"]["id"]


def test_linking_needs_the_password_of_an_account_that_has_one(client, app, accounts, signins):
    sam = accounts.register("Sam")
    for extra in ({}, {"password": "not my password"}):
        body = {"provider": "google", **signins.google_body("1098")}
        response = _link(client, sam, body, **extra)
        assert response.status_code == 401, extra
        assert response.get_json()["code"] == "invalid_credentials"
    assert _count(app, Identity) == 0


def test_the_email_that_had_an_account_links_after_signing_in(client, app, accounts, signins):
    sam = accounts.register("Sam", email="sam@example.com")
    body = signins.apple_body("001234.sam", email="sam@example.com")
    refused = signins.post("apple", body)
    assert refused.get_json()["code"] == "account_exists"

    # The app signs in with the password and links the same (still unused) token.
    login = client.post("/api/v1/auth/login", json={"email": sam["email"], "password": PASSWORD})
    signed_in = {"headers": auth_headers(login.get_json()["access_token"])}
    linked = _link(client, signed_in, {"provider": "apple", **body}, password=PASSWORD)

    assert linked.status_code == 201
    assert linked.get_json()["identities"] == ["apple"]
    assert (
        signins.apple("001234.sam", email="sam@example.com").get_json()["user"]["id"]
        == (sam["user"]["id"])
    )
    assert _count(app, User) == 1


def test_an_identity_of_another_account_cannot_be_linked(client, app, accounts, signins):
    kim = signins.account("google", "1098")
    sam = accounts.register("Sam")
    response = _link(
        client, sam, {"provider": "google", **signins.google_body("1098")}, password=PASSWORD
    )

    assert response.status_code == 409
    assert response.get_json()["code"] == "identity_taken"
    with app.app_context():
        (owner,) = db.session.scalars(select(Identity.user_id)).all()
    assert str(owner) == kim["user"]["id"]


def test_linking_the_same_identity_again_is_harmless(client, accounts, signins):
    sam = accounts.register("Sam")
    first = _link(
        client, sam, {"provider": "google", **signins.google_body("1098")}, password=PASSWORD
    )
    again = _link(
        client, sam, {"provider": "google", **signins.google_body("1098")}, password=PASSWORD
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["identities"] == ["google"]


def test_a_second_id_of_one_provider_waits_until_the_first_is_unlinked(client, accounts, signins):
    sam = accounts.register("Sam")
    _link(client, sam, {"provider": "apple", **signins.apple_body("001234.a")}, password=PASSWORD)
    response = _link(
        client, sam, {"provider": "apple", **signins.apple_body("001234.b")}, password=PASSWORD
    )
    assert response.status_code == 409
    assert response.get_json()["code"] == "already_linked"


def test_linking_apple_needs_its_nonce(client, accounts, signins, providers):
    sam = accounts.register("Sam")
    token = providers.mint("apple", "001234.a", nonce="n")
    response = _link(client, sam, {"provider": "apple", "id_token": token}, password=PASSWORD)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"nonce": ["Required for Apple."]}


def test_a_provider_only_account_links_from_a_fresh_sign_in_not_a_refreshed_token(
    client, app, signins
):
    sam = signins.account("apple", "001234.sam")
    refreshed = client.post(
        "/api/v1/auth/refresh", headers=auth_headers(sam["refresh_token"])
    ).get_json()
    body = {"provider": "google", **signins.google_body("1098")}

    stale = _link(client, {"headers": auth_headers(refreshed["access_token"])}, body)
    assert stale.status_code == 401
    assert stale.get_json()["code"] == "fresh_token_required"
    assert _count(app, Identity) == 1

    signed_in = signins.apple("001234.sam").get_json()
    fresh = _link(client, {"headers": auth_headers(signed_in["access_token"])}, body)
    assert fresh.status_code == 201
    assert fresh.get_json()["identities"] == ["apple", "google"]
    assert fresh.get_json()["has_password"] is False


def test_unlinking_keeps_at_least_one_way_in(client, app, signins):
    sam = signins.account("apple", "001234.sam")
    response = client.delete("/api/v1/me/identities/apple", headers=sam["headers"])
    assert response.status_code == 409
    assert response.get_json()["code"] == "last_sign_in_method"
    assert _count(app, Identity) == 1

    _link(client, sam, {"provider": "google", **signins.google_body("1098")})
    assert client.delete("/api/v1/me/identities/apple", headers=sam["headers"]).status_code == 204
    assert client.get("/api/v1/me", headers=sam["headers"]).get_json()["identities"] == ["google"]
    last = client.delete("/api/v1/me/identities/google", headers=sam["headers"])
    assert last.status_code == 409 and last.get_json()["code"] == "last_sign_in_method"
    # The unlinked Apple ID is a stranger now: signing in with it makes a new account.
    assert signins.apple("001234.sam").status_code == 201


def test_a_password_account_may_unlink_its_only_identity(client, accounts, signins):
    sam = accounts.register("Sam")
    _link(client, sam, {"provider": "google", **signins.google_body("1098")}, password=PASSWORD)
    assert client.delete("/api/v1/me/identities/google", headers=sam["headers"]).status_code == 204


def test_unlinking_a_provider_that_is_not_linked_is_404(client, accounts):
    sam = accounts.register("Sam")
    response = client.delete("/api/v1/me/identities/apple", headers=sam["headers"])
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"
    assert (
        client.delete("/api/v1/me/identities/facebook", headers=sam["headers"]).status_code == 404
    )


def _delete(client, user, body):
    return client.delete("/api/v1/me", json=body, headers=user["headers"])


def test_an_account_without_a_password_is_deleted_with_a_fresh_token_of_its_identity(
    client, app, signins
):
    sam = signins.account("apple", "001234.sam")
    response = _delete(client, sam, {"provider": "apple", **signins.apple_body("001234.sam")})
    assert response.status_code == 204
    assert _count(app, User) == 0 and _count(app, Identity) == 0
    assert client.get("/api/v1/me", headers=sam["headers"]).status_code == 401


def test_deletion_refuses_a_token_older_than_five_minutes(client, app, signins, clock, caplog):
    caplog.set_level(logging.INFO)
    sam = signins.account("google", "1098")
    old = signins.google_body("1098", issued_at=clock.current.timestamp(), lifetime=3600)
    clock.advance(minutes=5, seconds=1)

    response = _delete(client, sam, {"provider": "google", **old})

    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_identity_token"
    (refusal,) = [r for r in caplog.records if r.getMessage() == "identity token refused"]
    assert refusal.reason == "not issued within the last five minutes"
    assert _count(app, User) == 1
    recent = signins.google_body("1098", issued_at=clock.current.timestamp() - 240)
    assert _delete(client, sam, {"provider": "google", **recent}).status_code == 204


def test_deletion_refuses_a_token_of_someone_elses_identity(client, app, signins):
    sam = signins.account("apple", "001234.sam")
    signins.account("apple", "001234.kim")
    for body in (
        {"provider": "apple", **signins.apple_body("001234.kim")},  # another account's
        {"provider": "apple", **signins.apple_body("001234.nobody")},  # nobody's
    ):
        response = _delete(client, sam, body)
        assert response.status_code == 401
        assert response.get_json()["code"] == "invalid_identity_token"
    assert _count(app, User) == 2


def test_deletion_refuses_a_replayed_apple_token(client, app, signins):
    sam = signins.account("apple", "001234.sam")
    body = signins.apple_body("001234.sam")
    assert signins.post("apple", body).status_code == 200  # the token was used to sign in
    response = _delete(client, sam, {"provider": "apple", **body})
    assert response.status_code == 401
    assert _count(app, User) == 1


def test_an_account_without_a_password_cannot_be_deleted_with_a_password(client, app, signins):
    sam = signins.account("apple", "001234.sam")
    response = _delete(client, sam, {"password": PASSWORD})
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_credentials"
    assert _count(app, User) == 1


def test_an_account_with_a_password_is_deleted_only_with_it(client, app, accounts, signins):
    sam = accounts.register("Sam")
    _link(client, sam, {"provider": "google", **signins.google_body("1098")}, password=PASSWORD)
    response = _delete(client, sam, {"provider": "google", **signins.google_body("1098")})
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_credentials"
    assert _delete(client, sam, {"password": PASSWORD}).status_code == 204


def test_deletion_takes_a_password_or_a_token_but_not_both_nor_neither(client, signins):
    sam = signins.account("apple", "001234.sam")
    token = {"provider": "apple", **signins.apple_body("001234.sam")}
    for body in ({}, {**token, "password": PASSWORD}, {"provider": "apple"}, {"id_token": "x"}):
        assert _delete(client, sam, body).status_code == 422, body


def test_the_partner_keeps_their_data_when_a_provider_account_leaves(client, signins, clock):
    from tests.conftest import checkin

    alex = signins.account("google", "1098")
    sam = signins.account("apple", "001234.sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    assert (
        client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"]).status_code
        == 201
    )
    checkin(client, alex, note="alex's own")
    clock.advance(minutes=1)

    assert (
        _delete(client, sam, {"provider": "apple", **signins.apple_body("001234.sam")}).status_code
        == 204
    )

    assert client.get("/api/v1/couple", headers=alex["headers"]).get_json()["code"] == "not_paired"
    mine = client.get("/api/v1/checkins?author=me", headers=alex["headers"]).get_json()
    assert [c["note"] for c in mine["items"]] == ["alex's own"]
