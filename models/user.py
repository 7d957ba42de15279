from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, Uuid, and_, func, select, text
from sqlalchemy.orm import Mapped, column_property, mapped_column

from models.base import UTCDateTime, db, new_id, utcnow
from models.couple import CoupleMember
from models.identity import Identity
from models.languages import DEFAULT_LOCALE


def providers_of(joined: str | None) -> list[str]:
    """The linked providers, sorted, from the comma-joined column the queries load."""
    return sorted(joined.split(",")) if joined else []


class User(db.Model):  # type: ignore[name-defined]
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    # Stored lower-cased: emails are case-insensitive, and a plain unique index then suffices.
    # Null for an account made through Apple or Google without a verified email.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    # Null for an account that signs in only through Apple or Google.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(50))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # The language of pushes, and of answers whose request names no supported language.
    locale: Mapped[str] = mapped_column(String(8), default=DEFAULT_LOCALE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Notification preferences; times are local "HH:MM" in the user's time zone.
    notify_partner_checkins: Mapped[bool] = mapped_column(Boolean, default=True)
    reminder_time: Mapped[str | None] = mapped_column(String(5), default=None)
    quiet_hours_start: Mapped[str | None] = mapped_column(String(5), default="22:00")
    quiet_hours_end: Mapped[str | None] = mapped_column(String(5), default="08:00")

    # Loaded with the user in the same query: the couple they are in now, if any.
    couple_id: Mapped[uuid.UUID | None] = column_property(
        select(CoupleMember.couple_id)
        .where(and_(CoupleMember.user_id == id, CoupleMember.active.is_(True)))
        .correlate_except(CoupleMember)
        .scalar_subquery()
    )
    # And the providers linked to the account, comma-joined (see `identities`).
    linked_providers: Mapped[str | None] = column_property(
        select(func.aggregate_strings(Identity.provider, ","))
        .where(Identity.user_id == id)
        .correlate_except(Identity)
        .scalar_subquery()
    )

    @property
    def identities(self) -> list[str]:
        return providers_of(self.linked_providers)

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None


class TokenFamily(db.Model):  # type: ignore[name-defined]
    """One login session: the access and refresh tokens that descend from one login.

    Only the newest refresh token of a family is live (`refresh_jti`); presenting an older
    one means it was copied, so the whole family is revoked. Revocation lives here, in the
    database, so it holds across workers and restarts.

    The refresh token spent last (`spent_jti`, at `spent_at`) may come back for a few
    seconds (two requests racing from one phone): it gets the pair it got then, kept in
    `spent_answer`, sealed with a key only that token opens, and dropped when the grace ends.
    """

    __tablename__ = "token_families"
    __table_args__ = (
        # What `flask auth prune` visits: the few answers still kept.
        Index(
            "ix_token_families_spent_answer",
            "spent_at",
            sqlite_where=text("spent_answer IS NOT NULL"),
            postgresql_where=text("spent_answer IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    refresh_jti: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    spent_jti: Mapped[str | None] = mapped_column(String(36), default=None)
    spent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    spent_answer: Mapped[str | None] = mapped_column(Text, default=None)
