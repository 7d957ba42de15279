import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from api.questions.daily import answer_question, question_page, todays_question
from models import db
from schemas.question import (
    AnswerCreateSchema,
    CoupleQuestionSchema,
    QuestionPageSchema,
    QuestionQueryArgs,
)

blp = ApiBlueprint(
    "questions", __name__, description="The daily question: both answer, then both see."
)


@blp.route("/today")
class TodaysQuestion(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.response(200, CoupleQuestionSchema)
    @blp.errors(404, *COMMON_ERRORS, codes={404: ("not_paired",)})
    def get(self) -> Any:
        """Your couple's question of your local today (the same for both of you).

        `partner_answer` stays null until you have answered. 404 `not_paired` unpaired.
        """
        question = todays_question(current_user)
        db.session.commit()  # the first of the two to ask today stores the question
        return json_response(question, etag=blp)


@blp.route("/<uuid:question_id>/answer")
class Answer(MethodView):
    @blp.authenticated()
    @blp.arguments(AnswerCreateSchema, example={"text": "When you noticed I was tired."})
    @blp.response(200, CoupleQuestionSchema)
    @blp.errors(
        404,
        409,
        *COMMON_ERRORS,
        codes={404: ("not_found", "not_paired"), 409: ("question_closed", "answer_locked")},
    )
    def put(self, body: dict[str, Any], question_id: uuid.UUID) -> Any:
        """Answer your local today's or yesterday's question; change it until both answered.

        409 `question_closed` for an older question, `answer_locked` once your partner
        answered too (sending the stored text again is 200); 404 `not_found` for a question
        that is not your pairing's, `not_paired` when unpaired. Your partner gets a push.
        """
        question = answer_question(current_user, question_id, body["text"])
        db.session.commit()
        return json_response(question)


@blp.route("")
class Questions(MethodView):
    @blp.authenticated()
    @blp.arguments(QuestionQueryArgs, location="query")
    @blp.response(200, QuestionPageSchema)
    @blp.errors(404, *COMMON_ERRORS, codes={404: ("not_paired",)})
    def get(self, args: dict[str, Any]) -> Any:
        """Your pairing's questions, today's included, newest first, a page at a time.

        Each under the same rule as today's. 404 `not_paired` unpaired; 422 for a cursor
        this service did not give out.
        """
        return json_response(question_page(current_user, args["limit"], args.get("cursor")))
