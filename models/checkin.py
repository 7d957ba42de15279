from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, new_id, utcnow
from models.vocabulary import ENERGY_MAX, ENERGY_MIN, Quadrant, Tone, quadrant


class CheckIn(db.Model):  # type: ignore[name-defined]
    """A check-in, or once deleted its tombstone.

    A tombstone (`deleted_at` set) keeps the id, its author, when it was recorded and who
    could see it, so that a queued retry of the post cannot bring it back (410) and the
    sync feed can tell who saw it that it is gone. What it said (tone, energy, need, note,
    the request's fingerprint) is erased.
    """

    __tablename__ = "checkins"
    __table_args__ = (
        CheckConstraint(f"energy BETWEEN {ENERGY_MIN} AND {ENERGY_MAX}", name="energy_range"),
        CheckConstraint("visibility IN ('partner', 'private')", name="visibility_known"),
        CheckConstraint(
            "deleted_at IS NOT NULL OR (tone IS NOT NULL AND energy IS NOT NULL)",
            name="live_has_feeling",
        ),
        # Serves the newest-first keyset pages of one author, and the partner's window, in
        # index order. `deleted_at` is last: checked on the index entry (a tombstone costs
        # no table read), and not in the way of the order (an `IS NULL` is no equality to
        # PostgreSQL's planner, so a column before `recorded_at` would force a sort).
        Index("ix_checkins_author_recorded", "author_id", "recorded_at", "id", "deleted_at"),
    )

    # Clients may choose the id (offline-first): it doubles as an idempotency key.
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"))
    # Null only on a tombstone.
    tone: Mapped[str | None] = mapped_column(String(20))
    energy: Mapped[int | None] = mapped_column(SmallInteger)
    need: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    visibility: Mapped[str] = mapped_column(String(10), default="partner")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Fingerprint of the request that created it: a retry must carry the same body.
    request_hash: Mapped[str] = mapped_column(String(64))
    # One more than the author's latest shared check-in's when it was posted (None when
    # private): consecutive shared check-ins get consecutive numbers, which turn the
    # prompts' wordings without counting the whole history.
    shared_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @property
    def quadrant(self) -> Quadrant | None:
        if self.tone is None or self.energy is None:
            return None
        return quadrant(Tone(self.tone), self.energy)


class Response(db.Model):  # type: ignore[name-defined]
    """A partner turning toward a check-in; `felt_heard` is the check-in author's rating."""

    __tablename__ = "responses"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    checkin_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("checkins.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text, default=None)
    felt_heard: Mapped[bool | None] = mapped_column(Boolean, default=None)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IdempotencyKey(db.Model):  # type: ignore[name-defined]
    """An `Idempotency-Key` header seen from one user, and the check-in it created."""

    __tablename__ = "idempotency_keys"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    checkin_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("checkins.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Facts about the live shared check-ins of one author's UTC quarter hour (epoch seconds //
# 900), kept by triggers (migration 0012) whatever writes them: the weekly summary reads
# these, so its cost follows days, not how many check-ins one account posts. Counts are
# of check-ins unless named otherwise: `responses`, `rated` and `heard` count responses;
# `replied` check-ins have an answer from someone other than their author,
# `answered_in_time` one within the 24-hour window, `repairs` a response rated not heard
# and a later one rated heard. `open_from`/`open_until`: when the first and last
# unanswered check-in was created (whether their windows are open is the reader's now).
QUARTER_SECONDS = 900
QUARTER_FACTS = ("responses", "rated", "heard", "replied", "answered_in_time", "repairs")

checkin_quarters = Table(
    "checkin_quarters",
    db.metadata,
    Column(
        "author_id",
        Uuid,
        ForeignKey("users.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("quarter", BigInteger, primary_key=True),
    Column("checkins", Integer, nullable=False),
    Column("energy", Integer, nullable=False),
    *(Column(q.value, Integer, nullable=False) for q in Quadrant),
    *(Column(f"tone_{tone.value}", Integer, nullable=False) for tone in Tone),
    *(Column(name, Integer, nullable=False) for name in QUARTER_FACTS),
    Column("open_from", UTCDateTime, nullable=True),
    Column("open_until", UTCDateTime, nullable=True),
)
