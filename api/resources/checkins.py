import base64
import binascii
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import and_, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from api.clock import now
from api.errors import ApiError, not_found
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import current_pairing
from api.visibility import shared_by_partner, visible_checkin, visible_to
from models import CheckIn, IdempotencyKey, User, db
from schemas.checkin import (
    CheckInCreateSchema,
    CheckInPageSchema,
    CheckInQueryArgs,
    CheckInSchema,
    IdempotencyHeaders,
)

blp = ApiBlueprint("checkins", __name__, description="Mood check-ins: how each partner feels.")

CLOCK_SKEW = timedelta(minutes=5)
OLDEST_RECORDING = timedelta(days=7)
IDEMPOTENCY_KEY_TTL = timedelta(hours=48)


def idempotency_conflict() -> ApiError:
    # The same words whoever owns the id: a 409 here must reveal nothing about the row.
    return ApiError(
        409,
        "idempotency_conflict",
        "This id or Idempotency-Key was already used for a different request.",
    )


def fingerprint(body: dict[str, Any]) -> str:
    """What makes two posts "the same request": every field the client chose."""
    recorded_at = body.get("recorded_at")
    canonical = {
        "tone": body["tone"].value,
        "energy": body["energy"],
        "need": body["need"].value if body.get("need") else None,
        "note": body.get("note"),
        "visibility": body["visibility"].value,
        "recorded_at": recorded_at.timestamp() if recorded_at else None,
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def check_recorded_at(recorded_at: datetime, moment: datetime) -> None:
    if recorded_at > moment + CLOCK_SKEW:
        message = "Must not be in the future."
    elif recorded_at < moment - OLDEST_RECORDING:
        message = "Must not be older than 7 days."
    else:
        return
    raise ApiError(
        422, "validation_error", f"recorded_at: {message}", errors={"recorded_at": [message]}
    )


def encode_cursor(checkin: CheckIn) -> str:
    raw = f"{checkin.recorded_at.isoformat()}|{checkin.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, _, checkin_id = raw.partition("|")
        recorded_at = datetime.fromisoformat(stamp)
        if recorded_at.tzinfo is None:
            raise ValueError("naive cursor")
        return recorded_at, uuid.UUID(checkin_id)
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise ApiError(
            422,
            "validation_error",
            "cursor: Not a cursor this service gave out.",
            errors={"cursor": ["Not a cursor this service gave out."]},
        ) from exc


def _with_responses(checkin_id: uuid.UUID) -> CheckIn:
    return db.session.scalars(
        select(CheckIn)
        .where(CheckIn.id == checkin_id)
        .options(selectinload(CheckIn.responses))
        .execution_options(populate_existing=True)
    ).one()


def _replay(user: User, body: dict[str, Any], key: str | None, print_: str) -> CheckIn | None:
    """The stored check-in if this post repeats an earlier one; 409 if it contradicts it."""
    if key is not None:
        record = db.session.get(IdempotencyKey, (user.id, key))
        if record is not None and record.created_at > now() - IDEMPOTENCY_KEY_TTL:
            if record.request_hash != print_ or (
                body.get("id") is not None and body["id"] != record.checkin_id
            ):
                raise idempotency_conflict()
            return _with_responses(record.checkin_id)
        if record is not None:  # expired: the key may be used afresh
            db.session.delete(record)
            db.session.flush()
    if body.get("id") is not None:
        existing = db.session.get(CheckIn, body["id"])
        if existing is not None:
            if existing.author_id != user.id or existing.request_hash != print_:
                raise idempotency_conflict()
            return _with_responses(existing.id)
    return None


@blp.route("")
class CheckIns(MethodView):
    @blp.authenticated()
    @blp.arguments(IdempotencyHeaders, location="headers")
    @blp.arguments(
        CheckInCreateSchema,
        example={"tone": "overwhelmed", "energy": 3, "need": "to_be_heard", "note": "Long day."},
    )
    @blp.response(201, CheckInSchema, description="Created.")
    @blp.alt_response(
        200, schema=CheckInSchema, description="A repeated post: the stored check-in."
    )
    @blp.errors(409, *COMMON_ERRORS)
    def post(self, headers: dict[str, Any], body: dict[str, Any]) -> Any:
        """Check in: how you feel, how much energy you have, and what would help."""
        key = headers.get("idempotency_key")
        print_ = fingerprint(body)
        stored = _replay(current_user, body, key, print_)
        if stored is not None:
            return stored, 200
        moment = now()
        recorded_at = (body.get("recorded_at") or moment).astimezone(UTC)
        check_recorded_at(recorded_at, moment)
        checkin = CheckIn(
            id=body.get("id") or uuid.uuid4(),
            author_id=current_user.id,
            tone=body["tone"].value,
            energy=body["energy"],
            need=body["need"].value if body.get("need") else None,
            note=body.get("note"),
            visibility=body["visibility"].value,
            recorded_at=recorded_at,
            created_at=moment,
            request_hash=print_,
            responses=[],
        )
        db.session.add(checkin)
        if key is not None:
            db.session.add(
                IdempotencyKey(
                    user_id=current_user.id,
                    key=key,
                    request_hash=print_,
                    checkin_id=checkin.id,
                    created_at=moment,
                )
            )
        try:
            db.session.commit()
        except IntegrityError:
            # A concurrent retry won the insert: answer as the retry it is.
            db.session.rollback()
            stored = _replay(current_user, body, key, print_)
            if stored is None:
                raise
            return stored, 200
        return checkin

    @blp.authenticated()
    @blp.arguments(CheckInQueryArgs, location="query")
    @blp.response(200, CheckInPageSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Check-ins, newest first by `recorded_at`, a page at a time."""
        pairing = current_pairing(current_user)
        if args["author"] == "me":
            scope = CheckIn.author_id == current_user.id
        elif args["author"] == "partner":
            scope = shared_by_partner(pairing)
        else:
            scope = visible_to(current_user, pairing)
        if args["author"] == "partner" and pairing is None:
            return {"items": [], "next_cursor": None}
        statement = select(CheckIn).where(scope)
        if "cursor" in args:
            after_at, after_id = decode_cursor(args["cursor"])
            statement = statement.where(
                or_(
                    CheckIn.recorded_at < after_at,
                    and_(CheckIn.recorded_at == after_at, CheckIn.id < after_id),
                )
            )
        limit = args["limit"]
        page = db.session.scalars(
            statement.order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc())
            .limit(limit + 1)
            .options(selectinload(CheckIn.responses))
        ).all()
        items = page[:limit]
        next_cursor = encode_cursor(items[-1]) if len(page) > limit else None
        return {"items": items, "next_cursor": next_cursor}


@blp.route("/<uuid:checkin_id>")
class CheckInById(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, CheckInSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, checkin_id: uuid.UUID) -> CheckIn:
        """One check-in, with the responses to it."""
        checkin = visible_checkin(current_user, current_pairing(current_user), checkin_id)
        if checkin is None:
            raise not_found("No such check-in.")
        return checkin

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(403, 404, *COMMON_ERRORS)
    def delete(self, checkin_id: uuid.UUID) -> None:
        """Delete one of your own check-ins, with the responses to it."""
        checkin = visible_checkin(
            current_user, current_pairing(current_user), checkin_id, with_responses=False
        )
        if checkin is None:
            raise not_found("No such check-in.")
        if checkin.author_id != current_user.id:
            raise ApiError(403, "forbidden", "Only the author can delete a check-in.")
        db.session.execute(delete(CheckIn).where(CheckIn.id == checkin_id))
        db.session.commit()
