from typing import Any

from marshmallow import ValidationError, fields, validate

from schemas.base import DumpSchema, FullMatch, LoadSchema, Text

DEPTHS = ["light", "warm", "deep"]
ANSWER_MAX_LENGTH = 1000  # as the check constraint on question_answers.text says


class AnswerText(Text):
    """1..1000 characters, and not only spaces (a blank answer would still lock the
    partner's)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=validate.Length(min=1, max=ANSWER_MAX_LENGTH),
            metadata={"example": "When you made tea without asking, on Tuesday."},
            **kwargs,
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text.strip():
            raise ValidationError("Must not be blank.")
        return text


class AnswerCreateSchema(LoadSchema):
    text = AnswerText(required=True)


class BankQuestionSchema(DumpSchema):
    id = fields.String(
        required=True,
        metadata={"example": "noticing-understood-this-week", "description": "stable id"},
    )
    text = fields.String(
        required=True,
        metadata={
            "description": "in the answer's language",
            "example": "When did you feel understood by me this week?",
        },
    )
    depth = fields.String(required=True, metadata={"enum": DEPTHS, "example": "warm"})


class AnswerSchema(DumpSchema):
    text = fields.String(
        required=True, metadata={"example": "When you made tea without asking, on Tuesday."}
    )
    answered_at = fields.AwareDateTime(
        required=True, metadata={"description": "when it was first answered"}
    )


class CoupleQuestionSchema(DumpSchema):
    id = fields.UUID(required=True, metadata={"description": "the couple's question of this date"})
    date = fields.Date(
        required=True,
        metadata={"description": "the question's date (for today's: your local date)"},
    )
    question = fields.Nested(BankQuestionSchema, required=True)
    my_answer = fields.Nested(AnswerSchema, required=True, allow_none=True)
    partner_answered = fields.Boolean(required=True)
    partner_answer = fields.Nested(
        AnswerSchema,
        required=True,
        allow_none=True,
        metadata={"description": "null until you have answered: answer yours to see theirs"},
    )


class QuestionQueryArgs(LoadSchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = Text(
        validate=FullMatch(r"^[A-Za-z0-9_-]{8}$", error="Not a cursor this service gave out."),
        metadata={"description": "`next_cursor` of the page before: where this page starts."},
    )


class QuestionPageSchema(DumpSchema):
    items = fields.List(fields.Nested(CoupleQuestionSchema), required=True)
    next_cursor = fields.String(
        required=True,
        allow_none=True,
        metadata={
            "description": "Send it as `cursor` for the next page; null on the last page.",
            "example": None,
        },
    )
