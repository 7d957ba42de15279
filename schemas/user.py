from marshmallow import Schema, fields, validate

from schemas.base import DisplayName, Email, LoadSchema, Password, Text, TimezoneName


class UserSchema(Schema):
    id = fields.UUID(dump_only=True)
    email = fields.String(dump_only=True)
    display_name = fields.String(dump_only=True)
    timezone = fields.String(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    couple_id = fields.UUID(
        dump_only=True, allow_none=True, metadata={"description": "null when unpaired"}
    )


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
