from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from schemas.base import DumpSchema, LoadSchema, Text

PLATFORMS = ["ios", "android"]


def _push_token(**kwargs: Any) -> Text:
    return Text(
        validate=validate.Length(min=1, max=4096),
        metadata={"description": "The FCM registration token of a device (it may hold `/`)."},
        **kwargs,
    )


class DeviceCreateSchema(LoadSchema):
    platform = fields.String(required=True, validate=validate.OneOf(PLATFORMS))
    token = _push_token(required=True)


class DeviceSelectSchema(LoadSchema):
    """One device of the caller, by its token or by its id."""

    OPENAPI_RULES = {"oneOf": [{"required": ["token"]}, {"required": ["id"]}]}

    token = _push_token()
    id = fields.UUID(metadata={"description": "The id `GET /devices` shows."})

    @validates_schema
    def _exactly_one(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if len(data) != 1:
            raise ValidationError("Send either token or id.")


class DeviceListItemSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    platform = fields.String(dump_only=True, metadata={"enum": PLATFORMS})
    token_ending = fields.String(
        dump_only=True,
        metadata={"description": "The token's last 6 characters", "example": "x9Qz4k"},
    )
    created_at = fields.AwareDateTime(dump_only=True)
    last_seen_at = fields.AwareDateTime(
        dump_only=True, metadata={"description": "When the app last registered this token."}
    )


class DeviceSchema(DeviceListItemSchema):
    token = fields.String(dump_only=True)


class DeviceListSchema(DumpSchema):
    items = fields.List(fields.Nested(DeviceListItemSchema), dump_only=True)


class LogoutSchema(LoadSchema):
    device_token = _push_token(required=False)
