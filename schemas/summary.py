from marshmallow import fields, validate

from schemas.base import DumpSchema, FullMatch, LoadSchema, QueryInteger, Text
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


RATE = "rounded to 2 decimals; null when there is nothing to count"


def _count(example: int, description: str | None = None) -> fields.Integer:
    metadata: dict = {"minimum": 0, "example": example}
    if description:
        metadata["description"] = description
    return fields.Integer(metadata=metadata)


def _rate(example: float | None, description: str) -> fields.Float:
    return fields.Float(
        allow_none=True,
        metadata={
            "minimum": 0,
            "maximum": 1,
            "description": f"{description}; {RATE}",
            "example": example,
        },
    )


class QuadrantCountsSchema(DumpSchema):
    high_unpleasant = _count(0)
    low_unpleasant = _count(2)
    low_pleasant = _count(1)
    high_pleasant = _count(1)
    neutral = _count(0)


class PartnerWeekSchema(DumpSchema):
    user_id = fields.UUID()
    display_name = fields.String(metadata={"example": "Sam"})
    checkins = _count(4, "shared check-ins this week")
    days_checked_in = _count(4)
    average_energy = fields.Float(
        allow_none=True,
        metadata={"description": "null with no check-ins", "example": 4.25},
    )
    quadrants = fields.Nested(QuadrantCountsSchema)
    top_tones = fields.List(
        fields.String(),
        metadata={
            "description": "the tones felt most often, most frequent first",
            "example": ["overwhelmed", "calm"],
        },
    )


class AnsweredOfSchema(DumpSchema):
    answered = _count(3, "answered within the day")
    of = _count(4, "the other's shared check-ins whose window closed or answered")


class TurnedTowardSchema(DumpSchema):
    you = fields.Nested(AnsweredOfSchema, metadata={"description": "your answers to theirs"})
    partner = fields.Nested(AnsweredOfSchema, metadata={"description": "theirs to yours"})


class TogetherSchema(DumpSchema):
    days_both_checked_in = _count(3)
    average_energy_gap = fields.Float(
        allow_none=True,
        metadata={
            "description": "over the days both checked in: the mean gap between your day's "
            "mean energy and theirs; null when there is no such day",
            "example": 2.5,
        },
    )
    responses = _count(5)
    response_rate = _rate(
        0.71,
        "of this week's shared check-ins whose day for an answer is over (or that were "
        "answered), the share answered within that day",
    )
    awaiting_response = _count(1, "shared check-ins still inside their day, unanswered")
    felt_heard_rate = _rate(0.8, "of the rated responses, the share rated felt heard")
    good_enough = fields.Boolean(
        allow_none=True,
        metadata={
            "description": "felt_heard_rate >= 0.3; null when nothing is rated",
            "example": True,
        },
    )
    turned_toward = fields.Nested(TurnedTowardSchema)
    repairs = _count(1, "check-ins with a response rated not heard, then a later one rated heard")
    felt_heard_band = fields.String(
        allow_none=True,
        metadata={"enum": ["high", "good_enough", "low", None], "example": "high"},
    )
    questions_answered_together = _count(
        2, "dates of the week on which both answered the daily question"
    )


class PreviousWeekSchema(DumpSchema):
    checkins = _count(6)
    response_rate = _rate(0.5, "as this week's")
    felt_heard_rate = _rate(None, "as this week's")


class SummarySchema(DumpSchema):
    week = fields.String(metadata={"example": "2026-W48"})
    start_date = fields.String(metadata={"format": "date", "example": "2026-11-23"})
    end_date = fields.String(metadata={"format": "date", "example": "2026-11-29"})
    timezone = fields.String(metadata={"example": "Europe/Berlin"})
    partners = fields.List(
        fields.Nested(PartnerWeekSchema), metadata={"description": "partners[0] is you"}
    )
    together = fields.Nested(TogetherSchema)
    previous_week = fields.Nested(PreviousWeekSchema)
    highlights = fields.List(
        fields.String(),
        metadata={
            "description": "in the answer's language",
            "example": ["4 of 5 responses you rated made you feel heard."],
        },
    )
    suggestion = fields.Nested(PromptSchema)


class WeekRowSchema(DumpSchema):
    week = fields.String(metadata={"example": "2026-W48"})
    checkins = fields.List(
        fields.Integer(),
        metadata={"description": "[yours, your partner's]", "example": [4, 5]},
    )
    response_rate = _rate(0.71, "as in the week's summary")
    felt_heard_rate = _rate(0.8, "as in the week's summary")


class SummariesSchema(DumpSchema):
    weeks = fields.List(fields.Nested(WeekRowSchema))
