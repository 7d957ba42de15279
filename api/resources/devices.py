from typing import Any

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.clock import now
from api.errors import not_found
from api.openapi import COMMON_ERRORS, ApiBlueprint
from models import Device, db
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
        device = db.session.get(Device, body["token"])
        if device is not None and device.user_id == current_user.id:
            device.platform = body["platform"]
            db.session.commit()
            return device, 200
        if device is None:
            device = Device(token=body["token"], user_id=current_user.id, created_at=now())
            db.session.add(device)
        else:  # the phone changed hands (signed out, another account signed in)
            device.user_id = current_user.id
            device.created_at = now()
        device.platform = body["platform"]
        db.session.commit()
        return device, 201


@blp.route("/<string:token>")
class DeviceByToken(MethodView):
    @blp.authenticated()
    @blp.response(204)
    @blp.errors(404, *COMMON_ERRORS)
    def delete(self, token: str) -> None:
        """Stop pushing to this phone."""
        device = db.session.get(Device, token)
        if device is None or device.user_id != current_user.id:
            raise not_found("No such device of yours.")
        db.session.delete(device)
        db.session.commit()
