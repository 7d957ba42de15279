"""A PostgreSQL database for the bench and the soak: made afresh, migrated, seeded.

Seeds two partners (Alex and Sam) with a year of daily check-ins and responses, as a
long-paired couple has, and a third account (Kim) that posts during the runs, so that
the couple's reads are not measured over thousands of check-ins posted that day.

For the bench, `seed_heavy_week` adds a second couple (Robin and Jo) with the same year,
except that Jo's last 7 days hold 3,500 shared check-ins: the most the check-in limits
(500 a day) let anyone post in a week.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

PASSWORD = "a long bench passphrase"  # noqa: S105 - throwaway accounts on a throwaway database
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TONES = ["sad", "tired", "calm", "happy", "stressed", "hopeful", "okay", "overwhelmed"]
NEEDS = [None, "comfort", "to_be_heard", "space", "closeness", "encouragement"]
# 500 a day (RATELIMIT_CHECKIN's default day limit) for 7 days.
HEAVY_WEEK_CHECKINS = 3500


def database_url(name: str, host: str = "127.0.0.1") -> str:
    return f"postgresql+psycopg://postgres@{host}:5432/{name}"


def fresh_database(name: str, admin_url: str = ADMIN_URL) -> str:
    """Drop and create the database `name`; its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return database_url(name)


@dataclass(frozen=True)
class Seeded:
    """Access tokens of the seeded accounts."""

    alex: str
    sam: str
    kim: str


def seed(url: str, env: dict[str, str], days: int = 365) -> Seeded:
    """Migrate `url` and seed the couple's history (`env`: the app's settings)."""
    from flask_migrate import upgrade

    from models import db

    app = _app(url, env)
    with app.app_context():
        upgrade()
    client = app.test_client()
    users = _register(client, ("Alex", "Sam", "Kim"))
    _pair(client, users["Alex"], users["Sam"])

    with app.app_context():
        now = datetime.now(UTC)
        start = now - timedelta(days=days)
        alex_id, sam_id = (_id(users[n]) for n in ("Alex", "Sam"))
        _set_paired_at(alex_id, start - timedelta(days=1))
        rows, answers = _daily_history(alex_id, sam_id, start, days)
        db.session.add_all(rows)
        db.session.flush()
        db.session.add_all(answers)
        db.session.commit()
        db.engine.dispose()
    # Today's check-ins, through the API, so prompts have something recent to work from.
    client.post(
        "/api/v1/checkins",
        json={"tone": "overwhelmed", "energy": 2, "need": "to_be_heard"},
        headers=_bearer(users["Sam"]),
    )
    client.post(
        "/api/v1/checkins", json={"tone": "excited", "energy": 9}, headers=_bearer(users["Alex"])
    )
    _analyze(url)
    return Seeded(*(users[n]["access_token"] for n in ("Alex", "Sam", "Kim")))


@dataclass(frozen=True)
class HeavyWeek:
    """Access tokens of the heavy week's couple, and how it was seeded."""

    robin: str
    jo: str
    checkins: int  # Jo's shared check-ins in the 7 days before the seeding
    interval: timedelta  # between two of them
    answered_every: int  # Robin answered every n-th of them


def seed_heavy_week(
    url: str,
    env: dict[str, str],
    days: int = 365,
    checkins: int = HEAVY_WEEK_CHECKINS,
    answered_every: int = 10,
) -> HeavyWeek:
    """A second couple on `url` (migrated and seeded by `seed`): Robin and Jo (Europe/Berlin),
    paired a year ago, with a year of daily check-ins and responses like Alex and Sam's,
    except that Jo's 7 days before now hold `checkins` shared check-ins, evenly spaced
    (3,500: one every 2.88 minutes, so every quarter hour of the week has some), of varied
    tones, energies and needs; Robin answered every `answered_every`-th (felt heard: yes,
    no, unrated in turn) and kept checking in once a day (Jo answering, as before).

    Plain INSERTs through the app's models, so the database's triggers (the sync feed's
    log) run for every row as they would for posted ones.
    """
    from models import CheckIn, Response, db

    app = _app(url, env)
    client = app.test_client()
    users = _register(client, ("Robin", "Jo"))
    _pair(client, users["Robin"], users["Jo"])
    week = timedelta(days=7)
    interval = week / checkins

    with app.app_context():
        now = datetime.now(UTC)
        start = now - timedelta(days=days)
        robin_id, jo_id = (_id(users[n]) for n in ("Robin", "Jo"))
        _set_paired_at(robin_id, start - timedelta(days=1))
        rows, answers = _daily_history(robin_id, jo_id, start, days)
        # Jo's once-a-day check-ins of the heavy week make way for the heavy week's.
        heavy_from = now - week
        kept = {r.id for r in rows if r.author_id != jo_id or r.recorded_at < heavy_from}
        rows = [r for r in rows if r.id in kept]
        answers = [a for a in answers if a.checkin_id in kept]
        for k in range(checkins):
            at = heavy_from + interval * k  # the oldest a week ago, the newest just now
            checkin_id = uuid.uuid4()
            rows.append(
                CheckIn(
                    id=checkin_id,
                    author_id=jo_id,
                    tone=TONES[k % len(TONES)],
                    energy=1 + (k * 7) % 10,
                    need=NEEDS[k % len(NEEDS)],
                    note="Bench note" if k % 2 else None,
                    visibility="partner",
                    recorded_at=at,
                    created_at=at,
                    request_hash="bench",
                )
            )
            if k % answered_every == 0:
                answered_at = min(at + timedelta(minutes=20), now)
                felt_heard = (True, False, None)[k // answered_every % 3]
                answers.append(
                    Response(
                        checkin_id=checkin_id,
                        author_id=robin_id,
                        kind="reflect",
                        message="I hear you.",
                        felt_heard=felt_heard,
                        rated_at=None if felt_heard is None else now,
                        created_at=answered_at,
                    )
                )
        db.session.add_all(rows)
        db.session.flush()
        db.session.add_all(answers)
        db.session.commit()
        db.engine.dispose()
    _analyze(url)
    return HeavyWeek(
        users["Robin"]["access_token"],
        users["Jo"]["access_token"],
        checkins,
        interval,
        answered_every,
    )


def _app(url: str, env: dict[str, str]) -> Any:
    from api import create_app
    from api.config import Config

    return create_app(Config({**env, "DATABASE_URL": url}))


def _register(client: Any, names: tuple[str, ...]) -> dict[str, dict]:
    return {
        name: client.post(
            "/api/v1/auth/register",
            json={
                "email": f"{name.lower()}@bench.example",
                "password": PASSWORD,
                "display_name": name,
                "timezone": "Europe/Berlin",
            },
        ).get_json()
        for name in names
    }


def _pair(client: Any, inviter: dict, invitee: dict) -> None:
    code = client.post("/api/v1/invites", headers=_bearer(inviter)).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=_bearer(invitee))


def _id(user: dict) -> uuid.UUID:
    return uuid.UUID(user["user"]["id"])


def _set_paired_at(member_id: uuid.UUID, paired_at: datetime) -> None:
    """Backdate the pairing of `member_id`'s couple (and no other)."""
    from models import Couple, CoupleMember, db

    couple_id = (
        db.session.query(CoupleMember.couple_id).filter_by(user_id=member_id, active=True).scalar()
    )
    db.session.query(Couple).filter_by(id=couple_id).update({"paired_at": paired_at})


def _daily_history(
    first: uuid.UUID, second: uuid.UUID, start: datetime, days: int
) -> tuple[list, list]:
    """Each partner's shared check-in once a day from `start` (`first` 8 hours into each
    day, `second` 18), each answered by the other an hour later: the check-ins and the
    responses."""
    from models import CheckIn, Response

    rows, answers = [], []
    for day in range(days):
        for i, (author, responder) in enumerate(((first, second), (second, first))):
            at = start + timedelta(days=day, hours=8 + 10 * i)
            checkin_id = uuid.uuid4()
            rows.append(
                CheckIn(
                    id=checkin_id,
                    author_id=author,
                    tone=TONES[(day + i) % len(TONES)],
                    energy=1 + (day * 3 + i) % 10,
                    need="comfort" if day % 3 == 0 else None,
                    note="Bench note",
                    visibility="partner",
                    recorded_at=at,
                    created_at=at,
                    request_hash="bench",
                )
            )
            answers.append(
                Response(
                    checkin_id=checkin_id,
                    author_id=responder,
                    kind="reflect",
                    message="I hear you.",
                    felt_heard=day % 2 == 0 or None,
                    created_at=at + timedelta(hours=1),
                )
            )
    return rows, answers


def _analyze(url: str) -> None:
    # A live database has planner statistics (autovacuum gathers them); without them the
    # first minute of a run would measure plans made for empty tables.
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("ANALYZE")


def _bearer(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}
