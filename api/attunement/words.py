"""How the attunement core speaks: the gettext marker, the translator it is handed, and
the words that name a feeling.

Every string meant for people lives in a catalog module (`catalog.py`,
`summary_catalog.py`, this one) as an English message id wrapped in `N_`, a no-op marker
that `pybabel extract` finds by default. The engines render a message in two steps:
first `translate(message)` (gettext-like, str -> str, injected by the caller), then
`str.format(**values)` with named placeholders only ({partner}, {tone}, {energy}, ...).
Values that are words, such as a tone, go through `translate` themselves, so a
translation can give them its own form; names and numbers are filled in as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from models.vocabulary import N_, Tone

__all__ = ["N_", "TONE_WORDS", "Translator", "identity", "plural", "render"]

Translator = Callable[[str], str]


def identity(message: str) -> str:
    """The translator for English: every message id is its own translation."""
    return message


# A partner's own feeling word, as it is reflected back in a sentence ("So today left
# you {tone}."). Kept apart from the picker labels (capitalised, in models.vocabulary)
# because a language may need another form inside a sentence.
TONE_WORDS: dict[Tone, str] = {
    Tone.ANGRY: N_("angry"),
    Tone.ANXIOUS: N_("anxious"),
    Tone.FRUSTRATED: N_("frustrated"),
    Tone.STRESSED: N_("stressed"),
    Tone.OVERWHELMED: N_("overwhelmed"),
    Tone.SAD: N_("sad"),
    Tone.LONELY: N_("lonely"),
    Tone.TIRED: N_("tired"),
    Tone.HURT: N_("hurt"),
    Tone.DISAPPOINTED: N_("disappointed"),
    Tone.NUMB: N_("numb"),
    Tone.OKAY: N_("okay"),
    Tone.CALM: N_("calm"),
    Tone.CONTENT: N_("content"),
    Tone.RELAXED: N_("relaxed"),
    Tone.GRATEFUL: N_("grateful"),
    Tone.HAPPY: N_("happy"),
    Tone.EXCITED: N_("excited"),
    Tone.HOPEFUL: N_("hopeful"),
    Tone.PLAYFUL: N_("playful"),
    Tone.LOVED: N_("loved"),
}


def render(translate: Translator, message: str, values: Mapping[str, object]) -> str:
    """Translate first, then fill the named placeholders."""
    return translate(message).format(**values)


def plural(count: int, one: str, other: str) -> str:
    """The message for `count`: `one` for exactly 1, else `other`.

    Enough for en, es and de (one/other); a language with more plural forms would
    switch these pairs to ngettext.
    """
    return one if count == 1 else other
