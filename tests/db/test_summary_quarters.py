"""The weekly summary reads what each quarter hour is made of (`checkin_quarters`, kept by
triggers), not the rows: the same answers as folding every row (the frozen oracle in
tests/oracles), in zones whose days are not UTC's, across DST changes, with windows open
and closed, a pairing that began inside a quarter hour, deletions and ratings changed
after the fact; and what it reads is bounded by days x people, not by check-ins."""

from __future__ import annotations

import importlib.util
import json
import random
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, text, update

from api.attunement.summary import Person, ResponseFact, SharedCheckIn, current_week
from models import CheckIn, Couple, Response, checkin_quarters, db
from models.vocabulary import Tone
from tests.conftest import PASSWORD, Accounts
from tests.oracles import summary_from_rows as oracle

# Each zone with a day near one of its offset changes (or none), and the partner's zone.
ZONES = [
    ("Europe/Berlin", datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "America/Los_Angeles"),
    ("America/New_York", datetime(2026, 3, 8, 7, 0, tzinfo=UTC), "Europe/Berlin"),
    ("Asia/Kolkata", datetime(2026, 6, 10, 0, 0, tzinfo=UTC), "Asia/Kathmandu"),
    ("Australia/Lord_Howe", datetime(2026, 4, 4, 15, 0, tzinfo=UTC), "Pacific/Chatham"),
    ("America/Santiago", datetime(2026, 4, 5, 3, 0, tzinfo=UTC), "America/St_Johns"),
    ("Pacific/Kiritimati", datetime(2026, 9, 1, 0, 0, tzinfo=UTC), "Pacific/Pago_Pago"),
]


def _random_history(rng, alex, sam, around):
    """Shared and private check-ins of both over four weeks, some crowded into one quarter
    hour, some posted late (backdated), answered by the other on time, late or not at all,
    rated heard, not heard or not at all."""
    ids = {"Alex": uuid.UUID(alex["user"]["id"]), "Sam": uuid.UUID(sam["user"]["id"])}
    checkins, responses = [], []
    for _ in range(160):
        author, responder = rng.sample(list(ids.values()), 2)
        recorded = around + timedelta(minutes=rng.randrange(-20 * 24 * 60, 9 * 24 * 60))
        for _ in range(rng.choice([1, 1, 1, 2, 4])):  # several in the same quarter hour
            at = recorded + timedelta(
                seconds=rng.randrange(0, 300), microseconds=rng.randrange(10**6)
            )
            created = at + rng.choice(
                [timedelta(0), timedelta(0), timedelta(hours=rng.randrange(1, 60))]
            )
            checkin = CheckIn(
                id=uuid.uuid4(),
                author_id=author,
                tone=rng.choice(list(Tone)).value,
                energy=rng.randint(1, 10),
                visibility=rng.choice(["partner"] * 6 + ["private"]),
                recorded_at=at,
                created_at=created,
                request_hash="x",
            )
            checkins.append(checkin)
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                responses.append(
                    Response(
                        id=uuid.uuid4(),
                        checkin_id=checkin.id,
                        author_id=responder,
                        kind="reflect",
                        created_at=created
                        + rng.choice(
                            [
                                timedelta(hours=24),  # the last moment of the window
                                timedelta(hours=24, microseconds=1),
                                timedelta(minutes=rng.randrange(1, 60 * 40)),
                            ]
                        ),
                        felt_heard=rng.choice([None, True, False]),
                    )
                )
    return checkins, responses


def _change_some_afterwards(rng, checkins, responses):
    """What happens later: tombstones (their responses go), ratings changed, a response
    deleted, a check-in moved - each through the triggers."""
    for checkin in rng.sample(checkins, 12):
        db.session.execute(
            update(CheckIn)
            .where(CheckIn.id == checkin.id)
            .values(deleted_at=checkin.created_at, tone=None, energy=None, note=None)
        )
        db.session.execute(delete(Response).where(Response.checkin_id == checkin.id))
    for response in rng.sample(responses, 15):
        db.session.execute(
            update(Response)
            .where(Response.id == response.id)
            .values(
                felt_heard=rng.choice([None, True, False]),
                rated_at=response.created_at + timedelta(hours=1),
            )
        )
    for response in rng.sample(responses, 5):
        db.session.execute(delete(Response).where(Response.id == response.id))
    for checkin in rng.sample(checkins, 5):
        db.session.execute(
            update(CheckIn)
            .where(CheckIn.id == checkin.id)
            .values(recorded_at=checkin.recorded_at - timedelta(minutes=rng.randrange(1, 600)))
        )
    db.session.commit()


def _oracle_inputs(pair_ids, paired_at):
    rows = db.session.scalars(
        select(CheckIn).where(
            CheckIn.author_id.in_(pair_ids),
            CheckIn.deleted_at.is_(None),
            CheckIn.visibility == "partner",
            CheckIn.recorded_at >= paired_at,
        )
    ).all()
    checkins = [
        SharedCheckIn(c.id, c.author_id, Tone(c.tone), c.energy, c.recorded_at, c.created_at)
        for c in rows
    ]
    listed = {c.id for c in rows}
    responses = [
        ResponseFact(r.checkin_id, r.author_id, r.created_at, r.felt_heard)
        for r in db.session.scalars(select(Response)).all()
        if r.checkin_id in listed
    ]
    return checkins, responses


def _as_json(value):
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(("zone", "around", "partner_zone"), ZONES)
def test_the_summary_from_quarters_is_the_summary_from_every_row(
    app, client, pair, clock, zone, around, partner_zone
):
    rng = random.Random(zone)
    # A pairing that began inside a quarter hour: what came before it in that quarter is
    # not the couple's.
    clock.current = around - timedelta(days=14, minutes=-7, seconds=-13)
    alex, sam = pair("Alex", "Sam", first_timezone=zone, second_timezone=partner_zone)
    with app.app_context():
        paired_at = db.session.scalar(select(Couple.paired_at))
        assert paired_at == clock.current
        checkins, responses = _random_history(rng, alex, sam, around)
        # Sam's, in the quarter hour the pairing began: before it (not the couple's), after.
        checkins += [
            CheckIn(
                id=uuid.uuid4(),
                author_id=uuid.UUID(sam["user"]["id"]),
                tone="hurt",
                energy=2,
                visibility="partner",
                recorded_at=paired_at + timedelta(minutes=minutes),
                created_at=paired_at + timedelta(minutes=minutes),
                request_hash="x",
            )
            for minutes in (-3, 1, 2)
        ]
        db.session.add_all(checkins)
        db.session.flush()
        db.session.add_all(responses)
        db.session.commit()
        _change_some_afterwards(rng, checkins, responses)
        pair_ids = [uuid.UUID(u["user"]["id"]) for u in (alex, sam)]
        history = _oracle_inputs(pair_ids, paired_at)

    people = {
        "Alex": Person(pair_ids[0], "Alex"),
        "Sam": Person(pair_ids[1], "Sam"),
    }
    compared = 0
    for hours_later in (0, 31, 24 * 6 + 5):
        clock.current = around + timedelta(hours=hours_later, minutes=rng.randrange(60))
        for user, me, partner, tz in (
            (alex, people["Alex"], people["Sam"], ZoneInfo(zone)),
            (sam, people["Sam"], people["Alex"], ZoneInfo(partner_zone)),
        ):
            newest = current_week(clock.current, tz)
            for back in range(4):
                week = newest.previous(back) if back else newest
                body = client.get(
                    f"/api/v1/couple/summary?week={week}", headers=user["headers"]
                ).get_json()
                expected = oracle.summarize_week(week, tz, me, partner, *history, clock.current)
                assert body == _as_json(expected), (str(week), tz.key)
                compared += body["partners"][0]["checkins"] + body["partners"][1]["checkins"]
            trend = client.get(
                "/api/v1/couple/summaries?weeks=6", headers=user["headers"]
            ).get_json()
            expected = oracle.summarize_weeks(newest, 6, tz, me, partner, *history, clock.current)
            assert trend == {"weeks": _as_json(expected)}
    assert compared > 100  # the weeks compared did hold check-ins


def _migration():
    path = Path(__file__).parents[2] / "migrations" / "versions" / "0012_checkin_quarters.py"
    spec = importlib.util.spec_from_file_location("checkin_quarters_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_quarters_kept_by_triggers_are_the_quarters_recomputed_from_rows(
    app, client, pair, accounts, clock
):
    """Whatever wrote or removed the rows (the API, a cascade from a deleted account, plain
    updates), the kept quarters equal those computed afresh from what is left."""
    rng = random.Random(22)
    clock.current = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    alex, sam = pair("Alex", "Sam")
    with app.app_context():
        checkins, responses = _random_history(rng, alex, sam, clock.current + timedelta(days=20))
        db.session.add_all(checkins)
        db.session.flush()
        db.session.add_all(responses)
        db.session.commit()
        _change_some_afterwards(rng, checkins, responses)
    # Sam's account goes: the responses Sam wrote to Alex's check-ins go with it.
    assert (
        client.delete("/api/v1/me", json={"password": PASSWORD}, headers=sam["headers"]).status_code
        == 204
    )
    with app.app_context():
        kept = db.session.execute(
            select(checkin_quarters)
            .where(checkin_quarters.c.checkins > 0)  # an emptied quarter keeps a zero row
            .order_by(checkin_quarters.c.author_id, "quarter")
        ).all()
        db.session.execute(delete(checkin_quarters))
        dialect = _migration().Dialect(db.engine.dialect.name)
        db.session.execute(text(_migration()._backfill(dialect)))
        fresh = db.session.execute(
            select(checkin_quarters).order_by(checkin_quarters.c.author_id, "quarter")
        ).all()
        db.session.rollback()
    assert kept == fresh
    assert len(kept) > 50
    assert {row.author_id for row in kept} == {uuid.UUID(alex["user"]["id"])}


def test_the_summary_reads_days_times_people_rows_not_check_ins(
    app, client, pair, clock, monkeypatch
):
    """3,500 check-ins in a week (the most the limits allow), one every 2.88 minutes so
    that every quarter hour holds some: the summary still reads at most a row per person
    and day of the two weeks it looks at, in one statement."""
    import api.guidance.week_days as week_days

    monday = datetime(2026, 11, 23, 0, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    clock.current = monday - timedelta(days=8)
    alex, sam = pair("Alex", "Sam", first_timezone="Europe/Berlin")
    sam_id = uuid.UUID(sam["user"]["id"])
    with app.app_context():
        db.session.add_all(
            CheckIn(
                id=uuid.uuid4(),
                author_id=sam_id,
                tone=list(Tone)[n % len(Tone)].value,
                energy=1 + n % 10,
                visibility="partner",
                recorded_at=monday + n * timedelta(minutes=2.88),
                created_at=monday + n * timedelta(minutes=2.88),
                request_hash="x",
            )
            for n in range(3500)
        )
        db.session.commit()
    read = []
    real_fetch = week_days.fetch

    def counting_fetch(statement, params=None):
        rows = list(real_fetch(statement, params))
        read.append(len(rows))
        return rows

    monkeypatch.setattr(week_days, "fetch", counting_fetch)
    clock.current = monday + timedelta(days=6, hours=23)
    response = client.get("/api/v1/couple/summary", headers=alex["headers"])
    assert response.status_code == 200
    partner = response.get_json()["partners"][1]
    assert (partner["checkins"], partner["days_checked_in"]) == (3500, 7)
    days, people = 14, 2
    assert len(read) == 1 and read[0] <= days * people


def _kept_and_fresh(app):
    with app.app_context():
        order = (checkin_quarters.c.author_id, checkin_quarters.c.quarter)
        kept = db.session.execute(
            select(checkin_quarters).where(checkin_quarters.c.checkins > 0).order_by(*order)
        ).all()
        db.session.execute(delete(checkin_quarters))
        dialect = _migration().Dialect(db.engine.dialect.name)
        db.session.execute(text(_migration()._backfill(dialect)))
        fresh = db.session.execute(select(checkin_quarters).order_by(*order)).all()
        db.session.rollback()
    return kept, fresh


def test_simultaneous_posts_answers_and_deletions_in_one_quarter_are_all_counted(
    make_app, is_postgres
):
    """Twelve connections at once write into the same quarter hour of the same author:
    posts (each adds itself), answers, ratings and a deletion (each recomputes the quarter
    under its row's lock). Nothing written is lost to a recomputation that did not see it."""
    if not is_postgres:
        pytest.skip("races are proven on PostgreSQL (set TEST_DATABASE_URL)")
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 14, "max_overflow": 2})
    moment = datetime(2026, 11, 30, 10, 1, tzinfo=UTC)
    app.config["CLOCK"] = lambda: moment
    client = app.test_client()
    accounts = Accounts(client)
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    assert (
        client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"]).status_code
        == 201
    )
    earlier = [
        client.post(
            "/api/v1/checkins", json={"tone": "sad", "energy": 3}, headers=sam["headers"]
        ).get_json()["id"]
        for _ in range(6)
    ]
    answers = [
        client.post(
            f"/api/v1/checkins/{checkin_id}/responses",
            json={"kind": "reflect"},
            headers=alex["headers"],
        ).get_json()["id"]
        for checkin_id in earlier[:3]
    ]

    def act(n, client):
        if n < 6:
            return client.post(
                "/api/v1/checkins", json={"tone": "calm", "energy": 6}, headers=sam["headers"]
            )
        if n < 9:
            return client.post(
                f"/api/v1/checkins/{earlier[n - 3]}/responses",
                json={"kind": "comfort"},
                headers=alex["headers"],
            )
        if n < 11:
            return client.put(
                f"/api/v1/responses/{answers[n - 9]}/felt-heard",
                json={"felt_heard": n == 9},
                headers=sam["headers"],
            )
        return client.delete(f"/api/v1/checkins/{earlier[2]}", headers=sam["headers"])

    barrier = threading.Barrier(12)

    def call(n):
        client = app.test_client()
        barrier.wait()
        return act(n, client)

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(call, range(12)))

    assert sorted(r.status_code for r in results) == [200] * 2 + [201] * 9 + [204]
    kept, fresh = _kept_and_fresh(app)
    assert kept == fresh
    (quarter,) = kept
    assert (quarter.checkins, quarter.responses, quarter.rated, quarter.heard) == (11, 5, 2, 1)
