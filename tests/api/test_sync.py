"""GET /sync: what changed for the caller since their cursor, decided when they read."""

from __future__ import annotations

import base64
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import Change, db
from tests.conftest import checkin


def _start(client, user):
    response = client.get("/api/v1/sync", headers=user["headers"])
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["changes"] == [] and body["has_more"] is False
    return body["next_cursor"]


def _sync(client, user, cursor, limit=100):
    response = client.get(f"/api/v1/sync?since={cursor}&limit={limit}", headers=user["headers"])
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _drain(client, user, cursor, limit=100):
    """Every change until has_more is false: (changes, the last cursor, pages)."""
    changes, pages = [], 0
    while True:
        page = _sync(client, user, cursor, limit)
        changes += page["changes"]
        cursor, pages = page["next_cursor"], pages + 1
        if not page["has_more"]:
            return changes, cursor, pages


def _kinds(changes):
    return [(c["type"], c["id"]) for c in changes]


def test_without_since_there_are_no_changes_and_a_cursor_for_now(client, pair):
    alex, sam = pair()
    checkin(client, sam)  # before the cursor: the app loads it with its lists
    cursor = _start(client, alex)
    page = _sync(client, alex, cursor)
    assert page["changes"] == [] and page["has_more"] is False
    later = checkin(client, sam)
    assert _kinds(_sync(client, alex, page["next_cursor"])["changes"]) == [("checkin", later["id"])]


def test_a_partners_check_in_arrives_and_its_deletion_arrives_as_removed(client, pair):
    alex, sam = pair()
    cursor = _start(client, alex)
    posted = checkin(client, sam, tone="sad", energy=2, note="long day")

    page = _sync(client, alex, cursor)
    assert _kinds(page["changes"]) == [("checkin", posted["id"])]
    shown = client.get(f"/api/v1/checkins/{posted['id']}", headers=alex["headers"]).get_json()
    assert page["changes"][0]["data"] == shown
    assert page["changes"][0]["at"] == posted["created_at"]

    client.delete(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"])
    after = _sync(client, alex, page["next_cursor"])
    assert after["changes"] == [
        {
            "type": "checkin_removed",
            "id": posted["id"],
            "at": after["changes"][0]["at"],
            "data": None,
        }
    ]
    assert _sync(client, alex, after["next_cursor"])["changes"] == []


def test_the_author_hears_of_their_own_check_ins_and_deletions(client, accounts):
    sam = accounts.register()
    cursor = _start(client, sam)
    private = checkin(client, sam, visibility="private")
    client.delete(f"/api/v1/checkins/{private['id']}", headers=sam["headers"])
    kept = checkin(client, sam)
    changes, _, _ = _drain(client, sam, cursor)
    assert _kinds(changes) == [("checkin_removed", private["id"]), ("checkin", kept["id"])]


def test_a_partner_never_sees_a_private_check_ins_id(client, pair):
    alex, sam = pair()
    cursor = _start(client, alex)
    private = checkin(client, sam, visibility="private", tone="angry", energy=9)
    client.delete(f"/api/v1/checkins/{private['id']}", headers=sam["headers"])
    client.delete("/api/v1/couple", headers=sam["headers"])

    response = client.get(f"/api/v1/sync?since={cursor}", headers=alex["headers"])
    assert private["id"] not in response.get_data(as_text=True)


def test_what_was_recorded_before_the_pairing_never_reaches_the_partner(client, pair, clock):
    alex, sam = pair()
    cursor = _start(client, alex)
    backdated = checkin(client, sam, recorded_at=(clock.current - timedelta(hours=2)).isoformat())
    client.delete(f"/api/v1/checkins/{backdated['id']}", headers=sam["headers"])
    client.delete("/api/v1/couple", headers=alex["headers"])
    response = client.get(f"/api/v1/sync?since={cursor}", headers=alex["headers"])
    assert backdated["id"] not in response.get_data(as_text=True)


def test_responses_and_ratings_bring_the_check_in_again_to_both(client, pair):
    alex, sam = pair()
    posted = checkin(client, sam)
    alex_cursor, sam_cursor = _start(client, alex), _start(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "comfort", "message": "I'm here"},
        headers=alex["headers"],
    ).get_json()
    client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )
    for user, cursor in ((alex, alex_cursor), (sam, sam_cursor)):
        changes = _sync(client, user, cursor)["changes"]
        assert _kinds(changes) == [("checkin", posted["id"])]  # each id once a page
        assert changes[0]["data"]["responses"][0]["felt_heard"] is True


def test_rating_the_same_way_again_changes_nothing(client, pair):
    alex, sam = pair()
    posted = checkin(client, sam)
    answer = client.post(
        f"/api/v1/checkins/{posted['id']}/responses",
        json={"kind": "comfort"},
        headers=alex["headers"],
    ).get_json()
    rate = lambda: client.put(  # noqa: E731
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": True},
        headers=sam["headers"],
    )
    rate()
    cursor = _start(client, sam)
    rate()
    assert _sync(client, sam, cursor)["changes"] == []


def test_pairing_arrives_as_the_couple_for_both(client, accounts):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    alex_cursor, sam_cursor = _start(client, alex), _start(client, sam)
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    couple = client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"]).get_json()
    for user, cursor in ((alex, alex_cursor), (sam, sam_cursor)):
        (change,) = _sync(client, user, cursor)["changes"]
        assert change["type"] == "couple" and change["id"] == couple["id"]
        assert change["data"] == client.get("/api/v1/couple", headers=user["headers"]).get_json()
        assert change["at"] == couple["paired_at"]


def test_after_unpairing_the_ex_check_ins_arrive_as_removed_only_those_they_saw(client, pair):
    alex, sam = pair()
    shared = [checkin(client, sam, energy=e) for e in (2, 5)]
    private = checkin(client, sam, visibility="private")
    alex_own = checkin(client, alex)
    cursor = _start(client, alex)
    sam_cursor = _start(client, sam)

    client.delete("/api/v1/couple", headers=sam["headers"])

    changes = _sync(client, alex, cursor)["changes"]
    by_type = {}
    for change in changes:
        by_type.setdefault(change["type"], []).append(change)
    assert [c["data"] for c in by_type["couple"]] == [None]
    assert {c["id"] for c in by_type["checkin_removed"]} == {c["id"] for c in shared}
    assert all(c["data"] is None for c in by_type["checkin_removed"])
    assert private["id"] not in str(changes) and alex_own["id"] not in str(changes)
    sams = _sync(client, sam, sam_cursor)["changes"]
    assert {c["id"] for c in sams if c["type"] == "checkin_removed"} == {alex_own["id"]}


def test_a_deleted_account_leaves_the_partner_a_removed_trail(client, pair):
    alex, sam = pair()
    theirs = checkin(client, sam)
    cursor = _start(client, alex)
    response = client.delete(
        "/api/v1/me", json={"password": "correct horse battery"}, headers=sam["headers"]
    )
    assert response.status_code == 204
    changes = _sync(client, alex, cursor)["changes"]
    assert {(c["type"], c["data"]) for c in changes} == {
        ("couple", None),
        ("checkin_removed", None),
    }
    assert theirs["id"] in {c["id"] for c in changes}


def test_pages_follow_the_cursor_and_may_be_short_while_more_is_coming(client, pair):
    alex, sam = pair()
    cursor = _start(client, alex)
    first = checkin(client, sam, energy=1)
    client.post(
        f"/api/v1/checkins/{first['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    )  # two rows for one check-in: one change on the page
    rest = [checkin(client, sam, energy=2 + i) for i in range(3)]

    page = _sync(client, alex, cursor, limit=3)
    assert page["has_more"] is True
    assert _kinds(page["changes"]) == [("checkin", first["id"]), ("checkin", rest[0]["id"])]

    changes, last, pages = _drain(client, alex, page["next_cursor"], limit=3)
    assert pages == 1
    assert [c["id"] for c in changes] == [c["id"] for c in rest[1:]]
    assert _sync(client, alex, last)["changes"] == []


def test_a_cursor_is_bound_to_its_user(client, pair):
    alex, sam = pair()
    sams = _start(client, sam)
    checkin(client, sam)
    response = client.get(f"/api/v1/sync?since={sams}", headers=alex["headers"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error"
    assert "since" in response.get_json()["errors"]


@pytest.mark.parametrize(
    "since",
    ["garbage", "a" * 140, base64.urlsafe_b64encode(b"\x80" + b"0" * 104).decode().rstrip("=")],
)
def test_anything_but_a_cursor_is_422(client, accounts, since):
    sam = accounts.register()
    response = client.get(f"/api/v1/sync?since={since}", headers=sam["headers"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error"


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "limit=x", "since=", "after=1"])
def test_bad_sync_arguments_are_422(client, accounts, query):
    sam = accounts.register()
    response = client.get(f"/api/v1/sync?{query}", headers=sam["headers"])
    assert response.status_code == 422


def test_a_cursor_older_than_30_days_is_410_cursor_expired(client, accounts, clock):
    sam = accounts.register()
    cursor = _start(client, sam)
    clock.advance(days=29, hours=23)
    fresh = _sync(client, sam, cursor)["next_cursor"]
    clock.advance(hours=2)
    response = client.get(f"/api/v1/sync?since={cursor}", headers=sam["headers"])
    assert response.status_code == 410
    assert response.get_json()["code"] == "cursor_expired"
    assert _sync(client, sam, fresh)["changes"] == []  # caught up then: it is young


def test_a_lagging_cursor_keeps_its_age_until_it_catches_up(client, pair, clock):
    alex, sam = pair()
    cursor = _start(client, alex)
    for i in range(3):
        checkin(client, sam, energy=1 + i)
    clock.advance(days=29)
    behind = _sync(client, alex, cursor, limit=1)
    assert behind["has_more"] is True
    clock.advance(days=2)
    response = client.get(f"/api/v1/sync?since={behind['next_cursor']}", headers=alex["headers"])
    assert response.status_code == 410


def test_a_cursor_survives_a_restart(client, pair, make_app):
    alex, sam = pair()
    cursor = _start(client, alex)
    posted = checkin(client, sam)
    restarted = make_app().test_client()
    page = restarted.get(f"/api/v1/sync?since={cursor}", headers=alex["headers"]).get_json()
    assert _kinds(page["changes"]) == [("checkin", posted["id"])]


def test_cursors_reveal_nothing_of_others_activity(client, pair):
    alex, _ = pair()
    kim, _ = pair("Kim", "Lee")
    before = _start(client, alex)
    for _ in range(5):
        checkin(client, kim)
    after = _start(client, alex)
    page = _sync(client, alex, before)
    assert page["changes"] == [] and page["has_more"] is False
    assert len(before) == len(after) == len(page["next_cursor"])
    assert _start(client, alex) != _start(client, alex)  # sealed afresh each time


def test_sync_prune_drops_rows_older_than_31_days(client, accounts, app, clock):
    sam = accounts.register()
    checkin(client, sam)
    clock.advance(days=20)
    checkin(client, sam)
    runner = app.test_cli_runner()
    clock.advance(days=11, minutes=1)
    assert "pruned 1 " in runner.invoke(args=["sync", "prune"]).output
    assert "pruned 0 " in runner.invoke(args=["sync", "prune"]).output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Change)) == 1


def test_visibility_is_decided_when_reading_even_against_a_wrong_log_row(client, pair, app, clock):
    """As if a trigger had told Alex of Sam's private check-in and of a stranger's shared
    one: the feed still never names them."""
    alex, sam = pair()
    kim = pair("Kim", "Lee")[0]
    private = checkin(client, sam, visibility="private")
    strangers = checkin(client, kim)
    shared = checkin(client, sam)
    cursor = _start(client, alex)
    client.delete(f"/api/v1/checkins/{shared['id']}", headers=sam["headers"])
    with app.app_context():
        for wrong in (private, strangers):
            db.session.add(
                Change(
                    user_id=uuid.UUID(alex["user"]["id"]),
                    kind="checkin",
                    entity_id=uuid.UUID(wrong["id"]),
                    couple_id=uuid.UUID(alex["couple_id"]),
                    at=clock.current,
                )
            )
        db.session.commit()

    response = client.get(f"/api/v1/sync?since={cursor}", headers=alex["headers"])
    text = response.get_data(as_text=True)
    assert private["id"] not in text and strangers["id"] not in text
    assert _kinds(response.get_json()["changes"]) == [("checkin_removed", shared["id"])]


def test_the_daily_question_arrives_as_each_reader_may_see_it(client, pair):
    alex, sam = pair()
    cursors = {"alex": _start(client, alex), "sam": _start(client, sam)}
    question = client.get("/api/v1/questions/today", headers=sam["headers"]).get_json()
    answered = client.put(
        f"/api/v1/questions/{question['id']}/answer", json={"text": "Yours"}, headers=sam["headers"]
    )
    assert answered.status_code == 200

    (for_alex,) = _sync(client, alex, cursors["alex"])["changes"]
    assert for_alex["type"] == "question" and for_alex["id"] == question["id"]
    # Answer yours to see theirs: the feed keeps the rule.
    assert for_alex["data"]["partner_answered"] is True
    assert for_alex["data"]["partner_answer"] is None and for_alex["data"]["my_answer"] is None
    (for_sam,) = _sync(client, sam, cursors["sam"])["changes"]
    assert for_sam["data"]["my_answer"]["text"] == "Yours"

    after_unpairing = _sync(client, alex, cursors["alex"])["next_cursor"]
    client.delete("/api/v1/couple", headers=alex["headers"])
    changes = _sync(client, alex, after_unpairing)["changes"]
    assert ("couple", alex["couple_id"]) in _kinds(changes)
    assert all(c["data"] is None for c in changes if c["type"] == "question")
    old = _sync(client, alex, cursors["alex"])["changes"]
    assert [c["data"] for c in old if c["type"] == "question"] == [None]
