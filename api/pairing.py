"""Who is paired with whom: the queries every couple-aware resource starts from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from api.errors import ApiError
from models import Couple, CoupleMember, User, db


@dataclass(frozen=True)
class Pairing:
    couple: Couple
    partner: User


def not_paired() -> ApiError:
    return ApiError(404, "not_paired", "You are not paired with a partner.")


def current_pairing(user: User) -> Pairing | None:
    """The caller's active couple and partner, in one query."""
    if user.couple_id is None:
        return None
    row = db.session.execute(
        select(Couple, User)
        .join(CoupleMember, CoupleMember.couple_id == Couple.id)
        .join(User, User.id == CoupleMember.user_id)
        .where(Couple.id == user.couple_id, Couple.ended_at.is_(None), User.id != user.id)
    ).first()
    return Pairing(couple=row[0], partner=row[1]) if row else None


def require_pairing(user: User) -> Pairing:
    pairing = current_pairing(user)
    if pairing is None:
        raise not_paired()
    return pairing


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
    return couple


def end_couple(couple_id: uuid.UUID, now: datetime) -> None:
    db.session.execute(
        update(CoupleMember)
        .where(CoupleMember.couple_id == couple_id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(Couple)
        .where(Couple.id == couple_id, Couple.ended_at.is_(None))
        .values(ended_at=now)
        .execution_options(synchronize_session=False)
    )
