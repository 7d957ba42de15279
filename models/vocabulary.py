"""The words the app speaks: tones, needs, response kinds, and the Mood Meter quadrant.

Plain data with no database or web dependency, so the attunement core can use it too.
Labels are English message ids wrapped in `N_` so that gettext (Babel) extracts them; the
caller translates them for the request's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


def N_(message: str) -> str:
    """Mark `message` for extraction by gettext; translated later, where it is shown.

    Defined here, the lowest layer, so that models and `api.attunement` share one marker.
    """
    return message


class Pleasantness(StrEnum):
    UNPLEASANT = "unpleasant"
    NEUTRAL = "neutral"
    PLEASANT = "pleasant"


class Tone(StrEnum):
    ANGRY = "angry"
    ANXIOUS = "anxious"
    FRUSTRATED = "frustrated"
    STRESSED = "stressed"
    OVERWHELMED = "overwhelmed"
    SAD = "sad"
    LONELY = "lonely"
    TIRED = "tired"
    HURT = "hurt"
    DISAPPOINTED = "disappointed"
    NUMB = "numb"
    OKAY = "okay"
    CALM = "calm"
    CONTENT = "content"
    RELAXED = "relaxed"
    GRATEFUL = "grateful"
    HAPPY = "happy"
    EXCITED = "excited"
    HOPEFUL = "hopeful"
    PLAYFUL = "playful"
    LOVED = "loved"

    @property
    def pleasantness(self) -> Pleasantness:
        return TONE_PLEASANTNESS[self]

    @property
    def label(self) -> str:
        return TONE_LABELS[self]


TONE_PLEASANTNESS: dict[Tone, Pleasantness] = {
    **{
        tone: Pleasantness.UNPLEASANT
        for tone in (
            Tone.ANGRY,
            Tone.ANXIOUS,
            Tone.FRUSTRATED,
            Tone.STRESSED,
            Tone.OVERWHELMED,
            Tone.SAD,
            Tone.LONELY,
            Tone.TIRED,
            Tone.HURT,
            Tone.DISAPPOINTED,
            Tone.NUMB,
        )
    },
    Tone.OKAY: Pleasantness.NEUTRAL,
    **{
        tone: Pleasantness.PLEASANT
        for tone in (
            Tone.CALM,
            Tone.CONTENT,
            Tone.RELAXED,
            Tone.GRATEFUL,
            Tone.HAPPY,
            Tone.EXCITED,
            Tone.HOPEFUL,
            Tone.PLAYFUL,
            Tone.LOVED,
        )
    },
}


TONE_LABELS: dict[Tone, str] = {
    Tone.ANGRY: N_("Angry"),
    Tone.ANXIOUS: N_("Anxious"),
    Tone.FRUSTRATED: N_("Frustrated"),
    Tone.STRESSED: N_("Stressed"),
    Tone.OVERWHELMED: N_("Overwhelmed"),
    Tone.SAD: N_("Sad"),
    Tone.LONELY: N_("Lonely"),
    Tone.TIRED: N_("Tired"),
    Tone.HURT: N_("Hurt"),
    Tone.DISAPPOINTED: N_("Disappointed"),
    Tone.NUMB: N_("Numb"),
    Tone.OKAY: N_("Okay"),
    Tone.CALM: N_("Calm"),
    Tone.CONTENT: N_("Content"),
    Tone.RELAXED: N_("Relaxed"),
    Tone.GRATEFUL: N_("Grateful"),
    Tone.HAPPY: N_("Happy"),
    Tone.EXCITED: N_("Excited"),
    Tone.HOPEFUL: N_("Hopeful"),
    Tone.PLAYFUL: N_("Playful"),
    Tone.LOVED: N_("Loved"),
}


class Need(StrEnum):
    TO_BE_HEARD = "to_be_heard"
    COMFORT = "comfort"
    SPACE = "space"
    CLOSENESS = "closeness"
    PRACTICAL_HELP = "practical_help"
    CELEBRATION = "celebration"
    DISTRACTION = "distraction"
    ENCOURAGEMENT = "encouragement"


NEED_LABELS: dict[Need, str] = {
    Need.TO_BE_HEARD: N_("To be heard"),
    Need.COMFORT: N_("Comfort"),
    Need.SPACE: N_("Some space"),
    Need.CLOSENESS: N_("Closeness"),
    Need.PRACTICAL_HELP: N_("Practical help"),
    Need.CELEBRATION: N_("Celebration"),
    Need.DISTRACTION: N_("Take my mind off it"),
    Need.ENCOURAGEMENT: N_("Tell me I can do it"),
}


class ResponseKind(StrEnum):
    REFLECT = "reflect"
    COMFORT = "comfort"
    PRESENCE = "presence"
    QUESTION = "question"
    CELEBRATE = "celebrate"


RESPONSE_KIND_LABELS: dict[ResponseKind, str] = {
    ResponseKind.REFLECT: N_("Reflect what you hear"),
    ResponseKind.COMFORT: N_("Offer comfort"),
    ResponseKind.PRESENCE: N_("Be with them"),
    ResponseKind.QUESTION: N_("Ask, gently"),
    ResponseKind.CELEBRATE: N_("Celebrate with them"),
}


class Quadrant(StrEnum):
    HIGH_UNPLEASANT = "high_unpleasant"
    LOW_UNPLEASANT = "low_unpleasant"
    LOW_PLEASANT = "low_pleasant"
    HIGH_PLEASANT = "high_pleasant"
    NEUTRAL = "neutral"


class Visibility(StrEnum):
    PARTNER = "partner"
    PRIVATE = "private"


ENERGY_MIN = 1
ENERGY_MAX = 10
HIGH_ENERGY_FROM = 6


def quadrant(tone: Tone, energy: int) -> Quadrant:
    """Place a feeling on the Mood Meter: pleasantness from the tone, high energy from 6."""
    pleasantness = Tone(tone).pleasantness
    if pleasantness is Pleasantness.NEUTRAL:
        return Quadrant.NEUTRAL
    high = energy >= HIGH_ENERGY_FROM
    if pleasantness is Pleasantness.UNPLEASANT:
        return Quadrant.HIGH_UNPLEASANT if high else Quadrant.LOW_UNPLEASANT
    return Quadrant.HIGH_PLEASANT if high else Quadrant.LOW_PLEASANT


@dataclass(frozen=True)
class VocabularyEntry:
    name: str
    label: str
    pleasantness: str | None = None


def _untranslated(message: str) -> str:
    return message


def vocabulary(
    translate: Callable[[str], str] = _untranslated,
) -> dict[str, list[VocabularyEntry]]:
    """Everything the app's pickers render, in the order the contract lists it.

    `translate` (gettext-like) turns each English label into the request's language.
    """
    return {
        "tones": [
            VocabularyEntry(tone.value, translate(tone.label), tone.pleasantness.value)
            for tone in Tone
        ],
        "needs": [VocabularyEntry(need.value, translate(NEED_LABELS[need])) for need in Need],
        "response_kinds": [
            VocabularyEntry(kind.value, translate(RESPONSE_KIND_LABELS[kind]))
            for kind in ResponseKind
        ],
    }
