"""Taking your data with you: everything stored about the caller, as one document."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from api.accounts.profile import user_view
from api.auth.caller import Caller
from api.clock import now
from api.questions.export import answers_of
from models import (
    CheckIn,
    Couple,
    CoupleMember,
    Device,
    IdempotencyKey,
    Identity,
    Invite,
    Response,
    TokenFamily,
    User,
    db,
)


def export_of(user: Caller) -> dict[str, Any]:
    """Everything stored about `user`, and of any partner nothing but a display name.

    Leaves out what is someone else's (the partner's responses to the user's check-ins
    appear only as the rating the user gave them; the user's own responses do not point
    at the partner's check-ins) and every secret: password hash, tokens (Apple's too),
    invite codes.
    """
    everything = db.session.scalars(
        select(CheckIn).where(CheckIn.author_id == user.id).order_by(CheckIn.recorded_at)
    ).all()
    checkins = [c for c in everything if c.deleted_at is None]
    # What is kept of a deleted check-in, so that a queued retry cannot bring it back.
    tombstones = [c for c in everything if c.deleted_at is not None]
    written = db.session.scalars(
        select(Response).where(Response.author_id == user.id).order_by(Response.created_at)
    ).all()
    ratings = db.session.execute(
        select(Response.id, Response.checkin_id, Response.felt_heard, Response.rated_at)
        .join(CheckIn, CheckIn.id == Response.checkin_id)
        .where(CheckIn.author_id == user.id, Response.felt_heard.is_not(None))
        .order_by(Response.rated_at)
    ).all()
    mine, theirs = aliased(CoupleMember), aliased(CoupleMember)
    pairings = db.session.execute(
        select(Couple.id, Couple.paired_at, Couple.ended_at, User.display_name)
        .join(mine, (mine.couple_id == Couple.id) & (mine.user_id == user.id))
        .outerjoin(theirs, (theirs.couple_id == Couple.id) & (theirs.user_id != user.id))
        .outerjoin(User, User.id == theirs.user_id)
        .order_by(Couple.paired_at)
    ).all()
    invites = db.session.scalars(
        select(Invite).where(Invite.creator_id == user.id).order_by(Invite.created_at)
    ).all()
    sessions = db.session.scalars(
        select(TokenFamily).where(TokenFamily.user_id == user.id).order_by(TokenFamily.created_at)
    ).all()
    devices = db.session.scalars(
        select(Device).where(Device.user_id == user.id).order_by(Device.created_at)
    ).all()
    identities = db.session.scalars(
        select(Identity).where(Identity.user_id == user.id).order_by(Identity.created_at)
    ).all()
    keys = db.session.scalars(
        select(IdempotencyKey)
        .where(IdempotencyKey.user_id == user.id)
        .order_by(IdempotencyKey.created_at)
    ).all()
    return {
        "exported_at": now(),
        "profile": user_view(user),
        "checkins": [
            {
                "id": c.id,
                "tone": c.tone,
                "energy": c.energy,
                "quadrant": c.quadrant,
                "need": c.need,
                "note": c.note,
                "visibility": c.visibility,
                "recorded_at": c.recorded_at,
                "created_at": c.created_at,
            }
            for c in checkins
        ],
        "deleted_checkins": [
            {
                "id": c.id,
                "visibility": c.visibility,
                "recorded_at": c.recorded_at,
                "created_at": c.created_at,
                "deleted_at": c.deleted_at,
            }
            for c in tombstones
        ],
        "responses": [
            {
                "id": r.id,
                "kind": r.kind,
                "message": r.message,
                "created_at": r.created_at,
            }
            for r in written
        ],
        "felt_heard_ratings": [
            {
                "response_id": r.id,
                "checkin_id": r.checkin_id,
                "felt_heard": r.felt_heard,
                "rated_at": r.rated_at,
            }
            for r in ratings
        ],
        # The caller's own answers to the daily question, in every pairing (the partner's
        # answers are the partner's).
        "question_answers": answers_of(user.id),
        "pairings": [
            {
                "couple_id": p.id,
                "paired_at": p.paired_at,
                "ended_at": p.ended_at,
                "partner_display_name": p.display_name,
            }
            for p in pairings
        ],
        "invites": [
            {
                "created_at": i.created_at,
                "expires_at": i.expires_at,
                "used_at": i.used_at,
                "withdrawn_at": i.withdrawn_at,
            }
            for i in invites
        ],
        # Which providers sign the user in, never the tokens kept for them.
        "identities": [
            {
                "provider": i.provider,
                "email": i.email,
                "linked_at": i.created_at,
                "last_used_at": i.last_used_at,
            }
            for i in identities
        ],
        "sessions": [{"started_at": s.created_at, "ended_at": s.revoked_at} for s in sessions],
        # Which phones receive pushes, without the push tokens themselves.
        "devices": [
            {
                "id": d.id,
                "platform": d.platform,
                "registered_at": d.created_at,
                "last_seen_at": d.last_seen_at,
            }
            for d in devices
        ],
        "idempotency_keys": [
            {"key": k.key, "checkin_id": k.checkin_id, "created_at": k.created_at} for k in keys
        ],
    }
