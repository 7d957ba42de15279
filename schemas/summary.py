from marshmallow import Schema, fields, validate

from schemas.base import FullMatch, LoadSchema, QueryInteger, Text
from schemas.prompt import PromptSchema

# YYYY-Www for the years 1970 to 9998 and weeks 01 to 53; whether the year has a week 53
# is for the server to say (422).
WEEK_PATTERN = (
    r"^(19[7-9][0-9]|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])"
    r"-W(0[1-9]|[1-4][0-9]|5[0-3])$"
)


class SummaryQueryArgs(LoadSchema):
    week = Text(
        validate=FullMatch(WEEK_PATTERN, error="Must be an ISO week such as 2026-W48."),
        metadata={
            "example": "2026-W48",
            "description": "ISO week in your time zone, of the years 1970 to 9998 (W53 only "
            "in years that have one); default: the current week.",
            "format": "iso-week",
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


class AnsweredOfSchema(Schema):
    answered = fields.Integer(metadata={"description": "answered within the day"})
    of = fields.Integer(
        metadata={"description": "the other's shared check-ins whose window closed or answered"}
    )


class TurnedTowardSchema(Schema):
    you = fields.Nested(AnsweredOfSchema, metadata={"description": "your answers to theirs"})
    partner = fields.Nested(AnsweredOfSchema, metadata={"description": "theirs to yours"})


class TogetherSchema(Schema):
    days_both_checked_in = fields.Integer()
    average_energy_gap = fields.Float(allow_none=True)
    responses = fields.Integer()
    response_rate = fields.Float(allow_none=True)
    awaiting_response = fields.Integer()
    felt_heard_rate = fields.Float(allow_none=True)
    good_enough = fields.Boolean(allow_none=True)
    turned_toward = fields.Nested(TurnedTowardSchema)
    repairs = fields.Integer(
        metadata={
            "description": "check-ins with a response rated not heard, then a later one rated heard"
        }
    )
    felt_heard_band = fields.String(
        allow_none=True, metadata={"enum": ["high", "good_enough", "low", None]}
    )
    questions_answered_together = fields.Integer(
        metadata={"description": "dates of the week on which both answered the daily question"}
    )


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
