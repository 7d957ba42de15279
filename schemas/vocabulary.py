from marshmallow import fields

from schemas.base import DumpSchema


class ToneSchema(DumpSchema):
    name = fields.String(metadata={"example": "overwhelmed"})
    label = fields.String(metadata={"example": "Overwhelmed"})
    pleasantness = fields.String(
        metadata={"enum": ["unpleasant", "neutral", "pleasant"], "example": "unpleasant"}
    )


class LabelledSchema(DumpSchema):
    name = fields.String(metadata={"example": "to_be_heard"})
    label = fields.String(
        metadata={"description": "in the answer's language", "example": "To be heard"}
    )


class VocabularySchema(DumpSchema):
    tones = fields.List(fields.Nested(ToneSchema))
    needs = fields.List(fields.Nested(LabelledSchema))
    response_kinds = fields.List(fields.Nested(LabelledSchema))
