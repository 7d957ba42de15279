from marshmallow import fields, validate

from schemas.base import DumpSchema, LoadSchema
from schemas.checkin import CheckInSchema

PROMPT_KINDS = [
    "presence",
    "pace",
    "reflect",
    "resist_fixing",
    "need",
    "self_attunement",
    "reach_out",
    "support",
]


class PromptQueryArgs(LoadSchema):
    detail = fields.String(
        load_default="brief",
        validate=validate.OneOf(["brief", "full"]),
        metadata={
            "description": "`brief` fits one phone screen (at most three prompts); `full` "
            "returns every prompt that applies (at most seven), in the same order."
        },
    )
    setting = fields.String(
        load_default="apart",
        validate=validate.OneOf(["apart", "together"]),
        metadata={
            "description": "`apart`: wording that works by message or call; `together`: "
            "you are in the same room."
        },
    )


class PromptSchema(DumpSchema):
    id = fields.String(metadata={"example": "pace.slow_down"})
    variant = fields.String(
        metadata={
            "example": "pace.slow_down/4",
            "description": "The exact wording shown; stable while that wording exists.",
        }
    )
    kind = fields.String(metadata={"enum": PROMPT_KINDS, "example": "pace"})
    title = fields.String(metadata={"example": "Slow down with them"})
    text = fields.String(
        metadata={
            "example": "Sam's energy is low. Keep your message short and soft; no plans, "
            "no questions that need a long answer."
        }
    )
    phrases = fields.List(
        fields.String(),
        metadata={"example": ["No need to answer. I'm thinking of you."]},
    )
    reason = fields.String(
        metadata={
            "description": "Which inputs led to this prompt, in words",
            "example": "Sam checked in at energy 2; you are at 8.",
        }
    )
    signals = fields.List(
        fields.String(),
        metadata={
            "description": "Stable, untranslated names of what led to this prompt "
            "(`need:space`, `settle_first`, `energy_gap`, `clash`, `late_for_partner`, "
            "`note`, `hard_stretch`, `no_recent_checkin`, ...).",
            "example": ["energy_gap"],
        },
    )


class AvoidSchema(DumpSchema):
    id = fields.String(metadata={"example": "avoid.jokes"})
    text = fields.String(metadata={"example": "Jokes that brush the feeling aside."})


class PromptSetSchema(DumpSchema):
    partner_checkin = fields.Nested(CheckInSchema, allow_none=True)
    my_checkin = fields.Nested(CheckInSchema, allow_none=True)
    prompts = fields.List(fields.Nested(PromptSchema))
    avoid = fields.List(fields.Nested(AvoidSchema))


__all__ = ["AvoidSchema", "PromptQueryArgs", "PromptSchema", "PromptSetSchema"]
