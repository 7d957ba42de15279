"""The language of an answer: the request's Accept-Language when it names one we speak,
else the caller's own `locale`, else English.

Texts for people go through gettext (Flask-Babel, catalogs in api/translations/); error
`detail` stays English. An answer that holds such texts says which language it is in
(`Content-Language`) and that another Accept-Language may get another answer (`Vary`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager

from flask import Flask, Response, g, has_request_context, request
from flask_babel import Babel, force_locale, get_locale, gettext
from flask_jwt_extended import get_current_user

from models.languages import DEFAULT_LOCALE, SUPPORTED_LOCALES

TRANSLATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "translations")

Translate = Callable[[str], str]


def named_by_request() -> str | None:
    """The supported language the request's Accept-Language prefers (by q-value), if any.

    A wildcard names no language: it leaves the choice to the caller's profile.
    """
    if not has_request_context():
        return None
    accepted = request.accept_languages
    named = [(value, quality) for value, quality in accepted if value != "*"]
    return type(accepted)(named).best_match(SUPPORTED_LOCALES)


def _caller_locale() -> str | None:
    try:
        caller = get_current_user()
    except RuntimeError:  # no token was verified in this request
        return None
    return getattr(caller, "locale", None)


def select_locale() -> str:
    return named_by_request() or _caller_locale() or DEFAULT_LOCALE


def texts_for_people() -> Translate:
    """gettext in the answer's language; marks the answer as being in that language."""
    g.answer_language = str(get_locale())
    return gettext


def speaking(locale: str | None) -> AbstractContextManager[None]:
    """Render texts in `locale` (a push's recipient's) instead of the request's language."""
    return force_locale(locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE)


def _say_which_language(response: Response) -> Response:
    language = g.get("answer_language")
    if language is not None:
        response.headers["Content-Language"] = language
        response.vary.add("Accept-Language")
    return response


def init_languages(app: Flask) -> None:
    Babel(
        app,
        default_locale=DEFAULT_LOCALE,
        default_translation_directories=TRANSLATIONS,
        locale_selector=select_locale,
    )
    app.after_request(_say_which_language)
