"""Invites: creating one (it replaces the last), showing it again, redeeming it."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from api.clock import now
from api.couples import invite_codes
from api.couples.pairing import Pairing, Partner, create_couple, lock_people
from api.http.errors import ApiError, not_found
from models import Invite, User, db

INVITE_LIFETIME = timedelta(hours=48)


def already_paired() -> ApiError:
    return ApiError(409, "already_paired", "You are already paired with a partner.")


def invite_invalid() -> ApiError:
    # One answer for unknown, expired, used and withdrawn codes: a guesser learns nothing.
    return ApiError(404, "invite_invalid", "This invite code is not valid.")


def no_open_invite() -> ApiError:
    return not_found("You have no open invite.")


def live_invite_of(user_id: Any) -> Invite | None:
    return db.session.scalars(
        select(Invite).where(
            Invite.creator_id == user_id,
            Invite.used_at.is_(None),
            Invite.withdrawn_at.is_(None),
            Invite.expires_at > now(),
        )
    ).first()


def withdraw_live_invites(user_id: Any) -> None:
    db.session.execute(
        update(Invite)
        .where(
            Invite.creator_id == user_id,
            Invite.used_at.is_(None),
            Invite.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=now())
        .execution_options(synchronize_session=False)
    )


def _lock_live_invites_of(*user_ids: Any) -> None:
    # PostgreSQL locks the rows in the ORDER BY's order, so every redemption takes them in
    # the same order. SQLite has one writer at a time and ignores FOR UPDATE.
    db.session.execute(
        select(Invite.id)
        .where(
            Invite.creator_id.in_(user_ids),
            Invite.used_at.is_(None),
            Invite.withdrawn_at.is_(None),
        )
        .order_by(Invite.id)
        .with_for_update()
    ).all()


def create_invite(user_id: uuid.UUID) -> dict[str, Any]:
    """A new code for `user_id`, replacing any earlier one (committed)."""
    secret = current_app.config["SECRET_KEY"]
    code = invite_codes.generate_code()
    withdraw_live_invites(user_id)
    invite = Invite(
        creator_id=user_id,
        code_hash=invite_codes.lookup_hash(code, secret),
        code_encrypted=invite_codes.encrypt(code, secret),
        created_at=now(),
        expires_at=now() + INVITE_LIFETIME,
    )
    db.session.add(invite)
    try:
        db.session.commit()
    except IntegrityError as exc:  # the same user created another invite at this moment
        db.session.rollback()
        raise ApiError(409, "conflict", "Another invite was just created; try again.") from exc
    return {"code": invite_codes.display(code), "expires_at": invite.expires_at}


def shown_invite(user_id: uuid.UUID) -> dict[str, Any]:
    """The user's open invite, as its creator sees it again; 404 when there is none."""
    invite = live_invite_of(user_id)
    if invite is None:
        raise no_open_invite()
    code = invite_codes.decrypt(invite.code_encrypted, current_app.config["SECRET_KEY"])
    if code is None:  # the secret key was rotated: the old code can no longer be shown
        raise no_open_invite()
    return {"code": invite_codes.display(code), "expires_at": invite.expires_at}


def redeem(redeemer_id: uuid.UUID, typed_code: str) -> Pairing:
    """Pair the redeemer with the code's creator (not committed): the redeemer's pairing.
    Every other live invite of either of them is withdrawn.

    Redeeming locks every live invite of both people, in one order (by id): two
    redemptions of one code queue, the first wins; two people redeeming each other's codes
    at once queue too, instead of each holding one code and waiting for the other's, and
    the second finds its code withdrawn by the first. Either side pairing in any other
    concurrent request ends in the unique index on active members.
    """
    code = invite_codes.normalize(typed_code)
    if code is None:
        raise invite_invalid()
    code_hash = invite_codes.lookup_hash(code, current_app.config["SECRET_KEY"])
    creator_id = db.session.scalar(select(Invite.creator_id).where(Invite.code_hash == code_hash))
    if creator_id is None:
        raise invite_invalid()
    _lock_live_invites_of(creator_id, redeemer_id)
    invite = db.session.scalars(
        select(Invite).where(Invite.code_hash == code_hash).with_for_update()
    ).one()
    moment = now()
    if invite.used_at is not None or invite.withdrawn_at is not None or invite.expires_at <= moment:
        raise invite_invalid()
    if invite.creator_id == redeemer_id:
        raise ApiError(409, "own_invite", "This is your own invite code; share it instead.")
    lock_people(invite.creator_id, redeemer_id)
    moment = now()  # after the locks: it becomes paired_at (see api/couples/pairing.py)
    creator = db.session.get(User, invite.creator_id)
    if creator is None or creator.couple_id is not None:
        raise ApiError(409, "already_paired", "The person who shared this code is paired.")
    invite.used_at = moment
    try:
        couple = create_couple(invite.creator_id, redeemer_id, moment)
    except IntegrityError as exc:
        db.session.rollback()
        raise already_paired() from exc
    # Any other code either of them shared would pair them again with a third person once
    # this pairing ends, without their doing anything: it is withdrawn now.
    for user_id in (invite.creator_id, redeemer_id):
        withdraw_live_invites(user_id)
    partner = Partner(
        creator.id,
        creator.display_name,
        creator.timezone,
        creator.notify_partner_checkins,
        creator.locale,
    )
    return Pairing(couple.id, couple.paired_at, partner)
