from marshmallow import fields

from schemas.base import DumpSchema


class LiveSchema(DumpSchema):
    status = fields.String(metadata={"enum": ["ok"], "example": "ok"})


class ReadySchema(DumpSchema):
    status = fields.String(metadata={"enum": ["ready"], "example": "ready"})
