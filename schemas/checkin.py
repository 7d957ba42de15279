from marshmallow import EXCLUDE, Schema, fields, validate

from models.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    Need,
    Quadrant,
    ResponseKind,
    Tone,
    Visibility,
)
from schemas.base import (
    DumpSchema,
    FullMatch,
    LoadSchema,
    QueryInteger,
    StrictBoolean,
    StrictInteger,
    Text,
    UtcDateTime,
    enum_string,
)


class ResponseSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    checkin_id = fields.UUID(dump_only=True)
    author_id = fields.UUID(dump_only=True)
    kind = enum_string(ResponseKind, metadata={"example": "reflect"})
    message = fields.String(
        dump_only=True,
        allow_none=True,
        metadata={"example": "That sounds like a lot to carry today."},
    )
    felt_heard = fields.Boolean(
        dump_only=True,
        allow_none=True,
        metadata={"description": "null until the author rates it", "example": True},
    )
    created_at = fields.AwareDateTime(dump_only=True)


class CheckInSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    author_id = fields.UUID(dump_only=True)
    tone = enum_string(Tone, metadata={"example": "overwhelmed"})
    energy = fields.Integer(
        dump_only=True, metadata={"minimum": ENERGY_MIN, "maximum": ENERGY_MAX, "example": 3}
    )
    quadrant = enum_string(Quadrant, metadata={"example": "low_unpleasant"})
    need = enum_string(Need, allow_none=True, metadata={"example": "to_be_heard"})
    note = fields.String(dump_only=True, allow_none=True, metadata={"example": "Long day."})
    visibility = enum_string(Visibility, metadata={"example": "partner"})
    recorded_at = fields.AwareDateTime(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    responses = fields.List(fields.Nested(ResponseSchema), dump_only=True)


class CheckInCreateSchema(LoadSchema):
    id = fields.UUID(
        metadata={"description": "Optional client-generated id; posting it again is safe."}
    )
    tone = fields.Enum(Tone, by_value=True, required=True)
    energy = StrictInteger(
        required=True,
        validate=validate.Range(min=ENERGY_MIN, max=ENERGY_MAX),
        metadata={"example": 3},
    )
    need = fields.Enum(Need, by_value=True, allow_none=True)
    note = Text(allow_none=True, validate=validate.Length(max=1000))
    visibility = fields.Enum(Visibility, by_value=True, load_default=Visibility.PARTNER)
    recorded_at = UtcDateTime(
        metadata={
            "description": "When the feeling was recorded (offline sync): not in the future "
            "(5 minutes of clock skew allowed), not older than 7 days. Default: now. A time "
            "ahead of the server's clock (within the skew) is stored as the time of the post."
        }
    )


class CheckInQueryArgs(LoadSchema):
    author = fields.String(load_default="both", validate=validate.OneOf(["me", "partner", "both"]))
    # Query strings are text: a plain Integer parses "20"; the range keeps SQL from overflowing.
    limit = QueryInteger(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = Text(
        validate=FullMatch(r"^[A-Za-z0-9_-]{32}$", error="Not a cursor this service gave out."),
        metadata={"description": "`next_cursor` of the page before: where this page starts."},
    )


class CheckInPageSchema(DumpSchema):
    items = fields.List(fields.Nested(CheckInSchema))
    next_cursor = fields.String(
        allow_none=True,
        metadata={
            "description": "Send it as `cursor` for the next page; null on the last page.",
            "example": None,
        },
    )


class IdempotencyHeaders(Schema):
    class Meta:
        unknown = EXCLUDE  # every other request header is none of our business

    idempotency_key = Text(
        data_key="Idempotency-Key",
        validate=validate.Length(min=1, max=255),
        metadata={"description": "Makes a retried POST safe: same key and body replay."},
    )


class ResponseCreateSchema(LoadSchema):
    kind = fields.Enum(ResponseKind, by_value=True, required=True)
    message = Text(allow_none=True, validate=validate.Length(max=500))


class FeltHeardSchema(LoadSchema):
    felt_heard = StrictBoolean(required=True)
