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
    for row in rows:
        if row.id not in checkins:
            checkins[row.id] = SharedCheckIn(
                row.id,
                str(row.author_id),
                Tone(row.tone),
                row.energy,
                row.recorded_at,
                row.created_at,
            )
        if row.response_author_id is not None:
            responses.append(
                ResponseFact(
                    row.id, str(row.response_author_id), row.response_created_at, row.felt_heard
                )
            )
    return list(checkins.values()), responses


def _people(pairing: Pairing) -> tuple[Person, Person]:
    return (
        Person(str(current_user.id), current_user.display_name),
        Person(str(pairing.partner.id), pairing.partner.display_name),
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
