"""Both partners at the same moment: one question a date, two answers, never a lost one."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import CoupleQuestion, Notification, QuestionAnswer, db
from tests.conftest import Accounts, Clock

ROUNDS = 6


@pytest.fixture(autouse=True)
def _postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")


@pytest.fixture
def race(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 10, "max_overflow": 2})
    clock = Clock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    app.config["CLOCK"] = clock
    client = app.test_client()
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    assert client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"]).status_code
    return app, clock, alex, sam


def _at_once(app, calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        client = app.test_client()
        barrier.wait()
        return call(client)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _today(user):
    return lambda client: client.get("/api/v1/questions/today", headers=user["headers"])


def test_both_partners_opening_the_day_at_once_make_one_question(race):
    app, clock, alex, sam = race
    for _ in range(ROUNDS):
        responses = _at_once(app, [_today(alex), _today(sam)] * 4)
        assert [r.status_code for r in responses] == [200] * 8
        assert len({r.get_json()["id"] for r in responses}) == 1
        assert len({r.get_json()["question"]["id"] for r in responses}) == 1
        clock.advance(days=1)
    with app.app_context():
        dates = db.session.execute(
            select(CoupleQuestion.date, func.count()).group_by(CoupleQuestion.date)
        ).all()
        assert len(dates) == ROUNDS and {count for _, count in dates} == {1}


def test_both_partners_answering_at_once_leave_two_answers_and_a_locked_question(race):
    app, clock, alex, sam = race
    client = app.test_client()
    for round_ in range(ROUNDS):
        question_id = client.get("/api/v1/questions/today", headers=alex["headers"]).get_json()[
            "id"
        ]

        def answering(user, text, question_id=question_id):
            return lambda c: c.put(
                f"/api/v1/questions/{question_id}/answer",
                json={"text": text},
                headers=user["headers"],
            )

        first, second = _at_once(
            app, [answering(alex, f"alex {round_}"), answering(sam, f"sam {round_}")]
        )
        assert (first.status_code, second.status_code) == (200, 200)
        # One of them answered second, and saw the other's answer in its own reply.
        saw_partner = sorted(r.get_json()["partner_answered"] for r in (first, second))
        assert saw_partner == [False, True]
        later = next(r.get_json() for r in (first, second) if r.get_json()["partner_answered"])
        assert later["partner_answer"]["text"] in {f"alex {round_}", f"sam {round_}"}

        with app.app_context():
            texts = db.session.scalars(
                select(QuestionAnswer.text).where(QuestionAnswer.couple_question_id == question_id)
            ).all()
            assert sorted(texts) == [f"alex {round_}", f"sam {round_}"]
        locked = answering(alex, "changed my mind")(client)
        assert locked.status_code == 409 and locked.get_json()["code"] == "answer_locked"
        clock.advance(days=1)

    with app.app_context():
        kinds = db.session.execute(
            select(Notification.kind, func.count())
            .where(Notification.kind.like("question%"))
            .group_by(Notification.kind)
        ).all()
    assert dict(kinds) == {"question_answered": ROUNDS, "question_answers_open": ROUNDS}


def test_one_partner_sending_twice_at_once_keeps_one_answer(race):
    app, _, alex, sam = race
    client = app.test_client()
    question_id = client.get("/api/v1/questions/today", headers=sam["headers"]).get_json()["id"]
    responses = _at_once(
        app,
        [
            lambda c, n=n: c.put(
                f"/api/v1/questions/{question_id}/answer",
                json={"text": f"try {n}"},
                headers=alex["headers"],
            )
            for n in range(4)
        ],
    )
    assert [r.status_code for r in responses] == [200] * 4
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(QuestionAnswer)) == 1
        pushes = db.session.scalar(
            select(func.count()).where(Notification.kind == "question_answered")
        )
        assert pushes == 1
