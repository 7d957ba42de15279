"""Limits on what an account writes (issue 22): check-ins and responses, per user.

`RATELIMIT_CHECKIN` (default 120 per hour and 500 per day) and `RATELIMIT_RESPOND` (120
per hour) count only what is created. A replayed check-in post, by its `id` or its
`Idempotency-Key`, is answered from what is stored and costs nothing, also at the limit:
a phone emptying its offline queue is never refused for repeating itself. Refused posts
(422, 404, 409...) cost nothing either.

The windows are the limiter's, in its storage's time: the tests freeze and move that
time (`limiter_time`) instead of sleeping.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime

import pytest
from limits.storage import memory as limits_memory
from sqlalchemy import event, func, select

from api.config import Config, ConfigError
from api.extensions import limiter
from api.http import limits as app_limits
from api.http.limits import CHECKIN_LIMIT
from models import CheckIn, IdempotencyKey, Notification, Response, db
from tests.conftest import Accounts, Clock, StatementCounter

REDIS_URL = os.environ.get("TEST_REDIS_URL")
HOUR, DAY = 3600, 86400


@pytest.fixture(
    params=[
        "memory://",
        pytest.param(
            "redis",
            marks=pytest.mark.skipif(not REDIS_URL, reason="set TEST_REDIS_URL to a Redis server"),
        ),
    ]
)
def storage(request):
    """Where the limiter counts: in the process, or in Redis (TEST_REDIS_URL)."""
    return REDIS_URL if request.param == "redis" else request.param


@pytest.fixture
def limited(make_app, storage):
    """An app with rate limits on, counting in `storage`; keyword arguments set limits."""

    def build(**settings):
        app = make_app(
            RATELIMIT_ENABLED=True,
            RATELIMIT_STORAGE_URI=storage,
            # A fresh prefix: Redis keeps counts from earlier tests and runs.
            RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
            **settings,
        )
        return app, app.test_client()

    return build


@pytest.fixture
def in_memory(make_app):
    """As `limited`, counting in the process: where a test moves the limiter's time."""

    def build(**settings):
        app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://", **settings)
        return app, app.test_client()

    return build


class FrozenTime:
    """Stands in for the `time` module of the limiter's memory storage (and of the code
    that computes Retry-After): time stands still until a test moves it."""

    def __init__(self, start: float) -> None:
        self.now = start

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def limiter_time(monkeypatch):
    frozen = FrozenTime(float(int(time.time())))
    monkeypatch.setattr(limits_memory, "time", frozen)
    monkeypatch.setattr(app_limits, "time", frozen)
    return frozen


def _post(client, user, idempotency_key=None, **fields):
    headers = dict(user["headers"])
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    body = {"tone": "calm", "energy": 4, **fields}
    return client.post("/api/v1/checkins", json=body, headers=headers)


def _respond(client, user, checkin_id, **fields):
    return client.post(
        f"/api/v1/checkins/{checkin_id}/responses",
        json={"kind": "reflect", **fields},
        headers=user["headers"],
    )


def _stored(app, model, author):
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(model)
            .where(model.author_id == uuid.UUID(author["user"]["id"]))
        )


def _assert_rate_limited(response):
    assert response.status_code == 429
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["code"] == "rate_limited"
    assert body["status"] == 429
    return int(response.headers["Retry-After"])


def _pair(client):
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    paired = client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    assert paired.status_code == 201
    return alex, sam


# Configuration


def test_the_defaults_are_120_check_ins_an_hour_and_500_a_day_and_120_responses_an_hour():
    config = Config({})
    assert config.RATELIMIT_CHECKIN == "120 per hour;500 per day"
    assert config.RATELIMIT_RESPOND == "120 per hour"


def test_the_write_limits_are_set_from_the_environment():
    config = Config({"RATELIMIT_CHECKIN": "10 per minute", "RATELIMIT_RESPOND": "3 per hour"})
    assert config.RATELIMIT_CHECKIN == "10 per minute"
    assert config.RATELIMIT_RESPOND == "3 per hour"


@pytest.mark.parametrize("name", ["RATELIMIT_CHECKIN", "RATELIMIT_RESPOND"])
def test_a_write_limit_that_does_not_parse_refuses_to_start(name):
    with pytest.raises(ConfigError, match=name):
        Config({name: "lots per hour"})


# Check-ins


def test_the_check_in_past_the_hourly_limit_is_429_with_retry_after_and_stores_nothing(limited):
    app, client = limited(RATELIMIT_CHECKIN="3 per hour;100 per day")
    sam = Accounts(client).register()
    assert [_post(client, sam).status_code for _ in range(3)] == [201] * 3
    refused = _post(client, sam, note="the fourth")
    assert HOUR - 5 <= _assert_rate_limited(refused) <= HOUR
    assert "3 per 1 hour" in refused.get_json()["detail"]
    assert _stored(app, CheckIn, sam) == 3


def test_retry_after_says_when_the_hour_is_over_and_posting_is_open_again(in_memory, limiter_time):
    app, client = in_memory(RATELIMIT_CHECKIN="2 per hour;100 per day")
    sam = Accounts(client).register()
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    limiter_time.advance(600)
    assert _assert_rate_limited(_post(client, sam)) == HOUR - 600
    limiter_time.advance(HOUR - 601)
    assert _assert_rate_limited(_post(client, sam)) == 1
    limiter_time.advance(1)
    assert _post(client, sam).status_code == 201
    assert _stored(app, CheckIn, sam) == 3


def test_the_daily_limit_refuses_check_ins_across_hours(in_memory, limiter_time):
    app, client = in_memory(RATELIMIT_CHECKIN="2 per hour;3 per day")
    sam = Accounts(client).register()
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    limiter_time.advance(HOUR)
    assert _post(client, sam).status_code == 201
    refused = _post(client, sam)
    # The hour has room; the day has none until it ends, 23 hours from now.
    assert _assert_rate_limited(refused) == DAY - HOUR
    assert "3 per 1 day" in refused.get_json()["detail"]
    assert _stored(app, CheckIn, sam) == 3


def test_with_the_hour_and_the_day_spent_retry_after_waits_for_the_day(in_memory, limiter_time):
    _, client = in_memory(RATELIMIT_CHECKIN="2 per hour;2 per day")
    sam = Accounts(client).register()
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    assert _assert_rate_limited(_post(client, sam)) == DAY


def test_replays_by_id_and_by_idempotency_key_do_not_count(limited):
    app, client = limited(RATELIMIT_CHECKIN="3 per hour")
    sam = Accounts(client).register()
    by_id = {"id": str(uuid.uuid4()), "note": "offline"}
    assert _post(client, sam, **by_id).status_code == 201
    assert _post(client, sam, idempotency_key="queued-1").status_code == 201
    for _ in range(5):
        assert _post(client, sam, **by_id).status_code == 200
        assert _post(client, sam, idempotency_key="queued-1").status_code == 200
    assert _post(client, sam).status_code == 201  # the third: replays took none of the three
    _assert_rate_limited(_post(client, sam))
    assert _stored(app, CheckIn, sam) == 3


def test_at_the_limit_a_replay_by_id_is_still_answered_200_from_what_is_stored(limited):
    app, client = limited(RATELIMIT_CHECKIN="2 per hour")
    sam = Accounts(client).register()
    by_id = {"id": str(uuid.uuid4()), "tone": "sad", "energy": 2, "note": "on the train"}
    first = _post(client, sam, **by_id)
    assert first.status_code == 201
    assert _post(client, sam).status_code == 201
    _assert_rate_limited(_post(client, sam))
    for _ in range(3):
        again = _post(client, sam, **by_id)
        assert again.status_code == 200
        assert again.get_json() == first.get_json()
    _assert_rate_limited(_post(client, sam))
    assert _stored(app, CheckIn, sam) == 2


def test_at_the_limit_a_replay_by_idempotency_key_is_still_answered_200(limited):
    app, client = limited(RATELIMIT_CHECKIN="2 per hour")
    sam = Accounts(client).register()
    first = _post(client, sam, idempotency_key="queued-7", note="offline")
    assert first.status_code == 201
    assert _post(client, sam).status_code == 201
    _assert_rate_limited(_post(client, sam, idempotency_key="queued-8"))
    again = _post(client, sam, idempotency_key="queued-7", note="offline")
    assert again.status_code == 200
    assert again.get_json() == first.get_json()
    assert _stored(app, CheckIn, sam) == 2
    with app.app_context():  # the refused post left no key behind
        keys = db.session.scalars(select(IdempotencyKey.key)).all()
    assert keys == ["queued-7"]


def test_at_the_limit_a_late_replay_is_answered_200_too(limited):
    """A retry recorded more than 7 days ago is matched to what was stored before its
    `recorded_at` is checked: at the limit as well."""
    app, client = limited(RATELIMIT_CHECKIN="1 per hour")
    clock = Clock(datetime.now(UTC).replace(microsecond=0))
    app.config["CLOCK"] = clock
    sam = Accounts(client).register()
    by_id = {"id": str(uuid.uuid4()), "recorded_at": clock.current.isoformat()}
    assert _post(client, sam, **by_id).status_code == 201
    clock.advance(days=8)  # the app's clock; the limiter's hour has not passed
    _assert_rate_limited(_post(client, sam))
    assert _post(client, sam, **by_id).status_code == 200
    assert _stored(app, CheckIn, sam) == 1


def test_at_the_limit_a_conflicting_or_deleted_replay_keeps_its_own_answer(limited):
    _, client = limited(RATELIMIT_CHECKIN="2 per hour")
    sam = Accounts(client).register()
    kept, gone = str(uuid.uuid4()), str(uuid.uuid4())
    assert _post(client, sam, id=kept).status_code == 201
    assert _post(client, sam, id=gone).status_code == 201
    assert client.delete(f"/api/v1/checkins/{gone}", headers=sam["headers"]).status_code == 204
    _assert_rate_limited(_post(client, sam))  # deleting gives no place back
    conflict = _post(client, sam, id=kept, energy=9)
    assert conflict.status_code == 409
    assert conflict.get_json()["code"] == "idempotency_conflict"
    deleted = _post(client, sam, id=gone)
    assert deleted.status_code == 410
    assert deleted.get_json()["code"] == "deleted"


def test_at_the_limit_an_expired_idempotency_key_is_a_new_post_and_refused(limited):
    app, client = limited(RATELIMIT_CHECKIN="1 per hour")
    clock = Clock(datetime.now(UTC).replace(microsecond=0))
    app.config["CLOCK"] = clock
    sam = Accounts(client).register()
    assert _post(client, sam, idempotency_key="old").status_code == 201
    clock.advance(hours=49)  # the key's 48 hours are over; the limiter's hour is not
    _assert_rate_limited(_post(client, sam, idempotency_key="old"))
    assert _stored(app, CheckIn, sam) == 1


def test_refused_check_ins_do_not_count(limited):
    app, client = limited(RATELIMIT_CHECKIN="2 per hour")
    accounts = Accounts(client)
    sam, kim = accounts.register("Sam"), accounts.register("Kim")
    taken = str(uuid.uuid4())
    assert _post(client, kim, id=taken).status_code == 201
    for _ in range(3):
        assert _post(client, sam, energy=11).status_code == 422
        assert _post(client, sam, recorded_at="2001-01-01T00:00:00Z").status_code == 422
        assert _post(client, sam, id=taken).status_code == 409  # another account's id
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    _assert_rate_limited(_post(client, sam))
    assert _stored(app, CheckIn, sam) == 2


def test_the_check_in_limit_is_per_user(limited):
    app, client = limited(RATELIMIT_CHECKIN="2 per hour")
    alex, sam = _pair(client)
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    _assert_rate_limited(_post(client, sam))
    assert [_post(client, alex).status_code for _ in range(2)] == [201, 201]
    assert _stored(app, CheckIn, sam) == _stored(app, CheckIn, alex) == 2


def test_a_post_that_loses_the_race_for_the_last_place_is_refused_and_leaves_nothing(
    limited, monkeypatch
):
    app, client = limited(RATELIMIT_CHECKIN="1 per hour")
    _, sam = _pair(client)
    assert _post(client, sam).status_code == 201
    with app.app_context():
        notifications = db.session.scalar(select(func.count()).select_from(Notification))
    # As if a concurrent post took the last place after this one looked: it is inserted,
    # then finds the limit spent when it counts itself.
    monkeypatch.setattr(CHECKIN_LIMIT, "allows", lambda _account: True)
    _assert_rate_limited(_post(client, sam, idempotency_key="late", note="lost the race"))
    assert _stored(app, CheckIn, sam) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(IdempotencyKey)) == 0
        # nor a push telling the partner about it
        assert db.session.scalar(select(func.count()).select_from(Notification)) == notifications


def test_a_counted_post_costs_no_sql_statement_more_than_an_unlimited_one(limited):
    app, client = limited(RATELIMIT_CHECKIN="100 per hour")
    sam = Accounts(client).register()
    _post(client, sam)  # the caller's row and the statement caches are warm

    def statements(enabled):
        app.config["RATELIMIT_ENABLED"] = enabled
        counter = StatementCounter()
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            assert _post(client, sam).status_code == 201
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        return counter.count

    assert statements(True) == statements(False)


# Responses


def test_the_response_past_the_limit_is_429_with_retry_after_and_stores_nothing(limited):
    app, client = limited(RATELIMIT_RESPOND="2 per hour")
    alex, sam = _pair(client)
    theirs = _post(client, sam).get_json()["id"]
    assert [_respond(client, alex, theirs).status_code for _ in range(2)] == [201, 201]
    refused = _respond(client, alex, theirs, message="one more")
    assert HOUR - 5 <= _assert_rate_limited(refused) <= HOUR
    assert "2 per 1 hour" in refused.get_json()["detail"]
    assert _stored(app, Response, alex) == 2


def test_refused_responses_do_not_count(limited):
    app, client = limited(RATELIMIT_RESPOND="2 per hour")
    alex, sam = _pair(client)
    theirs = _post(client, sam).get_json()["id"]
    mine = _post(client, alex).get_json()["id"]
    for _ in range(3):
        assert _respond(client, alex, uuid.uuid4()).status_code == 404
        assert _respond(client, alex, mine).status_code == 403  # one's own check-in
        assert _respond(client, alex, theirs, kind="shrug").status_code == 422
    assert [_respond(client, alex, theirs).status_code for _ in range(2)] == [201, 201]
    _assert_rate_limited(_respond(client, alex, theirs))
    assert _stored(app, Response, alex) == 2


def test_the_response_limit_is_per_user_and_apart_from_check_ins(limited):
    app, client = limited(RATELIMIT_RESPOND="1 per hour", RATELIMIT_CHECKIN="1 per hour")
    alex, sam = _pair(client)
    theirs = _post(client, sam).get_json()["id"]
    mine = _post(client, alex).get_json()["id"]
    assert _respond(client, alex, theirs).status_code == 201
    _assert_rate_limited(_respond(client, alex, theirs))
    assert _respond(client, sam, mine).status_code == 201  # the partner has their own count
    _assert_rate_limited(_post(client, sam))  # and check-ins are counted apart
    assert _stored(app, Response, alex) == _stored(app, Response, sam) == 1


# Switched off, and a storage that is down


def test_write_limits_are_off_with_rate_limiting_off(make_app):
    app = make_app(
        RATELIMIT_ENABLED=False, RATELIMIT_CHECKIN="1 per hour", RATELIMIT_RESPOND="1 per hour"
    )
    client = app.test_client()
    alex, sam = _pair(client)
    assert [_post(client, sam).status_code for _ in range(3)] == [201] * 3
    theirs = _post(client, sam).get_json()["id"]
    assert [_respond(client, alex, theirs).status_code for _ in range(3)] == [201] * 3


def test_with_redis_unreachable_check_ins_are_counted_in_memory(make_app, monkeypatch, caplog):
    # Flask-Limiter's flag for "the storage is down, count in memory", one for the process:
    # as it was before this test once the test is over.
    monkeypatch.setattr(limiter, "_storage_dead", limiter._storage_dead)
    app = make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0",  # nothing listens there
        RATELIMIT_CHECKIN="2 per hour",
    )
    client = app.test_client()
    sam = Accounts(client).register()
    limiter._storage_dead = False  # registering's own limit may have noticed first: forget it
    assert [_post(client, sam).status_code for _ in range(2)] == [201, 201]
    _assert_rate_limited(_post(client, sam))
    assert "rate limit storage unreachable, counting in memory" in caplog.text
    assert _stored(app, CheckIn, sam) == 2
