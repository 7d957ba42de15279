"""Pushes are checked again when they are sent (issue 16, items 2 and 3).

A notification waits in the outbox (quiet hours can hold it for ten hours). When the
worker sends it, the recipient must still be able to see what it is about: the check-in
exists, is shared, and was recorded within the recipient's current pairing with its
author; a pairing push needs the pairing to be on; a response needs the response. If
not, the row is dropped, not sent, and says why. A check-in recorded before the
pairing is never announced at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from api.notifications.worker import deliver_pass
from models import Notification, db
from tests.conftest import PASSWORD, Accounts, checkin

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def couple(app, client, clock, fcm, fcm_sender):
    """Alex and Sam, paired, each with a phone; the "you're paired" push already sent."""
    clock.current = NOON
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    for user, token in ((alex, "alex-phone"), (sam, "sam-phone")):
        client.post(
            "/api/v1/devices", json={"platform": "ios", "token": token}, headers=user["headers"]
        )
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    assert _deliver(app, fcm_sender, clock).sent == 1
    fcm.delivered.clear()
    return alex, sam


def _deliver(app, sender, clock):
    with app.app_context():
        return deliver_pass(sender, clock.current)


def _rows(app, kind=None):
    with app.app_context():
        statement = select(Notification).order_by(Notification.created_at)
        if kind:
            statement = statement.where(Notification.kind == kind)
        return db.session.scalars(statement).all()


def _sent_texts(fcm):
    return [m["notification"]["body"] for m in fcm.delivered]


def test_a_check_in_deleted_before_its_push_is_sent_is_not_announced(
    app, client, couple, clock, fcm, fcm_sender
):
    _alex, sam = couple
    posted = checkin(client, sam, tone="hurt", energy=2)
    client.delete(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"])
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    assert fcm.delivered == []
    (row,) = _rows(app, "partner_checkin")
    assert row.status == "dropped"
    assert row.last_error == "the check-in is gone or no longer visible to the recipient"
    assert row.sent_at is None
    assert _deliver(app, fcm_sender, clock).dropped == 0  # decided once


def test_a_push_held_by_quiet_hours_is_dropped_if_the_pairing_ended_meanwhile(
    app, client, couple, clock, fcm, fcm_sender
):
    alex, sam = couple
    client.patch(
        "/api/v1/me",
        json={"quiet_hours": {"start": "11:00", "end": "21:00"}},
        headers=alex["headers"],
    )
    checkin(client, sam, tone="hurt", energy=2)
    assert _deliver(app, fcm_sender, clock).deferred == 1
    clock.advance(hours=2)
    client.delete("/api/v1/couple", headers=sam["headers"])
    clock.advance(hours=8)  # quiet hours are over
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    assert "checked in" not in " ".join(_sent_texts(fcm))
    assert _rows(app, "partner_checkin")[0].status == "dropped"


def test_the_author_deleting_their_account_drops_the_push_about_their_check_in(
    app, client, couple, clock, fcm, fcm_sender
):
    _alex, sam = couple
    checkin(client, sam, tone="hurt", energy=2)
    response = client.delete("/api/v1/me", json={"password": PASSWORD}, headers=sam["headers"])
    assert response.status_code == 204
    report = _deliver(app, fcm_sender, clock)
    assert report.sent == 0 and fcm.delivered == []
    assert [r.status for r in _rows(app, "partner_checkin")] == ["dropped"]


def test_a_check_in_recorded_before_the_pairing_is_never_announced(app, client, clock, fcm_sender):
    clock.current = NOON
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    two_days_ago = (clock.current - timedelta(days=2)).isoformat()
    backdated = checkin(client, sam, tone="tired", energy=2, recorded_at=two_days_ago)
    assert (
        client.get(f"/api/v1/checkins/{backdated['id']}", headers=alex["headers"]).status_code
        == 404
    )
    assert _rows(app, "partner_checkin") == []
    checkin(client, sam, tone="calm", energy=5)  # recorded now, within the pairing
    assert len(_rows(app, "partner_checkin")) == 1


def test_a_check_in_of_an_earlier_pairing_is_not_announced_in_a_new_one(
    app, client, couple, clock, fcm, fcm_sender
):
    alex, sam = couple
    checkin(client, sam, tone="hurt", energy=2)  # queued while Alex was paired with Sam...
    client.delete("/api/v1/couple", headers=alex["headers"])
    clock.advance(minutes=1)
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    # ...and the same two pair again: the check-in belongs to the pairing that ended.
    report = _deliver(app, fcm_sender, clock)
    assert "Sam checked in" not in " ".join(_sent_texts(fcm))
    assert report.dropped == 1
    assert report.sent == 1  # the new "you're paired"


def test_a_pairing_push_is_dropped_when_the_pairing_ended_before_it_was_sent(
    app, client, clock, fcm, fcm_sender
):
    clock.current = NOON
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    client.post(
        "/api/v1/devices", json={"platform": "ios", "token": "alex"}, headers=alex["headers"]
    )
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    client.delete("/api/v1/couple", headers=sam["headers"])
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    (row,) = _rows(app, "paired")
    assert (row.status, row.last_error) == ("dropped", "the pairing has ended")


def test_a_response_push_is_dropped_when_the_check_in_and_its_responses_are_gone(
    app, client, couple, clock, fcm, fcm_sender
):
    alex, sam = couple
    posted = checkin(client, sam)
    _deliver(app, fcm_sender, clock)
    client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "comfort"},
        headers=alex["headers"],
    )
    client.delete(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"])
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    assert _rows(app, "response")[0].status == "dropped"


def test_a_felt_heard_push_is_dropped_when_the_pairing_ended(
    app, client, couple, clock, fcm, fcm_sender
):
    alex, sam = couple
    posted = checkin(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "comfort"},
        headers=alex["headers"],
    ).get_json()
    _deliver(app, fcm_sender, clock)
    fcm.delivered.clear()
    client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": False},
        headers=sam["headers"],
    )
    client.delete("/api/v1/couple", headers=sam["headers"])
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    assert fcm.delivered == []


def test_pushes_about_what_is_still_there_are_sent(app, client, couple, clock, fcm, fcm_sender):
    alex, sam = couple
    posted = checkin(client, sam, tone="hurt", energy=2)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "comfort"},
        headers=alex["headers"],
    ).get_json()
    client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (3, 0)
    assert {r.status for r in _rows(app)} == {"sent"}


def test_the_cli_reports_dropped_pushes(app, client, couple, clock, fcm_app):
    _alex, sam = couple
    posted = checkin(client, sam)
    client.delete(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"])
    fcm_app.config["CLOCK"] = lambda: clock.current
    result = fcm_app.test_cli_runner().invoke(args=["notifications", "deliver"])
    assert result.exit_code == 0, result.output
    assert "dropped 1" in result.output


def test_a_daily_question_push_is_dropped_when_the_pairing_ended_before_it_was_sent(
    app, client, couple, clock, fcm, fcm_sender
):
    alex, sam = couple
    question = client.get("/api/v1/questions/today", headers=sam["headers"]).get_json()
    answered = client.put(
        f"/api/v1/questions/{question['id']}/answer", json={"text": "Mine"}, headers=sam["headers"]
    )
    assert answered.status_code == 200
    client.delete("/api/v1/couple", headers=alex["headers"])
    report = _deliver(app, fcm_sender, clock)
    assert (report.sent, report.dropped) == (0, 1)
    (row,) = _rows(app, "question_answered")
    assert row.status == "dropped" and row.last_error == "the pairing has ended"


def test_a_daily_question_push_within_the_pairing_is_sent(
    app, client, couple, clock, fcm, fcm_sender
):
    _alex, sam = couple
    question = client.get("/api/v1/questions/today", headers=sam["headers"]).get_json()
    client.put(
        f"/api/v1/questions/{question['id']}/answer", json={"text": "Mine"}, headers=sam["headers"]
    )
    assert _deliver(app, fcm_sender, clock).sent == 1
    assert "Sam answered today's question" in " ".join(_sent_texts(fcm))
