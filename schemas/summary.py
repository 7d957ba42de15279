from marshmallow import Schema, fields, validate

from schemas.base import LoadSchema, QueryInteger, Text
from schemas.prompt import PromptSchema


class SummaryQueryArgs(LoadSchema):
    week = Text(
        validate=validate.Length(max=10),
        metadata={
            "example": "2026-W48",
            "description": "ISO week in your time zone; default: the current week.",
        },
    )


class SummariesQueryArgs(LoadSchema):
    weeks = QueryInteger(load_default=8, validate=validate.Range(min=1, max=52))


class QuadrantCountsSchema(Schema):
    high_unpleasant = fields.Integer()
    low_unpleasant = fields.Integer()
    low_pleasant = fields.Integer()
    high_pleasant = fields.Integer()
    neutral = fields.Integer()


class PartnerWeekSchema(Schema):
    user_id = fields.UUID()
    display_name = fields.String()
    checkins = fields.Integer()
    days_checked_in = fields.Integer()
    average_energy = fields.Float(allow_none=True)
    quadrants = fields.Nested(QuadrantCountsSchema)
    top_tones = fields.List(fields.String())


class TogetherSchema(Schema):
    days_both_checked_in = fields.Integer()
    average_energy_gap = fields.Float(allow_none=True)
    responses = fields.Integer()
    response_rate = fields.Float(allow_none=True)
    awaiting_response = fields.Integer()
    felt_heard_rate = fields.Float(allow_none=True)
    good_enough = fields.Boolean(allow_none=True)


class PreviousWeekSchema(Schema):
    checkins = fields.Integer()
    response_rate = fields.Float(allow_none=True)
    felt_heard_rate = fields.Float(allow_none=True)


class SummarySchema(Schema):
    week = fields.String(metadata={"example": "2026-W48"})
    start_date = fields.String(metadata={"format": "date", "example": "2026-11-23"})
    end_date = fields.String(metadata={"format": "date", "example": "2026-11-29"})
    timezone = fields.String(metadata={"example": "Europe/Berlin"})
    partners = fields.List(
        fields.Nested(PartnerWeekSchema), metadata={"description": "partners[0] is you"}
    )
    together = fields.Nested(TogetherSchema)
    previous_week = fields.Nested(PreviousWeekSchema)
    highlights = fields.List(fields.String())
    suggestion = fields.Nested(PromptSchema)


class WeekRowSchema(Schema):
    week = fields.String()
    checkins = fields.List(fields.Integer(), metadata={"description": "[yours, your partner's]"})
    response_rate = fields.Float(allow_none=True)
    felt_heard_rate = fields.Float(allow_none=True)


class SummariesSchema(Schema):
    weeks = fields.List(fields.Nested(WeekRowSchema))
