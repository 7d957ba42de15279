from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.http.render import json_response
from api.sync.feed import sync_page
from schemas.sync import SyncPageSchema, SyncQueryArgs

blp = ApiBlueprint("sync", __name__, description="What changed since the app last looked.")


@blp.route("/sync")
class Sync(MethodView):
    @blp.authenticated()
    @blp.arguments(SyncQueryArgs, location="query")
    @blp.response(200, SyncPageSchema)
    @blp.errors(410, *COMMON_ERRORS, codes={410: ("cursor_expired",)})
    def get(self, args: dict[str, Any]) -> Any:
        """Everything you may see that changed since your cursor, oldest first.

        Each id at most once a page, as it is now (`checkin_removed` when a check-in left
        your view: deleted, or its author is no longer your partner). 410
        `cursor_expired` for a cursor older than 30 days: reload, then start again.
        """
        return json_response(sync_page(current_user, args.get("since"), args["limit"]))
