from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from models import CheckIn, Response, db
from tests.conftest import checkin

MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin, 00:00 in Los Angeles


@pytest.fixture
def couple(client, pair, clock):
    clock.current = MONDAY - timedelta(days=1)
    alex, sam = pair(
        "Alex", "Sam", first_timezone="Europe/Berlin", second_timezone="America/Los_Angeles"
    )
    clock.current = MONDAY
    return alex, sam


def _summary(client, user, query="", **headers):
    return client.get(f"/api/v1/couple/summary{query}", headers={**user["headers"], **headers})


def _respond(client, user, checkin_id, kind="reflect"):
    response = client.post(
        f"/api/v1/checkins/{checkin_id}/responses", json={"kind": kind}, headers=user["headers"]
    )
    assert response.status_code == 201
    return response.get_json()


def _rate(client, user, response_id, felt_heard):
    client.put(
        f"/api/v1/responses/{response_id}/felt-heard",
        json={"felt_heard": felt_heard},
        headers=user["headers"],
    )


def test_summaries_need_a_partner(client, accounts):
    sam = accounts.register()
    for path in ("/api/v1/couple/summary", "/api/v1/couple/summaries"):
        response = client.get(path, headers=sam["headers"])
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_paired"


@pytest.mark.parametrize("week", ["2025-W53", "2026-W00", "2026-48", "next", "2026-W480"])
def test_an_impossible_week_is_422(client, couple, week):
    alex, _ = couple
    response = _summary(client, alex, f"?week={week}")
    assert response.status_code == 422
    assert "week" in response.get_json()["errors"]


def test_a_seeded_week_from_both_sides(client, couple, clock):
    alex, sam = couple
    checkin(client, alex, tone="stressed", energy=8)  # Mon 09:00 Berlin
    clock.advance(hours=2)
    s1 = checkin(client, sam, tone="tired", energy=3, need="comfort")  # Mon 02:00 LA
    answer = _respond(client, alex, s1["id"], "comfort")
    _rate(client, sam, answer["id"], True)
    clock.advance(days=1)
    s2 = checkin(client, sam, tone="happy", energy=7)
    checkin(client, sam, tone="angry", energy=9, visibility="private")
    clock.advance(days=2)
    _respond(client, alex, s2["id"], "celebrate")  # two days later: outside the window
    clock.current = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)  # Sunday 21:00 in Berlin
    last = checkin(client, alex, tone="grateful", energy=5)

    response = _summary(client, alex)
    assert response.status_code == 200
    body = response.get_json()
    assert body["week"] == "2026-W48" and body["timezone"] == "Europe/Berlin"
    me, partner = body["partners"]
    assert (me["display_name"], me["checkins"], me["days_checked_in"]) == ("Alex", 2, 2)
    assert me["average_energy"] == 6.5
    assert me["top_tones"] == ["stressed", "grateful"]
    assert (partner["display_name"], partner["checkins"]) == (
        "Sam",
        2,
    )  # the private one is not counted
    assert partner["quadrants"] == {
        "high_unpleasant": 0,
        "low_unpleasant": 1,
        "low_pleasant": 0,
        "high_pleasant": 1,
        "neutral": 0,
    }
    together = body["together"]
    assert together["days_both_checked_in"] == 1
    assert together["average_energy_gap"] == 5.0
    assert together["responses"] == 2
    # a1 closed unanswered, s1 answered in time, s2 answered late; `last` is still open.
    assert together["response_rate"] == 0.33
    assert together["awaiting_response"] == 1
    assert together["felt_heard_rate"] == 1.0 and together["good_enough"] is True
    # Alex answered 1 of Sam's 2 in time; Sam answered none of Alex's 1 closed bid.
    assert together["turned_toward"] == {
        "you": {"answered": 1, "of": 2},
        "partner": {"answered": 0, "of": 1},
    }
    assert together["repairs"] == 0 and together["felt_heard_band"] == "high"
    # Alex's share (1/2) is not below Sam's (0/1): the suggestion is what Alex can do,
    # saying what helps them feel heard, never blaming Sam.
    assert body["suggestion"]["id"] == "suggestion.say_what_helps"
    assert "Sam" in body["suggestion"]["text"]
    sams = _summary(client, sam).get_json()
    assert sams["together"]["turned_toward"] == {
        "you": {"answered": 0, "of": 1},
        "partner": {"answered": 1, "of": 2},
    }
    assert sams["suggestion"]["id"] == "suggestion.answer_one_bid_a_day"
    assert last["id"]


def test_the_partner_sees_the_same_week_from_their_own_time_zone(client, couple, clock):
    alex, sam = couple
    clock.current = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # Monday in Berlin, Sunday in LA
    checkin(client, alex, energy=4)
    assert _summary(client, alex).get_json()["week"] == "2026-W49"
    from_la = _summary(client, sam).get_json()
    assert from_la["week"] == "2026-W48" and from_la["timezone"] == "America/Los_Angeles"
    assert from_la["partners"][0]["display_name"] == "Sam"
    assert from_la["partners"][1]["checkins"] == 1


def test_check_ins_of_an_earlier_pairing_do_not_count(client, accounts, clock):
    clock.current = MONDAY
    alex, sam, jo = accounts.register("Alex"), accounts.register("Sam"), accounts.register("Jo")
    code = client.post("/api/v1/invites", headers=jo["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=alex["headers"])
    checkin(client, jo, tone="sad", energy=2)
    checkin(client, alex, tone="calm", energy=4)
    clock.advance(hours=1)
    client.delete("/api/v1/couple", headers=alex["headers"])
    clock.advance(hours=1)
    code = client.post("/api/v1/invites", headers=sam["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=alex["headers"])
    body = _summary(client, alex).get_json()
    assert [p["display_name"] for p in body["partners"]] == ["Alex", "Sam"]
    assert [p["checkins"] for p in body["partners"]] == [0, 0]


def test_the_summary_has_an_etag(client, couple):
    alex, sam = couple
    checkin(client, sam, energy=5)
    first = _summary(client, alex)
    assert _summary(client, alex, **{"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_trend_rows_for_the_last_weeks(client, couple, clock):
    alex, sam = couple
    checkin(client, sam, energy=5)
    clock.advance(days=7)
    checkin(client, alex, energy=5)
    checkin(client, sam, energy=6)
    response = client.get("/api/v1/couple/summaries?weeks=3", headers=alex["headers"])
    assert response.status_code == 200
    rows = response.get_json()["weeks"]
    assert [r["week"] for r in rows] == ["2026-W49", "2026-W48", "2026-W47"]
    assert [r["checkins"] for r in rows] == [[1, 1], [0, 1], [0, 0]]
    assert rows[1]["response_rate"] == 0.0 and rows[2]["response_rate"] is None
    etag = response.headers["ETag"]
    again = client.get(
        "/api/v1/couple/summaries?weeks=3", headers={**alex["headers"], "If-None-Match": etag}
    )
    assert again.status_code == 304


@pytest.mark.parametrize("weeks", ["0", "53", "x"])
def test_trend_weeks_must_be_1_to_52(client, couple, weeks):
    alex, _ = couple
    response = client.get(f"/api/v1/couple/summaries?weeks={weeks}", headers=alex["headers"])
    assert response.status_code == 422


def _seed_history(app, authors, paired_at, days):
    """Years of daily check-ins and responses, written straight to the database."""
    with app.app_context():
        for day in range(days):
            at = paired_at + timedelta(days=day, hours=1)
            for author, responder in (authors, authors[::-1]):
                checkin_id = uuid.uuid4()
                db.session.add(
                    CheckIn(
                        id=checkin_id,
                        author_id=author,
                        tone="calm",
                        energy=1 + day % 10,
                        visibility="partner",
                        recorded_at=at,
                        created_at=at,
                        request_hash="seed",
                    )
                )
                db.session.add(
                    Response(
                        checkin_id=checkin_id,
                        author_id=responder,
                        kind="reflect",
                        felt_heard=day % 2 == 0,
                        created_at=at + timedelta(hours=1),
                    )
                )
        db.session.commit()


def test_statements_do_not_grow_with_two_years_of_history(
    app, client, pair, clock, count_statements
):
    clock.current = datetime(2024, 11, 20, tzinfo=UTC)
    alex, sam = pair()
    paired_at = clock.current
    clock.current = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    checkin(client, sam, energy=3)

    def read_both():
        assert _summary(client, alex).status_code == 200
        assert (
            client.get("/api/v1/couple/summaries?weeks=52", headers=alex["headers"]).status_code
            == 200
        )

    read_both()  # the token check, once remembered by the worker, is not what is measured
    one_week = count_statements(read_both)
    _seed_history(
        app, (uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"])), paired_at, 730
    )
    two_years = count_statements(read_both)
    assert one_week.count == two_years.count <= 8, two_years.statements
    body = _summary(client, alex).get_json()
    assert body["partners"][1]["checkins"] == 1  # the history ends the Thursday before
    assert body["previous_week"]["checkins"] == 2 * 4
    rows = client.get("/api/v1/couple/summaries?weeks=52", headers=alex["headers"]).get_json()[
        "weeks"
    ]
    assert len(rows) == 52 and rows[10]["checkins"] == [7, 7]
