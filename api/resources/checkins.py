import base64
import binascii
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import and_, bindparam, delete, insert, or_, select, union_all
from sqlalchemy.exc import IntegrityError

from api.caller import Caller
from api.clock import now
from api.errors import ApiError, not_found
from api.notifications import outbox
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import Pairing, current_pairing
from api.reads import fetch
from api.render import (
    CHECKIN_COLUMNS,
    checkin_json,
    checkins_json,
    fold_responses,
    json_response,
    with_responses,
)
from api.visibility import shared_since, shown_checkin, visible_checkin
from models import CheckIn, IdempotencyKey, db
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


_CHECKIN_FIELDS = (*(column.key for column in CHECKIN_COLUMNS), "request_hash")
_INSERT_CHECKIN = insert(CheckIn.__table__)
_INSERT_KEY = insert(IdempotencyKey.__table__)


def _as_row(checkin: CheckIn) -> tuple[Any, ...]:
    """A new check-in's values in the order of CHECKIN_COLUMNS, as a row would have them."""
    return tuple(getattr(checkin, column.key) for column in CHECKIN_COLUMNS)


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


def encode_cursor(checkin: Any) -> str:
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


def stored_checkin_json(checkin_id: uuid.UUID) -> dict[str, Any]:
    statement = with_responses(select(*CHECKIN_COLUMNS).where(CheckIn.id == checkin_id))
    rows = fetch(statement)
    return checkins_json(fold_responses(rows))[0]


def _replay(
    user: Caller, body: dict[str, Any], key: str | None, print_: str
) -> dict[str, Any] | None:
    """The stored check-in if this post repeats an earlier one; 409 if it contradicts it."""
    if key is not None:
        record = db.session.get(IdempotencyKey, (user.id, key))
        if record is not None and record.created_at > now() - IDEMPOTENCY_KEY_TTL:
            if record.request_hash != print_ or (
                body.get("id") is not None and body["id"] != record.checkin_id
            ):
                raise idempotency_conflict()
            return stored_checkin_json(record.checkin_id)
        if record is not None:  # expired: the key may be used afresh
            db.session.delete(record)
            db.session.flush()
    if body.get("id") is not None:
        existing = db.session.get(CheckIn, body["id"])
        if existing is not None:
            if existing.author_id != user.id or existing.request_hash != print_:
                raise idempotency_conflict()
            return stored_checkin_json(existing.id)
    return None


def _newest_of(scope: Any, with_cursor: bool) -> Any:
    statement = select(*CHECKIN_COLUMNS).where(scope)
    if with_cursor:
        after_at: Any = bindparam("after_at")
        after_id: Any = bindparam("after_id")
        statement = statement.where(
            or_(
                CheckIn.recorded_at < after_at,
                and_(CheckIn.recorded_at == after_at, CheckIn.id < after_id),
            )
        )
    return statement.order_by(CheckIn.recorded_at.desc(), CheckIn.id.desc()).limit(
        bindparam("page_size")
    )


@cache
def _page_statement(author: str, paired: bool, with_cursor: bool) -> Any:
    """Built once per shape, with bound parameters, so each request only binds values.

    Each author's rows come from their own index range, newest first, limited to the
    page; the two short lists are then merged, and the page's responses joined on. The
    cost stays that of one page, however long the history, in one round trip.
    """
    mine = CheckIn.author_id == bindparam("me")
    theirs = shared_since(bindparam("partner"), bindparam("paired_at"))
    scopes = []
    if author in ("me", "both"):
        scopes.append(mine)
    if author in ("partner", "both") and paired:
        scopes.append(theirs)
    if not scopes:
        return None
    if len(scopes) == 1:
        return with_responses(_newest_of(scopes[0], with_cursor))
    merged = union_all(*(select(_newest_of(s, with_cursor).subquery()) for s in scopes)).subquery()
    return with_responses(
        select(merged)
        .order_by(merged.c.recorded_at.desc(), merged.c.id.desc())
        .limit(bindparam("page_size"))
    )


def newest_first(
    caller: Caller, pairing: Pairing | None, author: str, limit: int, cursor: str | None
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """One page of check-ins with their responses (and one more check-in, to know whether
    a next page exists)."""
    statement = _page_statement(author, pairing is not None, cursor is not None)
    if statement is None:
        return []
    values: dict[str, Any] = {"me": caller.id, "page_size": limit + 1}
    if pairing is not None:
        values.update(partner=pairing.partner.id, paired_at=pairing.paired_at)
    if cursor is not None:
        values["after_at"], values["after_id"] = decode_cursor(cursor)
    return fold_responses(fetch(statement, values))


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
        moment = now()
        recorded_at = (body.get("recorded_at") or moment).astimezone(UTC)
        try:
            check_recorded_at(recorded_at, moment)
        except ApiError:
            stored = _replay(current_user, body, key, print_)  # a late retry of a stored one
            if stored is None:
                raise
            return json_response(stored, 200)
        # Insert first and look only on a conflict: a first post, the usual case, costs no
        # extra query; a retry (the same id or key) is answered from what is stored.
        for _ in range(2):
            try:
                checkin = self._insert(body, key, print_, recorded_at, moment)
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
                stored = _replay(current_user, body, key, print_)
                if stored is not None:
                    return json_response(stored, 200)
                db.session.commit()  # an expired key was cleared: insert once more
                continue
            return json_response(checkin_json(_as_row(checkin)), 201)
        raise ApiError(409, "conflict", "This check-in could not be stored; try again.")

    @staticmethod
    def _insert(
        body: dict[str, Any], key: str | None, print_: str, recorded_at: Any, moment: Any
    ) -> CheckIn:
        """Insert the check-in (and its idempotency key) as Core statements, not committed.

        The unit of work would cost a third of a post here; the inserted values are
        known, so the answer is built from them. A conflicting id or key raises
        IntegrityError right away.
        """
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
        )
        connection = db.session.connection()
        connection.execute(
            _INSERT_CHECKIN, {column: getattr(checkin, column) for column in _CHECKIN_FIELDS}
        )
        if key is not None:
            connection.execute(
                _INSERT_KEY,
                {
                    "user_id": current_user.id,
                    "key": key,
                    "request_hash": print_,
                    "checkin_id": checkin.id,
                    "created_at": moment,
                },
            )
        outbox.partner_checked_in(current_user.display_name, current_pairing(current_user), checkin)
        return checkin

    @blp.authenticated()
    @blp.arguments(CheckInQueryArgs, location="query")
    @blp.response(200, CheckInPageSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self, args: dict[str, Any]) -> Any:
        """Check-ins, newest first by `recorded_at`, a page at a time."""
        limit = args["limit"]
        page = newest_first(
            current_user, current_pairing(current_user), args["author"], limit, args.get("cursor")
        )
        items = page[:limit]
        next_cursor = encode_cursor(items[-1][0]) if len(page) > limit else None
        return json_response({"items": checkins_json(items), "next_cursor": next_cursor})


@blp.route("/<uuid:checkin_id>")
class CheckInById(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, CheckInSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, checkin_id: uuid.UUID) -> Any:
        """One check-in, with the responses to it."""
        payload = checkin_json(
            *shown_checkin(current_user, current_pairing(current_user), checkin_id)
        )
        return json_response(payload, etag=blp)

    @blp.authenticated()
    @blp.response(204)
    @blp.errors(403, 404, *COMMON_ERRORS)
    def delete(self, checkin_id: uuid.UUID) -> None:
        """Delete one of your own check-ins, with the responses to it."""
        row = visible_checkin(current_user, current_pairing(current_user), checkin_id)
        if row is None:
            raise not_found("No such check-in.")
        if row.author_id != current_user.id:
            raise ApiError(403, "forbidden", "Only the author can delete a check-in.")
        db.session.execute(delete(CheckIn).where(CheckIn.id == checkin_id))
        db.session.commit()
