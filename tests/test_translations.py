"""Every word for people exists in every supported language, with the same placeholders,
and the catalogs hold exactly the words the code says (API.md "Languages")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from models.languages import DEFAULT_LOCALE, SUPPORTED_LOCALES

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "api" / "translations"
TRANSLATED = [locale for locale in SUPPORTED_LOCALES if locale != DEFAULT_LOCALE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _source_messages() -> set[str]:
    found = set()
    for package in ("api", "models"):
        for _, _, message, _, _ in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")]
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


SOURCE = _source_messages()


def _catalog(locale: str):
    with open(CATALOGS / locale / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=locale)


def test_the_code_marks_its_words_for_translation():
    assert len(SOURCE) > 1000  # prompts, summary, vocabulary, pushes, daily questions


@pytest.mark.parametrize("locale", TRANSLATED)
def test_each_catalog_holds_exactly_the_words_of_the_code(locale):
    catalog = _catalog(locale)
    in_catalog = {message.id for message in catalog if message.id}
    assert SOURCE - in_catalog == set(), "missing: run make i18n, then translate"
    assert in_catalog - SOURCE == set(), "obsolete: run make i18n"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(locale):
    untranslated, fuzzy, mismatched = [], [], []
    for message in _catalog(locale):
        if not message.id:
            continue
        if not message.string:
            untranslated.append(message.id)
        elif message.fuzzy:
            fuzzy.append(message.id)
        elif set(PLACEHOLDER.findall(message.id)) != set(PLACEHOLDER.findall(message.string)):
            mismatched.append((message.id, message.string))
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert fuzzy == []
    assert mismatched == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_translation_is_left_in_english_or_uses_slashes_for_gender(locale):
    for message in _catalog(locale):
        if not message.id or not PLACEHOLDER.sub("", message.id).strip(" .:"):
            continue
        assert message.string != message.id or message.id in _SAME_IN_EVERY_LANGUAGE, message.id
        assert not re.search(r"\w/(a|in|innen)\b", message.string), message.string


# Words that are the same in these languages (a feeling word German borrowed, say).
_SAME_IN_EVERY_LANGUAGE = {"okay", "Okay"}
