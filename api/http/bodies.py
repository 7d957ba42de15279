"""Reading JSON bodies: standard JSON only, and a refusal, never a crash, for the rest.

Python's parser raises RecursionError for a body nested a few thousand levels deep, and
ValueError (not a JSON error) for an integer of more than 4,300 digits; it also accepts
NaN and Infinity, which JSON does not have. Every body this app reads goes through
`parse_json`, so each of these is one answer: 400 `malformed_json`.
"""

from __future__ import annotations

import json
from typing import Any

from flask.json.provider import DefaultJSONProvider


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def parse_json(raw: str | bytes) -> Any:
    """The JSON value of `raw`; ValueError for anything that is not plain, readable JSON."""
    try:
        return json.loads(raw, parse_constant=_not_json)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading with `parse_json` (`request.get_json()` and friends)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return parse_json(s)
