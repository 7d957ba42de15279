"""Every endpoint's SQL statement count: at most 4, and the same with 1 row or 10,000.

The sync feed too: a page is one range of its index however long the log behind it.

Login, registration, redeeming an invite, the export and deleting an account are left out:
they are rare, and correctness (hashing, locking, cascading) matters more there than a
round trip.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from api.questions.bank import QUESTIONS
from models import CheckIn, CoupleQuestion, QuestionAnswer, Response, db
from tests.conftest import PASSWORD, auth_headers, checkin

BUDGET = 4


def _seed_history(app, author_ids, paired_at, count):
    rows, answers = [], []
    for i in range(count):
        author = author_ids[i % 2]
        at = paired_at + timedelta(minutes=i)
        checkin_id = uuid.uuid4()
        rows.append(
            {
                "id": checkin_id,
                "author_id": author,
                "tone": "calm",
                "energy": 1 + i % 10,
                "need": None,
                "note": None,
                "visibility": "partner",
                "recorded_at": at,
                "created_at": at,
                "request_hash": "seed",
            }
        )
        answers.append(
            {
                "id": uuid.uuid4(),
                "checkin_id": checkin_id,
                "author_id": author_ids[(i + 1) % 2],
                "kind": "reflect",
                "message": None,
                "felt_heard": None,
                "rated_at": None,
                "created_at": at,
            }
        )
    with app.app_context():
        db.session.execute(insert(CheckIn), rows)
        db.session.execute(insert(Response), answers)
        db.session.commit()


def _exercise(client, alex, sam, count_statements) -> dict[str, int]:
    """Call every endpoint once, each on resources made for it; count each call's statements."""
    counts: dict[str, int] = {}

    def measure(name, call, expected):
        result = {}

        def run():
            result["response"] = call()

        counted = count_statements(run)
        assert result["response"].status_code == expected, (name, result["response"].get_json())
        counts[name] = counted.count

    theirs = checkin(client, sam, tone="sad", energy=2)
    mine = checkin(client, alex, tone="tired", energy=3)
    spare = checkin(client, alex, tone="okay", energy=5)
    answer = client.post(
        f"/api/v1/checkins/{theirs['id']}/responses",
        json={"kind": "reflect"},
        headers=alex["headers"],
    ).get_json()
    to_mine = client.post(
        f"/api/v1/checkins/{mine['id']}/responses", json={"kind": "comfort"}, headers=sam["headers"]
    ).get_json()
    h = alex["headers"]
    cursor = client.get("/api/v1/sync", headers=h).get_json()["next_cursor"]
    measure("GET /healthz", lambda: client.get("/healthz"), 200)
    measure("GET /readyz", lambda: client.get("/readyz"), 200)
    measure("GET /vocabulary", lambda: client.get("/api/v1/vocabulary"), 200)
    measure("GET /me", lambda: client.get("/api/v1/me", headers=h), 200)
    measure(
        "PATCH /me",
        lambda: client.patch("/api/v1/me", json={"display_name": "Alex"}, headers=h),
        200,
    )
    etag = client.get("/api/v1/me", headers=h).headers["ETag"]
    measure(
        "PATCH /me (If-Match)",
        lambda: client.patch(
            "/api/v1/me", json={"display_name": "Alex"}, headers={**h, "If-Match": etag}
        ),
        200,
    )
    measure("GET /couple", lambda: client.get("/api/v1/couple", headers=h), 200)
    measure("GET /invites/current", lambda: client.get("/api/v1/invites/current", headers=h), 404)
    measure(
        "DELETE /invites/current", lambda: client.delete("/api/v1/invites/current", headers=h), 204
    )
    measure(
        "GET /checkins", lambda: client.get("/api/v1/checkins?author=both&limit=20", headers=h), 200
    )
    measure(
        "GET /checkins?author=partner",
        lambda: client.get("/api/v1/checkins?author=partner", headers=h),
        200,
    )
    measure(
        "GET /checkins/{id}", lambda: client.get(f"/api/v1/checkins/{theirs['id']}", headers=h), 200
    )
    measure(
        "POST /checkins",
        lambda: client.post("/api/v1/checkins", json={"tone": "calm", "energy": 4}, headers=h),
        201,
    )
    measure(
        "POST /checkins (Idempotency-Key)",
        lambda: client.post(
            "/api/v1/checkins",
            json={"tone": "calm", "energy": 4},
            headers={**h, "Idempotency-Key": str(uuid.uuid4())},
        ),
        201,
    )
    measure(
        "POST /checkins/{id}/responses",
        lambda: client.post(
            f"/api/v1/checkins/{theirs['id']}/responses", json={"kind": "presence"}, headers=h
        ),
        201,
    )
    measure(
        "PUT /responses/{id}/felt-heard",
        lambda: client.put(
            f"/api/v1/responses/{to_mine['id']}/felt-heard", json={"felt_heard": True}, headers=h
        ),
        200,
    )
    measure("GET /prompts", lambda: client.get("/api/v1/prompts", headers=h), 200)
    measure(
        "GET /checkins/{id}/prompts",
        lambda: client.get(f"/api/v1/checkins/{theirs['id']}/prompts", headers=h),
        200,
    )
    measure("GET /couple/summary", lambda: client.get("/api/v1/couple/summary", headers=h), 200)
    measure(
        "GET /couple/summaries",
        lambda: client.get("/api/v1/couple/summaries?weeks=52", headers=h),
        200,
    )
    measure(
        "DELETE /checkins/{id}",
        lambda: client.delete(f"/api/v1/checkins/{spare['id']}", headers=h),
        204,
    )
    phone = f"phone-{uuid.uuid4()}"
    measure(
        "POST /devices",
        lambda: client.post("/api/v1/devices", json={"platform": "ios", "token": phone}, headers=h),
        201,
    )
    measure(
        "DELETE /devices/{token}",
        lambda: client.delete(f"/api/v1/devices/{phone}", headers=h),
        204,
    )
    tablet = client.post(
        "/api/v1/devices", json={"platform": "android", "token": f"a/{uuid.uuid4()}"}, headers=h
    ).get_json()
    measure("GET /devices", lambda: client.get("/api/v1/devices", headers=h), 200)
    measure(
        "DELETE /devices (id)",
        lambda: client.delete("/api/v1/devices", json={"id": tablet["id"]}, headers=h),
        204,
    )
    measure("GET /sync", lambda: client.get("/api/v1/sync", headers=h), 200)
    measure(
        "GET /sync?since",
        lambda: client.get(f"/api/v1/sync?since={cursor}&limit=100", headers=h),
        200,
    )

    fresh = client.post(
        "/api/v1/auth/login", json={"email": alex["email"], "password": PASSWORD}
    ).get_json()
    measure(
        "POST /auth/refresh",
        lambda: client.post("/api/v1/auth/refresh", headers=auth_headers(fresh["refresh_token"])),
        200,
    )
    measure(
        "POST /auth/logout",
        lambda: client.post("/api/v1/auth/logout", headers=auth_headers(fresh["access_token"])),
        204,
    )
    again = client.post(
        "/api/v1/auth/login", json={"email": alex["email"], "password": PASSWORD}
    ).get_json()
    client.post(
        "/api/v1/devices",
        json={"platform": "ios", "token": "handed-on"},
        headers=auth_headers(again["access_token"]),
    )
    measure(
        "POST /auth/logout (device_token)",
        lambda: client.post(
            "/api/v1/auth/logout",
            json={"device_token": "handed-on"},
            headers=auth_headers(again["access_token"]),
        ),
        204,
    )
    measure(
        "POST /me/password",
        lambda: client.post(
            "/api/v1/me/password",
            json={"current_password": PASSWORD, "new_password": PASSWORD},
            headers=h,
        ),
        204,
    )
    assert answer["id"]
    return counts


def test_no_endpoint_needs_more_statements_with_a_long_history(
    client, pair, app, clock, count_statements
):
    clock.current = clock.current - timedelta(days=60)
    alex, sam = pair()
    paired_at = clock.current
    clock.advance(days=60)

    with_a_little = _exercise(client, alex, sam, count_statements)
    _seed_history(
        app, (uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"])), paired_at, 10_000
    )
    with_ten_thousand = _exercise(client, alex, sam, count_statements)

    assert with_ten_thousand == with_a_little
    over = {name: n for name, n in with_ten_thousand.items() if n > BUDGET}
    assert not over, over


def test_pairing_endpoints_stay_within_budget(client, accounts, count_statements):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    counted = count_statements(lambda: client.post("/api/v1/invites", headers=alex["headers"]))
    assert counted.count <= BUDGET
    code = client.get("/api/v1/invites/current", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    counted = count_statements(lambda: client.delete("/api/v1/couple", headers=sam["headers"]))
    assert counted.count <= BUDGET


def _seed_questions(app, couple_id, user_ids, last_day, days):
    """`days` answered questions of this couple, one a date, ending the day before `last_day`."""
    questions, answers = [], []
    for n in range(1, days + 1):
        question_id = uuid.uuid4()
        questions.append(
            {
                "id": question_id,
                "couple_id": couple_id,
                "date": last_day - timedelta(days=n),
                "question_id": QUESTIONS[n % len(QUESTIONS)].id,
                "created_at": datetime.now(UTC),
            }
        )
        answers.extend(
            {
                "couple_question_id": question_id,
                "user_id": user_id,
                "text": "seeded",
                "answered_at": datetime.now(UTC),
                "changed_at": None,
            }
            for user_id in user_ids
        )
    with app.app_context():
        db.session.execute(insert(CoupleQuestion), questions)
        db.session.execute(insert(QuestionAnswer), answers)
        db.session.commit()


def _question_day(client, alex, sam, count_statements) -> dict[str, int]:
    """One day of the daily question, each call's statements counted."""
    counts: dict[str, int] = {}
    for user in (alex, sam):  # who is calling is remembered after a first request
        assert client.get("/api/v1/me", headers=user["headers"]).status_code == 200

    def measure(name, call, expected):
        result = {}
        counted = count_statements(lambda: result.update(response=call()))
        assert result["response"].status_code == expected, (name, result["response"].get_json())
        counts[name] = counted.count
        return result["response"].get_json()

    question = measure(
        "GET /questions/today (first)",
        lambda: client.get("/api/v1/questions/today", headers=alex["headers"]),
        200,
    )
    measure(
        "GET /questions/today",
        lambda: client.get("/api/v1/questions/today", headers=sam["headers"]),
        200,
    )
    path = f"/api/v1/questions/{question['id']}/answer"
    measure(
        "PUT /questions/{id}/answer (first)",
        lambda: client.put(path, json={"text": "one"}, headers=alex["headers"]),
        200,
    )
    measure(
        "PUT /questions/{id}/answer (change)",
        lambda: client.put(path, json={"text": "two"}, headers=alex["headers"]),
        200,
    )
    measure(
        "PUT /questions/{id}/answer (second partner)",
        lambda: client.put(path, json={"text": "three"}, headers=sam["headers"]),
        200,
    )
    measure(
        "PUT /questions/{id}/answer (locked)",
        lambda: client.put(path, json={"text": "four"}, headers=sam["headers"]),
        409,
    )
    measure("GET /questions", lambda: client.get("/api/v1/questions", headers=alex["headers"]), 200)
    cursor = _cursor_after_today(client, alex)
    measure(
        "GET /questions (next page)",
        lambda: client.get(f"/api/v1/questions?limit=1&cursor={cursor}", headers=alex["headers"]),
        200,
    )
    return counts


def _cursor_after_today(client, user) -> str:
    page = client.get("/api/v1/questions?limit=1", headers=user["headers"]).get_json()
    return page["next_cursor"] or ""


def test_the_daily_question_stays_within_budget_with_a_long_history(
    client, pair, app, clock, count_statements
):
    alex, sam = pair()
    clock.advance(days=1)
    _seed_questions(
        app,
        uuid.UUID(alex["couple_id"]),
        (uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"])),
        clock.current.date(),
        1,
    )
    with_a_little = _question_day(client, alex, sam, count_statements)
    clock.advance(days=1)
    _seed_questions(
        app,
        uuid.UUID(alex["couple_id"]),
        (uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"])),
        clock.current.date() - timedelta(days=3),  # before the days already asked
        1_000,
    )
    with_a_thousand_days = _question_day(client, alex, sam, count_statements)

    assert with_a_thousand_days == with_a_little
    over = {name: n for name, n in with_a_thousand_days.items() if n > BUDGET}
    assert not over, over


def test_me_costs_no_more_for_an_account_with_linked_identities(make_app, providers, tmp_path):
    from sqlalchemy import event

    from tests.auth.conftest import SignIns
    from tests.conftest import Accounts, StatementCounter

    app = make_app(**providers.config(tmp_path))
    client = app.test_client()
    with_password = Accounts(client).register("Alex")
    signins = SignIns(client, providers)
    with_identities = signins.account("apple", "001234.sam")
    linked = client.post(
        "/api/v1/me/identities",
        json={"provider": "google", **signins.google_body("1098")},
        headers=with_identities["headers"],
    )
    assert linked.status_code == 201
    with app.app_context():
        engine = db.engine

    def measure(call):
        counter = StatementCounter()
        event.listen(engine, "before_cursor_execute", counter)
        try:
            response = call()
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        assert response.status_code == 200
        return counter.count

    def costs(user):
        return (
            measure(lambda: client.get("/api/v1/me", headers=user["headers"])),
            measure(
                lambda: client.patch(
                    "/api/v1/me", json={"display_name": "Sam"}, headers=user["headers"]
                )
            ),
        )

    assert costs(with_identities) == costs(with_password)
    get_me, patch_me = costs(with_identities)
    assert get_me <= 1 and patch_me <= BUDGET
    me = client.get("/api/v1/me", headers=with_identities["headers"]).get_json()
    assert me["identities"] == ["apple", "google"] and me["has_password"] is False


def test_a_sync_page_costs_the_same_however_long_the_log(
    client, pair, app, clock, count_statements
):
    clock.current = clock.current - timedelta(days=20)
    alex, sam = pair()
    paired_at = clock.current
    clock.advance(days=20)
    ids = (uuid.UUID(alex["user"]["id"]), uuid.UUID(sam["user"]["id"]))
    h = alex["headers"]

    def page_after(cursor):
        result = {}

        def run():
            result["page"] = client.get(f"/api/v1/sync?since={cursor}&limit=100", headers=h)

        counted = count_statements(run)
        assert result["page"].status_code == 200
        assert counted.count <= BUDGET
        # The token check may run or not (a worker forgets a caller when news of the
        # pairing arrives): what must not grow with the log is the feed's own work.
        feed = [s for s in counted.statements if "token_families" not in s]
        return len(feed), result["page"].get_json()

    short_start = client.get("/api/v1/sync", headers=h).get_json()["next_cursor"]
    _seed_history(app, ids, paired_at, 30)
    short, short_page = page_after(short_start)
    long_start = client.get("/api/v1/sync", headers=h).get_json()["next_cursor"]
    _seed_history(app, ids, paired_at, 10_000)
    long, long_page = page_after(long_start)

    assert short_page["has_more"] is False and long_page["has_more"] is True
    assert len(long_page["changes"]) <= 100
    assert short == long
