"""Deleting leaves a tombstone: a queued retry never brings a check-in back, its author
hears 410 `deleted`, and nobody else learns anything."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from api.notifications.worker import enqueue_reminders
from models import CheckIn, IdempotencyKey, Notification, Response, db
from tests.conftest import checkin


def _post(client, user, body, key=None):
    headers = dict(user["headers"])
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post("/api/v1/checkins", json=body, headers=headers)


def _delete(client, user, checkin_id):
    return client.delete(f"/api/v1/checkins/{checkin_id}", headers=user["headers"])


def _get(client, user, checkin_id):
    return client.get(f"/api/v1/checkins/{checkin_id}", headers=user["headers"])


@pytest.mark.parametrize("via", ["id", "idempotency_key"])
def test_a_queued_retry_of_a_deleted_check_in_is_410_whatever_its_body(client, accounts, app, via):
    sam = accounts.register()
    body = {"tone": "sad", "energy": 2, "note": "offline"}
    key = None
    if via == "id":
        body["id"] = str(uuid.uuid4())
    else:
        key = "queued-1"
    posted = _post(client, sam, body, key).get_json()
    assert _delete(client, sam, posted["id"]).status_code == 204

    for retry in (body, {**body, "energy": 9, "note": "another body"}):
        response = _post(client, sam, retry, key)
        assert response.status_code == 410, response.get_json()
        assert response.get_json()["code"] == "deleted"
    assert client.get("/api/v1/checkins", headers=sam["headers"]).get_json()["items"] == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1


def test_a_late_retry_of_a_deleted_check_in_is_410_not_a_validation_error(client, accounts, clock):
    sam = accounts.register()
    body = {
        "id": str(uuid.uuid4()),
        "tone": "sad",
        "energy": 2,
        "recorded_at": (clock.current - timedelta(days=6)).isoformat(),
    }
    assert _post(client, sam, body).status_code == 201
    _delete(client, sam, body["id"])
    clock.advance(days=3)  # recorded_at is now 9 days old

    response = _post(client, sam, body)
    assert response.status_code == 410
    assert response.get_json()["code"] == "deleted"


def test_another_account_posting_a_deleted_id_gets_409_and_learns_nothing(client, accounts):
    sam, kim = accounts.register("Sam"), accounts.register("Kim")
    deleted_id, live_id = str(uuid.uuid4()), str(uuid.uuid4())
    for checkin_id in (deleted_id, live_id):
        _post(client, sam, {"id": checkin_id, "tone": "sad", "energy": 2})
    _delete(client, sam, deleted_id)

    on_deleted = _post(client, kim, {"id": deleted_id, "tone": "sad", "energy": 2})
    on_live = _post(client, kim, {"id": live_id, "tone": "sad", "energy": 2})
    assert on_deleted.status_code == on_live.status_code == 409
    assert on_deleted.get_json() == on_live.get_json()
    assert on_deleted.get_json()["code"] == "idempotency_conflict"


def test_the_author_reads_410_anyone_else_404_and_deleting_again_is_204(client, pair, accounts):
    alex, sam = pair()
    kim = accounts.register("Kim")
    posted = checkin(client, sam)
    assert _delete(client, alex, posted["id"]).status_code == 403  # while it lives
    assert _delete(client, sam, posted["id"]).status_code == 204

    gone = _get(client, sam, posted["id"])
    assert gone.status_code == 410 and gone.get_json()["code"] == "deleted"
    for other in (alex, kim):
        response = _get(client, other, posted["id"])
        assert response.status_code == 404 and response.get_json()["code"] == "not_found"
        assert _delete(client, other, posted["id"]).status_code == 404
    assert _delete(client, sam, posted["id"]).status_code == 204
    assert _get(client, sam, str(uuid.uuid4())).status_code == 404


def test_a_tombstone_keeps_the_id_and_forgets_what_it_said(client, pair, app):
    alex, sam = pair()
    headers = {**sam["headers"], "Idempotency-Key": "k-1"}
    posted = client.post(
        "/api/v1/checkins",
        json={"tone": "angry", "energy": 9, "need": "space", "note": "about work"},
        headers=headers,
    ).get_json()
    client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "presence", "message": "here"},
        headers=alex["headers"],
    )
    _delete(client, sam, posted["id"])

    with app.app_context():
        row = db.session.get(CheckIn, uuid.UUID(posted["id"]))
        assert row is not None and row.deleted_at is not None
        assert (row.tone, row.energy, row.need, row.note, row.request_hash) == (
            None,
            None,
            None,
            None,
            "",
        )
        assert row.visibility == "partner" and str(row.author_id) == sam["user"]["id"]
        (key,) = db.session.scalars(select(IdempotencyKey)).all()
        assert key.checkin_id == row.id and key.request_hash == ""
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_responses_to_a_deleted_check_in_go_and_cannot_be_added_or_rated(client, pair):
    alex, sam = pair()
    posted = checkin(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    ).get_json()
    _delete(client, sam, posted["id"])

    again = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    )
    assert again.status_code == 404
    own = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect"},
        headers=sam["headers"],
    )
    assert own.status_code == 410
    rated = client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )
    assert rated.status_code == 404


def test_a_deleted_check_in_leaves_lists_prompts_and_summaries(client, pair):
    alex, sam = pair()
    kept = checkin(client, sam, tone="calm", energy=4)
    deleted = checkin(client, sam, tone="angry", energy=9, need="space")
    mine_deleted = checkin(client, alex, tone="sad", energy=2)
    _delete(client, sam, deleted["id"])
    _delete(client, alex, mine_deleted["id"])

    for author in ("me", "partner", "both"):
        for user in (alex, sam):
            page = client.get(f"/api/v1/checkins?author={author}", headers=user["headers"])
            ids = {c["id"] for c in page.get_json()["items"]}
            assert deleted["id"] not in ids and mine_deleted["id"] not in ids
    prompts = client.get("/api/v1/prompts?detail=full", headers=alex["headers"]).get_json()
    assert prompts["partner_checkin"]["id"] == kept["id"]
    assert prompts["my_checkin"] is None
    assert "need:space" not in str(prompts)
    assert (
        client.get(f"/api/v1/checkins/{deleted['id']}/prompts", headers=sam["headers"]).status_code
        == 410
    )
    assert (
        client.get(f"/api/v1/checkins/{deleted['id']}/prompts", headers=alex["headers"]).status_code
        == 404
    )
    summary = client.get("/api/v1/couple/summary", headers=alex["headers"]).get_json()
    assert [p["checkins"] for p in summary["partners"]] == [0, 1]
    trend = client.get("/api/v1/couple/summaries?weeks=1", headers=alex["headers"]).get_json()
    assert trend["weeks"][0]["checkins"] == [0, 1]


def test_a_deleted_check_in_does_not_count_as_checking_in_today(client, accounts, app, clock):
    sam = accounts.register()
    client.patch("/api/v1/me", json={"reminder_time": "00:00"}, headers=sam["headers"])
    posted = checkin(client, sam)
    _delete(client, sam, posted["id"])
    moment = clock.current.replace(hour=0, minute=30)
    with app.app_context():
        assert enqueue_reminders(moment) == 1
        assert (
            db.session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.kind == "reminder")
            )
            == 1
        )


def test_the_export_lists_a_deleted_check_in_apart_with_only_what_is_kept(client, accounts):
    sam = accounts.register()
    kept = checkin(client, sam, note="stays")
    deleted = checkin(client, sam, note="goes", visibility="private")
    _delete(client, sam, deleted["id"])

    export = client.get("/api/v1/me/export", headers=sam["headers"]).get_json()
    assert [c["id"] for c in export["checkins"]] == [kept["id"]]
    (tombstone,) = export["deleted_checkins"]
    assert tombstone["id"] == deleted["id"]
    assert set(tombstone) == {"id", "visibility", "recorded_at", "created_at", "deleted_at"}
    assert tombstone["visibility"] == "private"
    assert "goes" not in str(export)


def test_a_recorded_at_ahead_of_the_clock_is_stored_as_the_time_of_the_post(
    client, accounts, clock
):
    sam = accounts.register()
    body = {
        "id": str(uuid.uuid4()),
        "tone": "sad",
        "energy": 2,
        "recorded_at": (clock.current + timedelta(minutes=4)).isoformat(),
    }
    first = _post(client, sam, body)
    assert first.status_code == 201
    assert first.get_json()["recorded_at"] == clock.current.isoformat()
    clock.advance(minutes=10)
    assert _post(client, sam, body).status_code == 200  # the retry still matches
