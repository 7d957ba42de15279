from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from models.languages import SUPPORTED_LOCALES
from schemas.base import (
    DisplayName,
    DumpSchema,
    Email,
    FullMatch,
    LoadSchema,
    LocaleName,
    Password,
    StrictBoolean,
    Text,
    TimezoneName,
)

HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
HHMM_ERROR = "Must be a local time of day, HH:MM."
PROVIDERS = ("apple", "google")


class QuietHoursSchema(LoadSchema):
    start = Text(
        required=True, validate=FullMatch(HHMM, error=HHMM_ERROR), metadata={"example": "22:00"}
    )
    end = Text(
        required=True, validate=FullMatch(HHMM, error=HHMM_ERROR), metadata={"example": "08:00"}
    )


class UserSchema(DumpSchema):
    id = fields.UUID(dump_only=True)
    email = fields.String(
        dump_only=True,
        allow_none=True,
        metadata={
            "description": "null for an account made through Apple or Google without a "
            "verified email",
            "example": "sam@example.com",
        },
    )
    display_name = fields.String(dump_only=True, metadata={"example": "Sam"})
    timezone = fields.String(
        dump_only=True, metadata={"description": "IANA time zone name", "example": "Europe/Berlin"}
    )
    locale = fields.String(
        dump_only=True, metadata={"enum": list(SUPPORTED_LOCALES), "example": "en"}
    )
    created_at = fields.AwareDateTime(dump_only=True)
    couple_id = fields.UUID(
        dump_only=True, allow_none=True, metadata={"description": "null when unpaired"}
    )
    notify_partner_checkins = fields.Boolean(dump_only=True, metadata={"example": True})
    reminder_time = fields.String(
        dump_only=True,
        allow_none=True,
        metadata={"description": "local HH:MM of a daily reminder, or null", "example": "20:30"},
    )
    quiet_hours = fields.Nested(QuietHoursSchema, dump_only=True, allow_none=True)
    identities = fields.List(
        fields.String(metadata={"enum": list(PROVIDERS)}),
        dump_only=True,
        required=True,
        metadata={"description": 'Linked sign-in providers, e.g. ["apple"]', "example": []},
    )
    has_password = fields.Boolean(
        dump_only=True,
        required=True,
        metadata={
            "description": "false for an account that signs in only with Apple or Google",
            "example": True,
        },
    )


class RegisterSchema(LoadSchema):
    email = Email(required=True)
    password = Password(required=True)
    display_name = DisplayName(required=True)
    timezone = TimezoneName(load_default="UTC")
    locale = LocaleName()


class LoginSchema(LoadSchema):
    email = Email(required=True)
    # Any length: a too-short password is simply wrong, and says nothing about the account.
    password = Text(required=True, load_only=True, validate=validate.Length(min=1, max=1024))


class UserUpdateSchema(LoadSchema):
    display_name = DisplayName()
    timezone = TimezoneName()
    locale = LocaleName()
    notify_partner_checkins = StrictBoolean()
    reminder_time = Text(
        allow_none=True,
        validate=FullMatch(HHMM, error=HHMM_ERROR),
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
            "profile changed since. Optional.",
            "format": "entity-tag",
        },
    )


class PasswordChangeSchema(LoadSchema):
    current_password = Text(
        required=True, load_only=True, validate=validate.Length(min=1, max=1024)
    )
    new_password = Password(required=True)


class TokenPairSchema(DumpSchema):
    access_token = fields.String(
        dump_only=True,
        metadata={
            "description": "Send it as `Authorization: Bearer <access_token>`.",
            "example": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2ln",
        },
    )
    refresh_token = fields.String(
        dump_only=True,
        metadata={
            "description": "Send it (as the bearer) to `POST /auth/refresh` for a new pair; "
            "each works once.",
            "example": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoicmVmcmVzaCJ9.c2ln",
        },
    )
    token_type = fields.String(dump_only=True, metadata={"enum": ["Bearer"], "example": "Bearer"})
    expires_in = fields.Integer(
        dump_only=True,
        metadata={"description": "Seconds until the access token expires", "example": 900},
    )


class AuthResultSchema(TokenPairSchema):
    user = fields.Nested(UserSchema, dump_only=True)


def _id_token(**kwargs: Any) -> Text:
    # Apple's and Google's tokens are one or two KiB. With the caps on the nonce (256) and
    # the code (512), a body of every field at its longest, escaped at 12 bytes a
    # character, stays under the 64 KiB limit: too long is a 422, never a 413.
    return Text(
        load_only=True,
        validate=validate.Length(min=1, max=4096),
        metadata={"description": "The id token (a JWT) the provider gave the app."},
        **kwargs,
    )


def _nonce(description: str, **kwargs: Any) -> Text:
    return Text(
        load_only=True,
        validate=validate.Length(min=1, max=256),
        metadata={"description": description},
        **kwargs,
    )


APPLE_NONCE = (
    "The raw nonce. Apple's token carries its SHA-256 hex digest; each nonce is accepted once."
)
ANY_NONCE = (
    "The raw nonce the app asked the provider to sign: required for Apple (whose token "
    "carries its SHA-256 hex digest), checked for Google when sent (its token carries "
    "the raw value). Accepted once."
)
AUTHORIZATION_CODE = (
    "Apple only: the authorization code from the same sign-in. The server exchanges it "
    "for Apple's refresh token, kept encrypted, and revokes that when the account is deleted."
)


def _apple_needs_a_nonce(data: dict[str, Any]) -> None:
    if data.get("provider") == "apple" and not data.get("nonce"):
        raise ValidationError({"nonce": ["Required for Apple."]})


class AppleSignInSchema(LoadSchema):
    id_token = _id_token(required=True)
    nonce = _nonce(APPLE_NONCE, required=True)
    authorization_code = Text(
        load_only=True,
        validate=validate.Length(min=1, max=512),
        metadata={"description": AUTHORIZATION_CODE},
    )
    display_name = DisplayName()  # for a new account: Apple gives the name to the app only
    timezone = TimezoneName(load_default="UTC")
    locale = LocaleName()


class GoogleSignInSchema(LoadSchema):
    id_token = _id_token(required=True)
    nonce = _nonce("The raw nonce, when the app asked Google to sign one. Accepted once.")
    display_name = DisplayName()  # for a new account; else the name in Google's token
    timezone = TimezoneName(load_default="UTC")
    locale = LocaleName()


class ProviderAuthResultSchema(AuthResultSchema):
    created = fields.Boolean(
        dump_only=True,
        required=True,
        metadata={"description": "true when this sign-in made the account (201)"},
    )


# Apple's nonce is required; Google's optional.
_APPLE_NEEDS_A_NONCE = {
    "anyOf": [{"properties": {"provider": {"enum": ["google"]}}}, {"required": ["nonce"]}]
}


class LinkIdentitySchema(LoadSchema):
    OPENAPI_RULES = _APPLE_NEEDS_A_NONCE

    provider = Text(required=True, validate=validate.OneOf(PROVIDERS))
    id_token = _id_token(required=True)
    nonce = _nonce(ANY_NONCE)
    authorization_code = Text(
        load_only=True,
        validate=validate.Length(min=1, max=512),
        metadata={"description": AUTHORIZATION_CODE},
    )
    password = Text(
        load_only=True,
        validate=validate.Length(min=1, max=1024),
        metadata={"description": "Required when the account has a password."},
    )

    @validates_schema
    def _nonce_for_apple(self, data: dict[str, Any], **_kwargs: Any) -> None:
        _apple_needs_a_nonce(data)


class DeleteAccountSchema(LoadSchema):
    """`password`; or, for an account without one, `provider`, `id_token` and `nonce`."""

    OPENAPI_RULES = {
        "oneOf": [
            {
                "required": ["password"],
                "not": {
                    "anyOf": [
                        {"required": ["provider"]},
                        {"required": ["id_token"]},
                        {"required": ["nonce"]},
                    ]
                },
            },
            {
                "required": ["provider", "id_token"],
                "not": {"required": ["password"]},
                **_APPLE_NEEDS_A_NONCE,
            },
        ]
    }

    password = Text(load_only=True, validate=validate.Length(min=1, max=1024))
    provider = Text(
        validate=validate.OneOf(PROVIDERS),
        metadata={"description": "For an account without a password: a linked provider."},
    )
    id_token = _id_token()
    nonce = _nonce(ANY_NONCE)

    @validates_schema
    def _one_proof(self, data: dict[str, Any], **_kwargs: Any) -> None:
        by_token = {"provider", "id_token", "nonce"} & set(data)
        if "password" in data and by_token:
            raise ValidationError("Send your password, or a provider's token: not both.")
        if "password" in data:
            return
        missing = [name for name in ("provider", "id_token") if name not in data]
        if missing:
            if not by_token:
                raise ValidationError(
                    "Send your password (or, for an account without one, provider, id_token "
                    "and nonce)."
                )
            raise ValidationError({name: ["Missing data for required field."] for name in missing})
        _apple_needs_a_nonce(data)


class ExportedCheckInSchema(DumpSchema):
    id = fields.UUID()
    tone = fields.String()
    energy = fields.Integer()
    quadrant = fields.String()
    need = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    visibility = fields.String()
    recorded_at = fields.AwareDateTime()
    created_at = fields.AwareDateTime()


class ExportedTombstoneSchema(DumpSchema):
    id = fields.UUID()
    visibility = fields.String()
    recorded_at = fields.AwareDateTime()
    created_at = fields.AwareDateTime()
    deleted_at = fields.AwareDateTime()


class ExportedResponseSchema(DumpSchema):
    id = fields.UUID()
    kind = fields.String()
    message = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()


class ExportedRatingSchema(DumpSchema):
    response_id = fields.UUID()
    checkin_id = fields.UUID()
    felt_heard = fields.Boolean()
    rated_at = fields.AwareDateTime(allow_none=True)


class ExportedAnswerSchema(DumpSchema):
    couple_question_id = fields.UUID(metadata={"description": "the couple's question of a date"})
    couple_id = fields.UUID(metadata={"description": "the pairing it was asked in"})
    question_id = fields.String(metadata={"description": "the question in the bank"})
    date = fields.Date()
    text = fields.String()
    answered_at = fields.AwareDateTime()
    changed_at = fields.AwareDateTime(allow_none=True)


class ExportedPairingSchema(DumpSchema):
    couple_id = fields.UUID()
    paired_at = fields.AwareDateTime()
    ended_at = fields.AwareDateTime(allow_none=True)
    partner_display_name = fields.String(allow_none=True)


class ExportedInviteSchema(DumpSchema):
    created_at = fields.AwareDateTime()
    expires_at = fields.AwareDateTime()
    used_at = fields.AwareDateTime(allow_none=True)
    withdrawn_at = fields.AwareDateTime(allow_none=True)


class ExportedSessionSchema(DumpSchema):
    started_at = fields.AwareDateTime()
    ended_at = fields.AwareDateTime(allow_none=True)


class ExportedIdempotencyKeySchema(DumpSchema):
    key = fields.String()
    checkin_id = fields.UUID()
    created_at = fields.AwareDateTime()


class ExportedDeviceSchema(DumpSchema):
    id = fields.UUID()
    platform = fields.String()
    registered_at = fields.AwareDateTime()
    last_seen_at = fields.AwareDateTime()


class ExportedIdentitySchema(DumpSchema):
    provider = fields.String(metadata={"enum": list(PROVIDERS)})
    email = fields.String(allow_none=True)
    linked_at = fields.AwareDateTime()
    last_used_at = fields.AwareDateTime(allow_none=True)


class ExportSchema(DumpSchema):
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
    question_answers = fields.List(fields.Nested(ExportedAnswerSchema))
    pairings = fields.List(fields.Nested(ExportedPairingSchema))
    invites = fields.List(fields.Nested(ExportedInviteSchema))
    identities = fields.List(fields.Nested(ExportedIdentitySchema))
    sessions = fields.List(fields.Nested(ExportedSessionSchema))
    idempotency_keys = fields.List(fields.Nested(ExportedIdempotencyKeySchema))
    devices = fields.List(fields.Nested(ExportedDeviceSchema))
