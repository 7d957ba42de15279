from marshmallow import fields, validate

from schemas.base import DumpSchema, LoadSchema, Text


class InviteSchema(DumpSchema):
    code = fields.String(dump_only=True, metadata={"example": "7KQ2M-9XDR4"})
    expires_at = fields.AwareDateTime(dump_only=True)


class RedeemInviteSchema(LoadSchema):
    code = Text(
        required=True,
        validate=validate.Length(min=1, max=64),
        metadata={
            "example": "7KQ2M-9XDR4",
            "description": "Any case, with or without the hyphen or spaces; O is read as 0, "
            "I and L as 1.",
        },
    )


class PartnerSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    display_name = fields.String(dump_only=True, metadata={"example": "Alex"})
    timezone = fields.String(dump_only=True, metadata={"example": "Europe/Berlin"})


class CoupleSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    paired_at = fields.AwareDateTime(dump_only=True)
    partner = fields.Nested(PartnerSchema, dump_only=True)
