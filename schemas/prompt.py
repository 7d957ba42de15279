from marshmallow import Schema, fields

from schemas.checkin import CheckInSchema

PROMPT_KINDS = [
    "presence",
    "pace",
    "reflect",
    "resist_fixing",
    "need",
    "self_attunement",
    "reach_out",
]


class PromptSchema(Schema):
    id = fields.String(metadata={"example": "pace.slow_down"})
    kind = fields.String(metadata={"enum": PROMPT_KINDS, "example": "pace"})
    title = fields.String()
    text = fields.String()
    phrases = fields.List(fields.String())
    reason = fields.String(metadata={"description": "Which inputs led to this prompt"})


class AvoidSchema(Schema):
    id = fields.String(metadata={"example": "avoid.jokes"})
    text = fields.String()


class PromptSetSchema(Schema):
    partner_checkin = fields.Nested(CheckInSchema, allow_none=True)
    my_checkin = fields.Nested(CheckInSchema, allow_none=True)
    prompts = fields.List(fields.Nested(PromptSchema))
    avoid = fields.List(fields.Nested(AvoidSchema))


__all__ = ["AvoidSchema", "PromptSchema", "PromptSetSchema"]
