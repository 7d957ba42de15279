from marshmallow import fields, validate

from schemas.base import DumpSchema, LoadSchema, Text


class DeviceCreateSchema(LoadSchema):
    platform = fields.String(required=True, validate=validate.OneOf(["ios", "android"]))
    token = Text(
        required=True,
        validate=validate.Length(min=1, max=4096),
        metadata={"description": "The FCM registration token of this device."},
    )


class DeviceSchema(DumpSchema):
    platform = fields.String(dump_only=True, metadata={"enum": ["ios", "android"]})
    token = fields.String(dump_only=True, metadata={"example": "fcm-token-from-the-phone"})
    created_at = fields.AwareDateTime(dump_only=True)
