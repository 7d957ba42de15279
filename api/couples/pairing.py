"""Who is paired with whom: plain facts every couple-aware resource starts from.

Pairing and unpairing are ordered against check-ins being posted, so that the sync log
(written by triggers, migration 0010) tells a partner of exactly the check-ins they
could see:

- Pairing locks both people's user rows (FOR UPDATE) before it takes the time that
  becomes `paired_at`. A check-in's insert holds a KEY SHARE lock on its author's row
  (the foreign-key check) until it commits, so a check-in in flight commits first and is
  recorded before the pairing; one that comes later waits, then sees the pairing.
- Unpairing updates the memberships first, which waits for check-ins in flight (their
  trigger holds the author's membership FOR SHARE), and only then takes the time that
  becomes `ended_at`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from blinker import Namespace
from flask import current_app
from sqlalchemy import and_, select, update
from sqlalchemy.orm import aliased

from api.clock import now
from api.http.errors import ApiError
from models import Couple, CoupleMember, User, db
from models.languages import DEFAULT_LOCALE

# Sent with `user_id` for each member whose pairing changed (not yet committed). Rooms that
# remember pairings listen (the caller cache, connected when the app starts), so this
# room needs to know none of them.
pairing_changed = Namespace().signal("pairing-changed")


def _announce(user_id: uuid.UUID) -> None:
    pairing_changed.send(current_app._get_current_object(), user_id=user_id)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Partner:
    id: uuid.UUID
    display_name: str
    timezone: str
    wants_checkin_notifications: bool = True
    locale: str = DEFAULT_LOCALE


@dataclass(frozen=True)
class Pairing:
    """The couple a user is in now, and the other person in it."""

    couple_id: uuid.UUID
    paired_at: datetime
    partner: Partner


class HasPairing(Protocol):
    @property
    def pairing(self) -> Pairing | None: ...


def couple_view(pairing: Pairing) -> dict[str, Any]:
    """The couple object of the contract, as one of its members sees it."""
    return {
        "id": pairing.couple_id,
        "paired_at": pairing.paired_at,
        "partner": {
            "id": pairing.partner.id,
            "display_name": pairing.partner.display_name,
            "timezone": pairing.partner.timezone,
        },
    }


def not_paired() -> ApiError:
    return ApiError(404, "not_paired", "You are not paired with a partner.")


def current_pairing(caller: HasPairing) -> Pairing | None:
    # Loaded with the caller by the token check: no query of its own.
    return caller.pairing


def require_pairing(caller: HasPairing) -> Pairing:
    if caller.pairing is None:
        raise not_paired()
    return caller.pairing


_mine, _theirs = aliased(CoupleMember), aliased(CoupleMember)


def pairing_of(user_id: uuid.UUID) -> Pairing | None:
    """The user's pairing now, read from the database (outside a request: no caller)."""
    row = db.session.execute(
        select(
            Couple.id,
            Couple.paired_at,
            User.id,
            User.display_name,
            User.timezone,
            User.notify_partner_checkins,
        )
        .join(_mine, and_(_mine.couple_id == Couple.id, _mine.active.is_(True)))
        .join(_theirs, and_(_theirs.couple_id == Couple.id, _theirs.user_id != _mine.user_id))
        .join(User, User.id == _theirs.user_id)
        .where(_mine.user_id == user_id)
    ).first()
    if row is None:
        return None
    couple_id, paired_at, partner_id, name, timezone, notify = row
    return Pairing(couple_id, paired_at, Partner(partner_id, name, timezone, notify))


def lock_people(first: uuid.UUID, second: uuid.UUID) -> None:
    """Lock two users' rows (in id order, so two pairings cannot deadlock) until commit:
    check-ins they are posting finish first, later ones wait (see the module docstring)."""
    db.session.execute(
        select(User.id).where(User.id.in_([first, second])).order_by(User.id).with_for_update()
    )


def create_couple(first: uuid.UUID, second: uuid.UUID, now: datetime) -> Couple:
    """Insert a couple and its two active memberships (not committed).

    Memberships are inserted in user-id order, so two transactions pairing the same
    people queue on the unique index instead of deadlocking; the loser gets an
    IntegrityError from the partial unique index on active members.
    """
    couple = Couple(id=uuid.uuid4(), paired_at=now)
    db.session.add(couple)
    db.session.flush()
    for user_id in sorted((first, second)):
        db.session.add(CoupleMember(couple_id=couple.id, user_id=user_id, active=True))
        db.session.flush()
        _announce(user_id)
    return couple


def end_couple(couple_id: uuid.UUID) -> None:
    """End a pairing for both (not committed); `ended_at` is taken once the memberships
    are updated, after any check-in in flight (see the module docstring)."""
    members = db.session.execute(
        update(CoupleMember)
        .where(CoupleMember.couple_id == couple_id)
        .values(active=False)
        .returning(CoupleMember.user_id)
        .execution_options(synchronize_session=False)
    )
    for user_id in members.scalars().all():
        _announce(user_id)
    db.session.execute(
        update(Couple)
        .where(Couple.id == couple_id, Couple.ended_at.is_(None))
        .values(ended_at=now())
        .execution_options(synchronize_session=False)
    )
