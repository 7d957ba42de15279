from marshmallow import fields, validate

from schemas.base import DumpSchema, LoadSchema, Text

CHANGE_TYPES = ["checkin", "checkin_removed", "couple", "question"]


class SyncQueryArgs(LoadSchema):
    since = Text(
        validate=validate.Length(min=1, max=500),
        metadata={
            "description": "The `next_cursor` of your last sync. Without it: no changes, and "
            "a cursor for now (take it, then load your lists, then sync from it).",
            # Opaque, sealed and bound to its user: only a cursor this service gave you is one.
            "format": "sync-cursor",
        },
    )
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))


class ChangeSchema(DumpSchema):
    type = fields.String(
        required=True,
        metadata={
            "enum": CHANGE_TYPES,
            "description": "More types may come: treat one you do not know as other.",
        },
    )
    id = fields.UUID(required=True)
    at = fields.AwareDateTime(required=True, metadata={"description": "When it changed"})
    data = fields.Dict(
        required=True,
        allow_none=True,
        metadata={
            "description": "What you may see of it now: the check-in as `GET /checkins/{id}` "
            "shows it, the couple as `GET /couple` does; null when it is gone from your view."
        },
    )


class SyncPageSchema(DumpSchema):
    changes = fields.List(fields.Nested(ChangeSchema), required=True)
    next_cursor = fields.String(
        required=True, metadata={"description": "Always there: keep it for next time."}
    )
    has_more = fields.Boolean(
        required=True, metadata={"description": "Whether to ask again now (pages may be short)."}
    )
