from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.http.openapi import COMMON_ERRORS, ApiBlueprint
from api.notifications.devices import devices_of, forget_device, register_device
from models import db
from schemas.device import DeviceCreateSchema, DeviceListSchema, DeviceSchema, DeviceSelectSchema

blp = ApiBlueprint("devices", __name__, description="Phones that receive push notifications.")


@blp.route("")
class Devices(MethodView):
    @blp.authenticated()
    @blp.arguments(
        DeviceCreateSchema, example={"platform": "ios", "token": "fcm-token-from-the-phone"}
    )
    @blp.response(201, DeviceSchema, description="Registered (or moved from another account).")
    @blp.alt_response(200, schema=DeviceSchema, description="Already yours: seen again now.")
    @blp.errors(*COMMON_ERRORS)
    def post(self, body: dict[str, Any]) -> Any:
        """Register this phone for push notifications (again at every start of the app)."""
        return register_device(current_user.id, body["platform"], body["token"])

    @blp.authenticated()
    @blp.response(200, DeviceListSchema)
    @blp.errors(*COMMON_ERRORS)
    def get(self) -> dict[str, Any]:
        """Your phones, the most recently seen first; tokens show their last 6 characters."""
        return {"items": devices_of(current_user.id)}

    @blp.authenticated()
    @blp.arguments(DeviceSelectSchema, example={"id": "5b0c1c1e-2f6a-4a7e-9d4e-0b8c7f2a9e11"})
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS)
    def delete(self, body: dict[str, Any]) -> None:
        """Stop pushing to one of your phones, named by `token` or by `id`.

        Use this rather than `DELETE /devices/{token}` when a token may hold `/`.
        """
        forget_device(current_user.id, token=body.get("token"), device_id=body.get("id"))
        db.session.commit()


@blp.route("/<string:token>")
class DeviceByToken(MethodView):
    @blp.authenticated()
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS)
    def delete(self, token: str) -> None:
        """Stop pushing to this phone."""
        forget_device(current_user.id, token=token)
        db.session.commit()
