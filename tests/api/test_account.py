"""Take your data and leave: the export, and deleting an account."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from models import (
    CheckIn,
    Couple,
    CoupleMember,
    Device,
    IdempotencyKey,
    Invite,
    Notification,
    Response,
    TokenFamily,
    User,
    db,
)
from tests.conftest import PASSWORD, checkin


def _respond(client, user, checkin_id, message):
    return client.post(
        f"/api/v1/checkins/{checkin_id}/responses",
        json={"kind": "reflect", "message": message},
        headers=user["headers"],
    ).get_json()


def _story(client, pair):
    """Alex and Sam check in, answer each other, rate the answers."""
    alex, sam = pair()
    alex_private = checkin(
        client, alex, tone="hurt", energy=2, visibility="private", note="alex private note"
    )
    alex_shared = checkin(client, alex, tone="tired", energy=3, note="alex shared note")
    sam_shared = checkin(client, sam, tone="happy", energy=8, note="sam note")
    to_alex = _respond(client, sam, alex_shared["id"], "sam words to alex")
    to_sam = _respond(client, alex, sam_shared["id"], "alex words to sam")
    client.put(
        f"/api/v1/responses/{to_alex['id']}/felt-heard",
        json={"felt_heard": True},
        headers=alex["headers"],
    )
    client.put(
        f"/api/v1/responses/{to_sam['id']}/felt-heard",
        json={"felt_heard": False},
        headers=sam["headers"],
    )
    client.post(
        "/api/v1/checkins",
        json={"tone": "okay", "energy": 5},
        headers={**alex["headers"], "Idempotency-Key": "alex-key-1"},
    )
    return alex, sam, alex_private, alex_shared, sam_shared, to_alex, to_sam


def test_the_export_holds_everything_about_the_caller_and_nothing_of_the_partner(client, pair):
    alex, sam, alex_private, alex_shared, sam_shared, to_alex, _ = _story(client, pair)

    response = client.get("/api/v1/me/export", headers=alex["headers"])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    export = response.get_json()
    assert export["profile"]["id"] == alex["user"]["id"]
    assert export["profile"]["email"] == alex["email"]
    assert {c["id"] for c in export["checkins"]} >= {alex_private["id"], alex_shared["id"]}
    assert {c["note"] for c in export["checkins"]} >= {"alex private note", "alex shared note"}
    assert [r["message"] for r in export["responses"]] == ["alex words to sam"]
    assert export["felt_heard_ratings"] == [
        {
            "response_id": to_alex["id"],
            "checkin_id": alex_shared["id"],
            "felt_heard": True,
            "rated_at": export["felt_heard_ratings"][0]["rated_at"],
        }
    ]
    (pairing,) = export["pairings"]
    assert pairing["partner_display_name"] == "Sam" and pairing["ended_at"] is None
    assert len(export["invites"]) == 1 and "code" not in export["invites"][0]
    assert export["sessions"] and "refresh_jti" not in json.dumps(export)
    assert [k["key"] for k in export["idempotency_keys"]] == ["alex-key-1"]

    text = json.dumps(export)
    for secret in (
        "sam note",
        "sam words to alex",
        sam["user"]["id"],
        sam["email"],
        sam_shared["id"],
    ):
        assert secret not in text, secret
    assert export["profile"]["has_password"] is True  # a fact, not the password
    for secret in ("argon2", alex["access_token"], alex["refresh_token"], '"password', "hash"):
        assert secret not in text, secret


def test_deleting_needs_the_password(client, accounts):
    sam = accounts.register()
    response = client.delete(
        "/api/v1/me", json={"password": "not my password"}, headers=sam["headers"]
    )
    assert response.status_code == 401
    assert response.get_json()["code"] == "invalid_credentials"
    assert client.get("/api/v1/me", headers=sam["headers"]).status_code == 200


def test_deleting_an_account_removes_all_of_it_and_keeps_the_partner_intact(client, pair, app):
    alex, sam, *_ = _story(client, pair)
    client.post("/api/v1/auth/login", json={"email": alex["email"], "password": PASSWORD})
    client.post(
        "/api/v1/devices", json={"platform": "ios", "token": "alex-phone"}, headers=alex["headers"]
    )
    alex_id, sam_id = alex["user"]["id"], sam["user"]["id"]

    response = client.delete("/api/v1/me", json={"password": PASSWORD}, headers=alex["headers"])
    assert response.status_code == 204

    with app.app_context():
        import uuid

        gone, kept = uuid.UUID(alex_id), uuid.UUID(sam_id)

        def count(model, *where):
            return db.session.scalar(select(func.count()).select_from(model).where(*where))

        assert count(User, User.id == gone) == 0
        assert count(CheckIn, CheckIn.author_id == gone) == 0
        assert count(Response, Response.author_id == gone) == 0
        assert count(Invite, Invite.creator_id == gone) == 0
        assert count(TokenFamily, TokenFamily.user_id == gone) == 0
        assert count(IdempotencyKey, IdempotencyKey.user_id == gone) == 0
        assert count(CoupleMember, CoupleMember.user_id == gone) == 0
        assert count(Device, Device.user_id == gone) == 0
        assert count(Notification, Notification.user_id == gone) == 0
        # The partner, their check-in and the couple's history stay; the pairing has ended.
        assert count(User, User.id == kept) == 1
        assert count(CheckIn, CheckIn.author_id == kept) == 1
        assert count(TokenFamily, TokenFamily.user_id == kept) == 1
        couple = db.session.scalars(select(Couple)).one()
        assert couple.ended_at is not None
        assert db.session.scalars(select(CoupleMember.active)).all() == [False]

    for path in ("/api/v1/me", "/api/v1/checkins"):
        assert client.get(path, headers=alex["headers"]).status_code == 401
    refresh = client.post(
        "/api/v1/auth/refresh", headers={"Authorization": f"Bearer {alex['refresh_token']}"}
    )
    assert refresh.status_code == 401
    login = client.post("/api/v1/auth/login", json={"email": alex["email"], "password": PASSWORD})
    assert login.status_code == 401

    assert client.get("/api/v1/couple", headers=sam["headers"]).get_json()["code"] == "not_paired"
    mine = client.get("/api/v1/checkins?author=me", headers=sam["headers"]).get_json()
    assert [c["note"] for c in mine["items"]] == ["sam note"]
    export = client.get("/api/v1/me/export", headers=sam["headers"]).get_json()
    assert export["pairings"][0]["ended_at"] is not None
    assert export["pairings"][0]["partner_display_name"] is None


def test_the_email_of_a_deleted_account_can_register_again(client, accounts):
    sam = accounts.register("Sam", email="sam@example.com")
    client.delete("/api/v1/me", json={"password": PASSWORD}, headers=sam["headers"])
    again = client.post(
        "/api/v1/auth/register",
        json={"email": "sam@example.com", "password": PASSWORD, "display_name": "Sam"},
    )
    assert again.status_code == 201
