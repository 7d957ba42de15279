"""Each change writes its notification row in the same transaction; private ones none."""

from __future__ import annotations

from sqlalchemy import select

from models import Notification, db
from tests.conftest import checkin


def _outbox(app):
    with app.app_context():
        return db.session.scalars(select(Notification).order_by(Notification.created_at)).all()


def test_a_shared_check_in_notifies_the_partner_without_the_note(client, pair, app):
    alex, sam = pair("Alex", "Sam")
    before = len(_outbox(app))
    posted = checkin(client, sam, tone="overwhelmed", energy=2, note="my boss yelled at me")
    (row,) = _outbox(app)[before:]
    assert str(row.user_id) == alex["user"]["id"]
    assert row.kind == "partner_checkin" and row.status == "pending"
    assert row.body == "Sam checked in: feeling overwhelmed, energy 2. Open for how to meet them."
    assert row.data == {"type": "partner_checkin", "checkin_id": posted["id"]}
    assert "boss" not in row.title + row.body + str(row.data)


def test_private_check_ins_and_retries_notify_no_one(client, pair, app):
    _, sam = pair()
    before = len(_outbox(app))
    checkin(client, sam, visibility="private")
    body = {"id": "5f0e8f4e-7f5d-4f6b-9d0a-1b2c3d4e5f60", "tone": "sad", "energy": 2}
    client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    client.post("/api/v1/checkins", json=body, headers=sam["headers"])  # a retry
    assert len(_outbox(app)) == before + 1


def test_an_unpaired_check_in_notifies_no_one(client, accounts, app):
    checkin(client, accounts.register())
    assert _outbox(app) == []


def test_a_partner_who_turned_check_in_pushes_off_is_not_notified(client, pair, app):
    alex, sam = pair()
    client.patch("/api/v1/me", json={"notify_partner_checkins": False}, headers=alex["headers"])
    before = len(_outbox(app))
    checkin(client, sam)
    assert len(_outbox(app)) == before


def test_responses_ratings_and_pairing_notify_the_other_person(client, accounts, app):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    posted = checkin(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    ).get_json()
    client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )
    client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )

    rows = [(r.kind, str(r.user_id), r.body) for r in _outbox(app)]
    assert rows == [
        ("paired", alex["user"]["id"], "Sam accepted your invite. You're paired!"),
        ("partner_checkin", alex["user"]["id"], rows[1][2]),
        ("response", sam["user"]["id"], "Alex responded to your check-in."),
        ("felt_heard", alex["user"]["id"], "Sam felt heard by your response."),
    ]
