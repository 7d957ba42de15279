"""Shared schema pieces: strict loading and string fields that PostgreSQL can store."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate

from models.languages import SUPPORTED_LOCALES


class LoadSchema(Schema):
    """Base for everything a client sends: unknown fields are an error, never dropped."""

    class Meta:
        unknown = RAISE


# What the OpenAPI document says of every Text field without a pattern of its own, so a
# client (or a fuzzer) knows that U+0000 is refused. Written with escapes that Python,
# ECMAScript and Rust regular expressions all read the same way.
NO_NUL_PATTERN = r"^[^\x00]*$"


def _has_pattern(validators: Any) -> bool:
    if validators is None:
        return False
    if not isinstance(validators, list | tuple):
        validators = [validators]
    return any(isinstance(v, validate.Regexp) for v in validators)


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

    def __init__(self, **kwargs: Any) -> None:
        metadata = dict(kwargs.pop("metadata", None) or {})
        if not _has_pattern(kwargs.get("validate")) and "enum" not in metadata:
            metadata.setdefault("pattern", NO_NUL_PATTERN)
        super().__init__(metadata=metadata, **kwargs)

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


# Zone files that are not places: "Factory" is a placeholder zone with the abbreviation
# "-00"; "localtime" (a link to the host's own zone) and "posixrules" are host files that
# zoneinfo finds on some systems.
NOT_PLACES = frozenset({"Factory", "localtime", "posixrules"})


@cache
def _timezone_names() -> frozenset[str]:
    # The IANA names as the tzdata package ships them, the same on every host (the host's
    # zoneinfo folder may hold more files than zones).
    shipped = resources.files("tzdata").joinpath("zones").read_text().split()
    return frozenset(shipped) - NOT_PLACES


def _is_timezone(name: str) -> bool:
    if name not in _timezone_names():
        raise ValidationError("Must be an IANA time zone name such as Europe/Berlin.")
    return True


class TimezoneName(Text):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=[validate.Length(max=64), _is_timezone],
            metadata={
                "example": "Europe/Berlin",
                "description": "IANA time zone name (Factory and host files such as "
                "localtime are not zones).",
                # The exact list: what the document allows is what the server accepts.
                "enum": sorted(_timezone_names()),
            },
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


# Invisible characters that reorder the text around them: a name holding U+202E shows
# "Sam" followed by whatever comes after it written backwards, in the partner's pushes too.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _is_control(char: str) -> bool:
    # Cc: C0 and C1 controls (newlines, tabs, escape sequences); Zl, Zp: line and paragraph
    # separators.
    return char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Zl", "Zp"}


# The same rule as a pattern for the OpenAPI document: no control character anywhere, and
# at least one character that str.strip() keeps. CONTROLS is every character _is_control
# refuses; SPACES every other one str.isspace() holds (a test checks both lists).
CONTROLS = r"\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
SPACES = r" \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
DISPLAY_NAME_PATTERN = rf"^[^{CONTROLS}]*[^{CONTROLS}{SPACES}][^{CONTROLS}]*$"
DISPLAY_NAME_MAX = 50


class DisplayName(Text):
    """What a partner sees in the app and in pushes: printable text, no control characters."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            validate=validate.Length(min=1, max=DISPLAY_NAME_MAX),
            metadata={
                "example": "Sam",
                "description": "1 to 50 characters, not all spaces (spaces around it are "
                "trimmed); no control characters and no bidirectional overrides or marks.",
                "pattern": DISPLAY_NAME_PATTERN,
            },
            **kwargs,
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        name = super()._deserialize(value, attr, data, **kwargs)
        if len(name) > DISPLAY_NAME_MAX:  # as sent, as the document's maxLength says
            raise ValidationError(f"Longer than maximum length {DISPLAY_NAME_MAX}.")
        if any(_is_control(char) for char in name):
            raise ValidationError("Must not contain control characters or bidirectional overrides.")
        name = name.strip()
        if not name:
            raise ValidationError("Must not be blank.")
        return name


class FullMatch(validate.Regexp):
    """A pattern the whole value must match. `Regexp` uses `re.match`, and `$` there also
    matches before a trailing newline: "07:00\\n" would pass `^..:..$`."""

    def __call__(self, value: Any) -> Any:
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


class UtcDateTime(fields.AwareDateTime):
    """An RFC 3339 time with an offset, read as UTC. A time the UTC calendar cannot hold
    (9999-12-31T23:59:59-23:59 is in the year 10000 in UTC) is an invalid value."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        moment = super()._deserialize(value, attr, data, **kwargs)
        try:
            return moment.astimezone(UTC)
        except OverflowError as exc:
            raise ValidationError("Must be a time between the years 1 and 9999 in UTC.") from exc


class QueryInteger(fields.Integer):
    """A whole number in a query string, in ASCII digits. Python's int() also reads
    full-width and Arabic-Indic digits, "2_0" and " 20"; a client sending those has a bug."""

    _ASCII = re.compile(r"-?[0-9]{1,9}")

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if not isinstance(value, str) or self._ASCII.fullmatch(value) is None:
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


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
