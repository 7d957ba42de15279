from typing import Any
from zoneinfo import ZoneInfo

from flask.views import MethodView
from flask_jwt_extended import current_user
from sqlalchemy import bindparam, select

from api.attunement.summary import (
    IsoWeek,
    Person,
    ResponseFact,
    SharedCheckIn,
    current_week,
    summarize_week,
    summarize_weeks,
)
from api.clock import now
from api.errors import ApiError
from api.openapi import COMMON_ERRORS, ApiBlueprint
from api.pairing import Pairing, require_pairing
from api.reads import fetch
from api.render import json_response
from models import CheckIn, Response
from models.vocabulary import Tone, Visibility
from schemas.summary import SummariesQueryArgs, SummariesSchema, SummaryQueryArgs, SummarySchema

blp = ApiBlueprint("summary", __name__, description="How the week went, for both of you.")


_TONES = {tone.value: tone for tone in Tone}

# Both partners' shared check-ins recorded in [start, end), each with the responses to
# it: one statement, built once, over two bounded ranges of the author index.
_ROWS_OF_WEEKS = (
    select(
        CheckIn.id,
        CheckIn.author_id,
        CheckIn.tone,
        CheckIn.energy,
        CheckIn.recorded_at,
        CheckIn.created_at,
        Response.author_id.label("response_author_id"),
        Response.created_at.label("response_created_at"),
        Response.felt_heard,
    )
    .outerjoin(Response, Response.checkin_id == CheckIn.id)
    .where(
        CheckIn.author_id.in_(
            [bindparam(name, type_=CheckIn.author_id.type) for name in ("me", "partner")]
        ),
        CheckIn.visibility == Visibility.PARTNER.value,
        CheckIn.recorded_at >= bindparam("start"),
        CheckIn.recorded_at < bindparam("end"),
    )
)


def rows_of_weeks(
    pairing: Pairing, tz: ZoneInfo, oldest: IsoWeek, newest: IsoWeek
) -> tuple[list[SharedCheckIn], list[ResponseFact]]:
    """Just the rows of the weeks asked for (of this pairing), whatever the history."""
    start, _ = oldest.bounds(tz)
    _, end = newest.bounds(tz)
    rows = fetch(
        _ROWS_OF_WEEKS,
        {
            "me": current_user.id,
            "partner": pairing.partner.id,
            "start": max(start, pairing.paired_at),
            "end": end,
        },
    )
    checkins: dict[Any, SharedCheckIn] = {}
    responses = []
    for (
        checkin_id,
        author_id,
        tone,
        energy,
        recorded_at,
        created_at,
        response_author_id,
        response_created_at,
        felt_heard,
    ) in rows:
        if checkin_id not in checkins:
            checkins[checkin_id] = SharedCheckIn(
                checkin_id, author_id, _TONES[tone], energy, recorded_at, created_at
            )
        if response_author_id is not None:
            responses.append(
                ResponseFact(checkin_id, response_author_id, response_created_at, felt_heard)
            )
    return list(checkins.values()), responses


def _people(pairing: Pairing) -> tuple[Person, Person]:
    return (
        Person(current_user.id, current_user.display_name),
        Person(pairing.partner.id, pairing.partner.display_name),
    )


@blp.route("/couple/summary")
class WeeklySummary(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(SummaryQueryArgs, location="query")
    @blp.response(200, SummarySchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, args: dict[str, Any]) -> Any:
        """The week's connection summary, in your time zone."""
        pairing = require_pairing(current_user)
        tz = ZoneInfo(current_user.timezone)
        moment = now()
        if "week" in args:
            try:
                week = IsoWeek.parse(args["week"])
            except ValueError as exc:
                raise ApiError(
                    422, "validation_error", f"week: {exc}", errors={"week": [str(exc)]}
                ) from exc
        else:
            week = current_week(moment, tz)
        checkins, responses = rows_of_weeks(pairing, tz, week.previous(), week)
        caller, partner = _people(pairing)
        payload = summarize_week(week, tz, caller, partner, checkins, responses, moment)
        return json_response(payload, etag=blp)


@blp.route("/couple/summaries")
class WeeklyTrend(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(SummariesQueryArgs, location="query")
    @blp.response(200, SummariesSchema)
    @blp.errors(404, *COMMON_ERRORS)
    def get(self, args: dict[str, Any]) -> Any:
        """The last N weeks as compact rows for a trend chart, newest first."""
        pairing = require_pairing(current_user)
        tz = ZoneInfo(current_user.timezone)
        moment = now()
        newest = current_week(moment, tz)
        oldest = newest.previous(args["weeks"] - 1)
        checkins, responses = rows_of_weeks(pairing, tz, oldest, newest)
        caller, partner = _people(pairing)
        rows = summarize_weeks(
            newest, args["weeks"], tz, caller, partner, checkins, responses, moment
        )
        payload = {"weeks": rows}
        return json_response(payload, etag=blp)
