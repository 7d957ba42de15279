from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models import CheckIn, IdempotencyKey, db
from tests.conftest import checkin


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_a_check_in_is_created_with_its_derived_quadrant(client, accounts, clock):
    sam = accounts.register()
    response = client.post(
        "/api/v1/checkins",
        json={"tone": "overwhelmed", "energy": 3, "need": "to_be_heard", "note": "Long day."},
        headers=sam["headers"],
    )
    assert response.status_code == 201
    body = response.get_json()
    assert body["author_id"] == sam["user"]["id"]
    assert body["quadrant"] == "low_unpleasant"
    assert body["visibility"] == "partner"
    assert body["need"] == "to_be_heard"
    assert body["note"] == "Long day."
    assert body["responses"] == []
    assert datetime.fromisoformat(body["recorded_at"]) == clock.current
    assert datetime.fromisoformat(body["created_at"]) == clock.current
    uuid.UUID(body["id"])


@pytest.mark.parametrize(
    ("tone", "energy", "quadrant"),
    [
        ("angry", 6, "high_unpleasant"),
        ("sad", 5, "low_unpleasant"),
        ("calm", 2, "low_pleasant"),
        ("excited", 10, "high_pleasant"),
        ("okay", 9, "neutral"),
    ],
)
def test_the_quadrant_follows_tone_and_energy(client, accounts, tone, energy, quadrant):
    sam = accounts.register()
    assert checkin(client, sam, tone=tone, energy=energy)["quadrant"] == quadrant


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tone", "meh"),
        ("energy", 0),
        ("energy", 11),
        ("energy", 5.5),
        ("energy", "5"),
        ("energy", True),
        ("need", "pizza"),
        ("note", "x" * 1001),
        ("note", "nul\u0000"),
        ("visibility", "public"),
        ("recorded_at", "2026-11-29T10:00:00"),
        ("recorded_at", "yesterday"),
        ("id", "not-a-uuid"),
        ("author_id", str(uuid.uuid4())),
        ("created_at", "2026-11-29T10:00:00Z"),
        ("quadrant", "neutral"),
        ("responses", []),
    ],
)
def test_bad_check_in_fields_are_422_and_store_nothing(client, accounts, app, field, value):
    sam = accounts.register()
    body = {"tone": "sad", "energy": 3, field: value}
    response = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error"
    assert field in response.get_json()["errors"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_tone_and_energy_are_required(client, accounts):
    sam = accounts.register()
    response = client.post("/api/v1/checkins", json={}, headers=sam["headers"])
    assert set(response.get_json()["errors"]) == {"tone", "energy"}


def test_a_note_of_1000_characters_is_fine(client, accounts):
    sam = accounts.register()
    assert len(checkin(client, sam, note="x" * 1000)["note"]) == 1000


def test_recorded_at_may_be_up_to_7_days_old_and_5_minutes_ahead(client, accounts, clock):
    sam = accounts.register()
    old = checkin(client, sam, recorded_at=_iso(clock.current - timedelta(days=7)))
    assert datetime.fromisoformat(old["recorded_at"]) == clock.current - timedelta(days=7)
    checkin(client, sam, recorded_at=_iso(clock.current + timedelta(minutes=5)))
    an_hour_ago_in_berlin = (clock.current - timedelta(hours=1)).astimezone(
        ZoneInfo("Europe/Berlin")
    )
    offset = checkin(client, sam, recorded_at=an_hour_ago_in_berlin.isoformat())
    assert datetime.fromisoformat(offset["recorded_at"]) == clock.current - timedelta(hours=1)
    assert offset["recorded_at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("delta", "message"),
    [
        (timedelta(minutes=5, seconds=1), "Must not be in the future."),
        (-timedelta(days=7, seconds=1), "Must not be older than 7 days."),
    ],
)
def test_recorded_at_outside_the_window_is_422(client, accounts, clock, delta, message):
    sam = accounts.register()
    response = client.post(
        "/api/v1/checkins",
        json={"tone": "sad", "energy": 3, "recorded_at": _iso(clock.current + delta)},
        headers=sam["headers"],
    )
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"recorded_at": [message]}


def test_posting_the_same_id_and_body_again_returns_the_stored_check_in(client, accounts, app):
    sam = accounts.register()
    checkin_id = str(uuid.uuid4())
    body = {"id": checkin_id, "tone": "sad", "energy": 2, "note": "offline"}
    first = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    again = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    assert first.status_code == 201 and again.status_code == 200
    assert again.get_json() == first.get_json()
    assert first.get_json()["id"] == checkin_id
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1


def test_a_replay_without_recorded_at_is_still_the_same_request(client, accounts, clock):
    sam = accounts.register()
    body = {"id": str(uuid.uuid4()), "tone": "sad", "energy": 2}
    first = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    clock.advance(minutes=10)
    again = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    assert again.status_code == 200
    assert again.get_json()["recorded_at"] == first.get_json()["recorded_at"]


def test_the_same_id_with_a_different_body_is_idempotency_conflict(client, accounts):
    sam = accounts.register()
    checkin_id = str(uuid.uuid4())
    client.post(
        "/api/v1/checkins",
        json={"id": checkin_id, "tone": "sad", "energy": 2},
        headers=sam["headers"],
    )
    response = client.post(
        "/api/v1/checkins",
        json={"id": checkin_id, "tone": "sad", "energy": 3},
        headers=sam["headers"],
    )
    assert response.status_code == 409
    assert response.get_json()["code"] == "idempotency_conflict"


def test_an_id_used_by_another_account_is_409_and_reveals_nothing(client, accounts):
    sam, kim = accounts.register("Sam"), accounts.register("Kim")
    checkin_id = str(uuid.uuid4())
    body = {"id": checkin_id, "tone": "sad", "energy": 2, "note": "secret"}
    client.post("/api/v1/checkins", json=body, headers=sam["headers"])

    same_body = client.post("/api/v1/checkins", json=body, headers=kim["headers"])
    other_body = client.post(
        "/api/v1/checkins", json={**body, "note": "mine"}, headers=kim["headers"]
    )
    assert same_body.status_code == other_body.status_code == 409
    assert same_body.get_json() == other_body.get_json()
    assert "secret" not in same_body.get_data(as_text=True)
    assert checkin_id not in same_body.get_data(as_text=True)


def test_an_idempotency_key_replays_with_200_and_conflicts_on_another_body(client, accounts, app):
    sam = accounts.register()
    headers = {**sam["headers"], "Idempotency-Key": "retry-1"}
    first = client.post("/api/v1/checkins", json={"tone": "sad", "energy": 2}, headers=headers)
    again = client.post("/api/v1/checkins", json={"tone": "sad", "energy": 2}, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["id"] == first.get_json()["id"]
    other = client.post("/api/v1/checkins", json={"tone": "sad", "energy": 9}, headers=headers)
    assert other.status_code == 409
    assert other.get_json()["code"] == "idempotency_conflict"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1


def test_idempotency_keys_are_scoped_per_user(client, accounts):
    sam, kim = accounts.register("Sam"), accounts.register("Kim")
    body = {"tone": "sad", "energy": 2}
    first = client.post(
        "/api/v1/checkins", json=body, headers={**sam["headers"], "Idempotency-Key": "k"}
    )
    theirs = client.post(
        "/api/v1/checkins", json=body, headers={**kim["headers"], "Idempotency-Key": "k"}
    )
    assert theirs.status_code == 201
    assert theirs.get_json()["id"] != first.get_json()["id"]


def test_idempotency_keys_hold_for_24_hours_and_then_expire(client, accounts, clock, app):
    sam = accounts.register()
    headers = {**sam["headers"], "Idempotency-Key": "daily"}
    first = client.post("/api/v1/checkins", json={"tone": "sad", "energy": 2}, headers=headers)
    clock.advance(hours=24)
    assert (
        client.post(
            "/api/v1/checkins", json={"tone": "sad", "energy": 2}, headers=headers
        ).get_json()["id"]
        == first.get_json()["id"]
    )
    clock.advance(hours=25)
    fresh = client.post("/api/v1/checkins", json={"tone": "happy", "energy": 8}, headers=headers)
    assert fresh.status_code == 201
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(IdempotencyKey)) == 1


def test_an_unpaired_user_keeps_a_private_journal(client, accounts):
    sam = accounts.register()
    checkin(client, sam, tone="lonely", energy=2)
    page = client.get("/api/v1/checkins", headers=sam["headers"]).get_json()
    assert [c["tone"] for c in page["items"]] == ["lonely"]
    partner = client.get("/api/v1/checkins?author=partner", headers=sam["headers"]).get_json()
    assert partner == {"items": [], "next_cursor": None}


def test_the_partner_sees_shared_check_ins_but_never_private_ones(client, pair):
    alex, sam = pair()
    shared = checkin(client, sam, tone="sad", energy=2)
    private = checkin(client, sam, tone="angry", energy=8, visibility="private")

    seen = client.get("/api/v1/checkins?author=partner", headers=alex["headers"]).get_json()
    assert [c["id"] for c in seen["items"]] == [shared["id"]]
    both = client.get("/api/v1/checkins", headers=alex["headers"]).get_json()
    assert [c["id"] for c in both["items"]] == [shared["id"]]
    assert (
        client.get(f"/api/v1/checkins/{private['id']}", headers=alex["headers"]).status_code == 404
    )
    mine = client.get("/api/v1/checkins?author=me", headers=sam["headers"]).get_json()
    assert {c["id"] for c in mine["items"]} == {shared["id"], private["id"]}


def test_the_partner_never_sees_what_was_recorded_before_the_pairing(client, accounts, clock):
    sam, alex = accounts.register("Sam"), accounts.register("Alex")
    before = checkin(client, sam, tone="sad", energy=2)
    clock.advance(hours=1)
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    clock.advance(minutes=1)
    # Synced later from the phone, but recorded before the pairing: still not shared.
    backdated = checkin(
        client, sam, tone="hurt", energy=2, recorded_at=_iso(clock.current - timedelta(hours=2))
    )
    after = checkin(client, sam, tone="hopeful", energy=6)
    seen = client.get("/api/v1/checkins?author=partner", headers=alex["headers"]).get_json()
    assert [c["id"] for c in seen["items"]] == [after["id"]]
    for hidden in (before, backdated):
        assert (
            client.get(f"/api/v1/checkins/{hidden['id']}", headers=alex["headers"]).status_code
            == 404
        )


def test_a_recorded_at_ahead_of_the_clock_is_stored_as_the_time_of_the_post(
    client, accounts, clock
):
    sam = accounts.register()
    ahead = checkin(client, sam, recorded_at=_iso(clock.current + timedelta(minutes=4)))
    assert datetime.fromisoformat(ahead["recorded_at"]) == clock.current
    assert ahead["recorded_at"] == ahead["created_at"]
    # A retry of the same post is still the same request, and gets the stored answer.
    body = {"id": str(uuid.uuid4()), "tone": "sad", "energy": 3}
    body["recorded_at"] = _iso(clock.current + timedelta(minutes=3))
    first = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    clock.advance(seconds=30)
    again = client.post("/api/v1/checkins", json=body, headers=sam["headers"])
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["recorded_at"] == first.get_json()["recorded_at"]


def _pair_up(client, inviter, redeemer):
    code = client.post("/api/v1/invites", headers=inviter["headers"]).get_json()["code"]
    response = client.post("/api/v1/couple", json={"code": code}, headers=redeemer["headers"])
    assert response.status_code == 201


def test_a_check_in_dated_ahead_cannot_reach_a_pairing_that_begins_later(client, accounts, clock):
    alex, bo, cy = accounts.register("Alex"), accounts.register("Bo"), accounts.register("Cy")
    _pair_up(client, alex, cy)
    ahead = checkin(client, alex, recorded_at=_iso(clock.current + timedelta(minutes=4)))
    private_answer = client.post(
        f"/api/v1/checkins/{ahead['id']}/responses",
        json={"kind": "comfort", "message": "Only for Alex"},
        headers=cy["headers"],
    )
    assert private_answer.status_code == 201
    clock.advance(minutes=1)
    client.delete("/api/v1/couple", headers=alex["headers"])
    clock.advance(minutes=1)
    _pair_up(client, alex, bo)  # within the 4 minutes the check-in was dated ahead
    assert client.get(f"/api/v1/checkins/{ahead['id']}", headers=bo["headers"]).status_code == 404
    seen = client.get("/api/v1/checkins?author=partner", headers=bo["headers"]).get_json()
    assert seen["items"] == []
    prompts = client.get("/api/v1/prompts", headers=bo["headers"]).get_json()
    assert prompts["partner_checkin"] is None


def test_after_unpairing_neither_sees_the_other(client, pair):
    alex, sam = pair()
    theirs = checkin(client, sam)
    client.delete("/api/v1/couple", headers=alex["headers"])
    assert (
        client.get(f"/api/v1/checkins/{theirs['id']}", headers=alex["headers"]).status_code == 404
    )
    page = client.get("/api/v1/checkins", headers=alex["headers"]).get_json()
    assert page["items"] == []
    assert client.get(f"/api/v1/checkins/{theirs['id']}", headers=sam["headers"]).status_code == 200


def test_pages_are_newest_first_and_the_cursor_walks_them_all(client, accounts, clock):
    sam = accounts.register()
    start = clock.current
    posted = [
        checkin(client, sam, energy=1 + i % 10, recorded_at=_iso(start - timedelta(hours=i)))
        for i in range(7)
    ]
    seen, cursor = [], None
    while True:
        url = "/api/v1/checkins?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=sam["headers"]).get_json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [c["id"] for c in posted]


def test_the_cursor_is_stable_when_timestamps_tie_and_new_check_ins_arrive(client, accounts, clock):
    sam = accounts.register()
    tied = [checkin(client, sam) for _ in range(5)]  # the frozen clock gives them one instant
    first = client.get("/api/v1/checkins?limit=2", headers=sam["headers"]).get_json()
    clock.advance(minutes=1)
    checkin(client, sam, tone="happy", energy=8)  # arrives between two page reads
    rest, cursor = [], first["next_cursor"]
    while cursor:
        page = client.get(
            f"/api/v1/checkins?limit=2&cursor={cursor}", headers=sam["headers"]
        ).get_json()
        rest += page["items"]
        cursor = page["next_cursor"]
    ids = [c["id"] for c in first["items"] + rest]
    assert sorted(ids) == sorted(c["id"] for c in tied)
    assert len(set(ids)) == 5


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=99999999999999999999",
        "author=them",
        "cursor=garbage!!",
        "cursor=bm90LWEtY3Vyc29y",
        "page=2",
    ],
)
def test_bad_list_arguments_are_422(client, accounts, query):
    sam = accounts.register()
    response = client.get(f"/api/v1/checkins?{query}", headers=sam["headers"])
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["code"] == "validation_error"


def test_a_single_check_in_has_an_etag_and_answers_304(client, accounts):
    sam = accounts.register()
    posted = checkin(client, sam)
    first = client.get(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"])
    assert first.status_code == 200
    etag = first.headers["ETag"]
    again = client.get(
        f"/api/v1/checkins/{posted['id']}", headers={**sam["headers"], "If-None-Match": etag}
    )
    assert again.status_code == 304
    assert again.data == b""


def test_the_etag_changes_when_a_response_arrives(client, pair):
    alex, sam = pair()
    posted = checkin(client, sam)
    etag = client.get(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"]).headers["ETag"]
    client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "presence"},
        headers=alex["headers"],
    )
    response = client.get(
        f"/api/v1/checkins/{posted['id']}", headers={**sam["headers"], "If-None-Match": etag}
    )
    assert response.status_code == 200
    assert len(response.get_json()["responses"]) == 1


def test_deleting_a_check_in_removes_it_and_its_responses(client, pair, app):
    alex, sam = pair()
    posted = checkin(client, sam)
    client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    )
    assert (
        client.delete(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"]).status_code == 204
    )
    url = f"/api/v1/checkins/{posted['id']}"
    assert client.get(url, headers=sam["headers"]).status_code == 410
    assert client.get(url, headers=alex["headers"]).status_code == 404
    with app.app_context():
        from models import Response

        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_listing_costs_the_same_statements_for_1_and_100_check_ins(client, pair, count_statements):
    alex, sam = pair()
    first = checkin(client, sam)
    client.post(
        f"/api/v1/checkins/{first['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    )

    def list_both():
        response = client.get("/api/v1/checkins?limit=100", headers=alex["headers"])
        assert response.status_code == 200
        return response

    one = count_statements(list_both)
    for i in range(99):
        posted = checkin(client, sam if i % 2 else alex, energy=1 + i % 10)
        if i % 2:
            client.post(
                f"/api/v1/checkins/{posted['id']}/responses",
                json={"kind": "presence"},
                headers=alex["headers"],
            )
    hundred = count_statements(list_both)
    assert len(list_both().get_json()["items"]) == 100
    assert one.count == hundred.count <= 4, hundred.statements
