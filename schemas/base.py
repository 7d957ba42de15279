"""Shared schema pieces: strict loading and string fields that PostgreSQL can store."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate

from models.languages import SUPPORTED_LOCALES


class LoadSchema(Schema):
    """Base for everything a client sends: unknown fields are an error, never dropped."""

    class Meta:
        unknown = RAISE


class DumpSchema(Schema):
    """Base for everything the server answers.

    Every field is in every answer (null where `allow_none` says it may be), so each is
    `required` and read-only: the OpenAPI document lists them all under `required`, and
    generated clients type them as always there. A field that is sometimes left out says
    so with `metadata={"optional": True}`. Answers may gain fields in a later release, so
    the document does not close them with `additionalProperties: false` (the tests check
    every answer they see against its schema, closed).
    """

    class Meta:
        unknown = EXCLUDE  # never loaded; keeps `additionalProperties: false` out of the document

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.dump_only = True
            if not field.metadata.get("optional"):
                field.required = True


class Text(fields.String):
    """A string PostgreSQL can store: no U+0000, no lone surrogates."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise ValidationError("Must not contain the NUL character (U+0000).")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValidationError("Must be valid Unicode text.") from exc
        return text


class Email(Text):
    """An email address, compared case-insensitively, so it is stored lower-cased."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=[validate.Email(), validate.Length(max=254)],
            metadata={"format": "email", "example": "sam@example.com"},
            **kwargs,
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return super()._deserialize(value, attr, data, **kwargs).strip().lower()


@cache
def _timezone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def _is_timezone(name: str) -> bool:
    if name not in _timezone_names():
        raise ValidationError("Must be an IANA time zone name such as Europe/Berlin.")
    return True


class TimezoneName(Text):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=[validate.Length(max=64), _is_timezone],
            metadata={"example": "Europe/Berlin", "description": "IANA time zone name"},
            **kwargs,
        )


class LocaleName(Text):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=validate.OneOf(SUPPORTED_LOCALES),
            metadata={
                "enum": list(SUPPORTED_LOCALES),
                "example": "es",
                "description": "The language of pushes, and of answers whose Accept-Language "
                "names no supported language.",
            },
            **kwargs,
        )


class DisplayName(Text):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=validate.Length(min=1, max=50),
            metadata={"example": "Sam"},
            **kwargs,
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        name = super()._deserialize(value, attr, data, **kwargs).strip()
        if not name:
            raise ValidationError("Must not be blank.")
        return name


class Password(Text):
    """At least 10 characters; capped so a huge body cannot keep argon2 busy."""

    def __init__(self, *, min_length: int = 10, **kwargs: Any) -> None:
        super().__init__(
            validate=validate.Length(min=min_length, max=1024),
            load_only=True,
            metadata={"format": "password"},
            **kwargs,
        )


class StrictInteger(fields.Integer):
    """A JSON integer: not a string of digits, not 5.5, and not `true` (a Python int)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool):
            raise self.make_error("invalid")
        return super()._validated(value)


class StrictBoolean(fields.Boolean):
    """Only JSON true or false, not "yes" or 1."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def enum_string(
    enum: type[StrEnum], *, metadata: dict[str, Any] | None = None, **kwargs: Any
) -> fields.String:
    """A dumped enum value: a plain string, documented with its allowed values."""
    return fields.String(
        dump_only=True, metadata={"enum": [e.value for e in enum], **(metadata or {})}, **kwargs
    )
