from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.guidance.summary import weekly_summary, weekly_trend
from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from schemas.summary import SummariesQueryArgs, SummariesSchema, SummaryQueryArgs, SummarySchema

blp = ApiBlueprint("summary", __name__, description="How the week went, for both of you.")


@blp.route("/couple/summary")
class WeeklySummary(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(SummaryQueryArgs, location="query")
    @blp.response(200, SummarySchema)
    @blp.errors(404, *COMMON_ERRORS, codes={404: ("not_paired",)})
    def get(self, args: dict[str, Any]) -> Any:
        """The week's connection summary, in your time zone."""
        return json_response(weekly_summary(current_user, args.get("week")), etag=blp)


@blp.route("/couple/summaries")
class WeeklyTrend(MethodView):
    @blp.etag
    @blp.authenticated()
    @blp.arguments(SummariesQueryArgs, location="query")
    @blp.response(200, SummariesSchema)
    @blp.errors(404, *COMMON_ERRORS, codes={404: ("not_paired",)})
    def get(self, args: dict[str, Any]) -> Any:
        """The last N weeks as compact rows for a trend chart, newest first."""
        return json_response(weekly_trend(current_user, args["weeks"]), etag=blp)
