from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.notifications.devices import forget_device, register_device
from models import db
from schemas.device import DeviceCreateSchema, DeviceSchema

blp = ApiBlueprint("devices", __name__, description="Phones that receive push notifications.")


@blp.route("")
class Devices(MethodView):
    @blp.authenticated()
    @blp.arguments(
        DeviceCreateSchema, example={"platform": "ios", "token": "fcm-token-from-the-phone"}
    )
    @blp.response(201, DeviceSchema, description="Registered (or moved from another account).")
    @blp.alt_response(200, schema=DeviceSchema, description="Already registered by you.")
    @blp.errors(*COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> Any:
        """Register this phone for push notifications."""
        return register_device(current_user.id, body["platform"], body["token"])


@blp.route("/<string:token>")
class DeviceByToken(MethodView):
    @blp.authenticated()
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS)
    def delete(self, token: str) -> None:
        """Stop pushing to this phone."""
        forget_device(current_user.id, token)
        db.session.commit()
