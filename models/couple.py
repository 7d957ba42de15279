from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import UTCDateTime, db, new_id, utcnow


class Invite(db.Model):  # type: ignore[name-defined]
    """An invite code. The database never holds the code itself, only:

    - `code_hash`, a keyed hash (HMAC) of the normalized code, to look it up, and
    - `code_encrypted`, the code encrypted with a key derived from the app secret, so that
      its creator can be shown it again.
    """

    __tablename__ = "invites"
    __table_args__ = (
        # One live invite per user: a new one withdraws the old in the same transaction.
        Index(
            "uq_invites_live_creator",
            "creator_id",
            unique=True,
            sqlite_where=text("used_at IS NULL AND withdrawn_at IS NULL"),
            postgresql_where=text("used_at IS NULL AND withdrawn_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    creator_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_encrypted: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Couple(db.Model):  # type: ignore[name-defined]
    """A pairing of two users. Ending it keeps the row (and the history) with `ended_at`."""

    __tablename__ = "couples"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    paired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class CoupleMember(db.Model):  # type: ignore[name-defined]
    """Membership of a user in a couple.

    The partial unique index on `user_id` where `active` is what guarantees, in the
    database itself, that a user is in at most one active couple, even when two
    redemptions race.
    """

    __tablename__ = "couple_members"
    __table_args__ = (
        Index(
            "uq_couple_members_active_user",
            "user_id",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )

    couple_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("couples.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
