"""The languages people can read Attune in: plain data for models, schemas and the app."""

from __future__ import annotations

# The first is the default, and the language the words are written in.
SUPPORTED_LOCALES = ("en", "es", "de")
DEFAULT_LOCALE = SUPPORTED_LOCALES[0]
