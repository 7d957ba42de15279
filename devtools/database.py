"""A PostgreSQL database for the bench and the soak: made afresh, migrated, seeded.

Seeds two partners (Alex and Sam) with a year of daily check-ins and responses, as a
long-paired couple has, and a third account (Kim) that posts during the runs, so that
the couple's reads are not measured over thousands of check-ins posted that day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PASSWORD = "a long bench passphrase"  # noqa: S105 - throwaway accounts on a throwaway database
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TONES = ["sad", "tired", "calm", "happy", "stressed", "hopeful", "okay", "overwhelmed"]


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

    from api import create_app
    from api.config import Config
    from models import CheckIn, Couple, Response, db

    app = create_app(Config({**env, "DATABASE_URL": url}))
    with app.app_context():
        upgrade()
    client = app.test_client()
    users = {}
    for name in ("Alex", "Sam", "Kim"):
        users[name] = client.post(
            "/api/v1/auth/register",
            json={
                "email": f"{name.lower()}@bench.example",
                "password": PASSWORD,
                "display_name": name,
                "timezone": "Europe/Berlin",
            },
        ).get_json()
    code = client.post("/api/v1/invites", headers=_bearer(users["Alex"])).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=_bearer(users["Sam"]))

    with app.app_context():
        now = datetime.now(UTC)
        start = now - timedelta(days=days)
        db.session.query(Couple).update({"paired_at": start - timedelta(days=1)})
        alex_id, sam_id = (uuid.UUID(users[n]["user"]["id"]) for n in ("Alex", "Sam"))
        rows, answers = [], []
        for day in range(days):
            for i, (author, responder) in enumerate(((alex_id, sam_id), (sam_id, alex_id))):
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
    # A live database has planner statistics (autovacuum gathers them); without them the
    # first minute of a run would measure plans made for empty tables.
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("ANALYZE")
    return Seeded(*(users[n]["access_token"] for n in ("Alex", "Sam", "Kim")))


def _bearer(user: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {user['access_token']}"}
