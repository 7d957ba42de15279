from marshmallow import Schema, fields


class ToneSchema(Schema):
    name = fields.String(metadata={"example": "overwhelmed"})
    label = fields.String(metadata={"example": "Overwhelmed"})
    pleasantness = fields.String(
        metadata={"enum": ["unpleasant", "neutral", "pleasant"], "example": "unpleasant"}
    )


class LabelledSchema(Schema):
    name = fields.String()
    label = fields.String()


class VocabularySchema(Schema):
    tones = fields.List(fields.Nested(ToneSchema))
    needs = fields.List(fields.Nested(LabelledSchema))
    response_kinds = fields.List(fields.Nested(LabelledSchema))
