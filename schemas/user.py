from marshmallow import EXCLUDE, Schema, fields, validate

from schemas.base import (
    DisplayName,
    Email,
    LoadSchema,
    Password,
    StrictBoolean,
    Text,
    TimezoneName,
)

HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"


class QuietHoursSchema(LoadSchema):
    start = Text(required=True, validate=validate.Regexp(HHMM), metadata={"example": "22:00"})
    end = Text(required=True, validate=validate.Regexp(HHMM), metadata={"example": "08:00"})


class UserSchema(Schema):
    id = fields.UUID(dump_only=True)
    email = fields.String(dump_only=True)
    display_name = fields.String(dump_only=True)
    timezone = fields.String(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    couple_id = fields.UUID(
        dump_only=True, allow_none=True, metadata={"description": "null when unpaired"}
    )
    notify_partner_checkins = fields.Boolean(dump_only=True)
    reminder_time = fields.String(dump_only=True, allow_none=True, metadata={"example": "20:30"})
    quiet_hours = fields.Nested(QuietHoursSchema, dump_only=True, allow_none=True)


class RegisterSchema(LoadSchema):
    email = Email(required=True)
    password = Password(required=True)
    display_name = DisplayName(required=True)
    timezone = TimezoneName(load_default="UTC")


class LoginSchema(LoadSchema):
    email = Email(required=True)
    # Any length: a too-short password is simply wrong, and says nothing about the account.
    password = Text(required=True, load_only=True, validate=validate.Length(min=1, max=1024))


class UserUpdateSchema(LoadSchema):
    display_name = DisplayName()
    timezone = TimezoneName()
    notify_partner_checkins = StrictBoolean()
    reminder_time = Text(
        allow_none=True,
        validate=validate.Regexp(HHMM, error="Must be a local time of day, HH:MM."),
        metadata={"description": "Local time for a daily reminder, or null for none."},
    )
    quiet_hours = fields.Nested(
        QuietHoursSchema,
        allow_none=True,
        metadata={"description": "Local hours without pushes (deferred, not dropped), or null."},
    )


class IfMatchHeaders(Schema):
    class Meta:
        unknown = EXCLUDE  # every other request header is none of our business

    if_match = Text(
        data_key="If-Match",
        validate=validate.Length(min=1, max=1024),
        metadata={
            "description": "The ETag of `GET /me` this change was made from: 412 when the "
            "profile changed since. Optional."
        },
    )


class PasswordChangeSchema(LoadSchema):
    current_password = Text(required=True, load_only=True)
    new_password = Password(required=True)


class TokenPairSchema(Schema):
    access_token = fields.String(dump_only=True)
    refresh_token = fields.String(dump_only=True)
    token_type = fields.String(dump_only=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(
        dump_only=True, metadata={"description": "Seconds until the access token expires"}
    )


class AuthResultSchema(TokenPairSchema):
    user = fields.Nested(UserSchema, dump_only=True)


class DeleteAccountSchema(LoadSchema):
    password = Text(required=True, load_only=True, validate=validate.Length(min=1, max=1024))


class ExportedCheckInSchema(Schema):
    id = fields.UUID()
    tone = fields.String()
    energy = fields.Integer()
    quadrant = fields.String()
    need = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    visibility = fields.String()
    recorded_at = fields.AwareDateTime()
    created_at = fields.AwareDateTime()


class ExportedTombstoneSchema(Schema):
    id = fields.UUID()
    visibility = fields.String()
    recorded_at = fields.AwareDateTime()
    created_at = fields.AwareDateTime()
    deleted_at = fields.AwareDateTime()


class ExportedResponseSchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    message = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()


class ExportedRatingSchema(Schema):
    response_id = fields.UUID()
    checkin_id = fields.UUID()
    felt_heard = fields.Boolean()
    rated_at = fields.AwareDateTime(allow_none=True)


class ExportedPairingSchema(Schema):
    couple_id = fields.UUID()
    paired_at = fields.AwareDateTime()
    ended_at = fields.AwareDateTime(allow_none=True)
    partner_display_name = fields.String(allow_none=True)


class ExportedInviteSchema(Schema):
    created_at = fields.AwareDateTime()
    expires_at = fields.AwareDateTime()
    used_at = fields.AwareDateTime(allow_none=True)
    withdrawn_at = fields.AwareDateTime(allow_none=True)


class ExportedSessionSchema(Schema):
    started_at = fields.AwareDateTime()
    ended_at = fields.AwareDateTime(allow_none=True)


class ExportedIdempotencyKeySchema(Schema):
    key = fields.String()
    checkin_id = fields.UUID()
    created_at = fields.AwareDateTime()


class ExportedDeviceSchema(Schema):
    id = fields.UUID()
    platform = fields.String()
    registered_at = fields.AwareDateTime()
    last_seen_at = fields.AwareDateTime()


class ExportSchema(Schema):
    exported_at = fields.AwareDateTime()
    profile = fields.Nested(UserSchema)
    checkins = fields.List(fields.Nested(ExportedCheckInSchema))
    deleted_checkins = fields.List(
        fields.Nested(ExportedTombstoneSchema),
        metadata={
            "description": "What is kept of your deleted check-ins (not what they said), so "
            "that a queued retry of their post cannot bring them back."
        },
    )
    responses = fields.List(fields.Nested(ExportedResponseSchema))
    felt_heard_ratings = fields.List(fields.Nested(ExportedRatingSchema))
    pairings = fields.List(fields.Nested(ExportedPairingSchema))
    invites = fields.List(fields.Nested(ExportedInviteSchema))
    sessions = fields.List(fields.Nested(ExportedSessionSchema))
    idempotency_keys = fields.List(fields.Nested(ExportedIdempotencyKeySchema))
    devices = fields.List(fields.Nested(ExportedDeviceSchema))
