from typing import Any

from flask.views import MethodView
from sqlalchemy import text

from api.http.openapi import ApiBlueprint
from models import db
from schemas.service import LiveSchema, ReadySchema

blp = ApiBlueprint("health", __name__, description="Liveness and readiness for orchestrators.")


@blp.route("/healthz")
class Liveness(MethodView):
    @blp.response(200, LiveSchema, description="The process is up.")
    def get(self) -> dict[str, Any]:
        """Liveness: the process is up (no database involved)."""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.response(200, ReadySchema, description="The database answers.")
    @blp.errors(503)
    def get(self) -> dict[str, Any]:
        """Readiness: the database answers; 503 while it does not."""
        # An unreachable database raises here and becomes 503 service_unavailable.
        db.session.execute(text("SELECT 1"))
        return {"status": "ready"}
