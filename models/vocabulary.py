"""The words the app speaks: tones, needs, response kinds, and the Mood Meter quadrant.

Plain data with no database or web dependency, so the attunement core can use it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
        return self.value.capitalize()


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


class Need(StrEnum):
    TO_BE_HEARD = "to_be_heard"
    COMFORT = "comfort"
    SPACE = "space"
    CLOSENESS = "closeness"
    PRACTICAL_HELP = "practical_help"
    CELEBRATION = "celebration"


NEED_LABELS: dict[Need, str] = {
    Need.TO_BE_HEARD: "To be heard",
    Need.COMFORT: "Comfort",
    Need.SPACE: "Some space",
    Need.CLOSENESS: "Closeness",
    Need.PRACTICAL_HELP: "Practical help",
    Need.CELEBRATION: "Celebration",
}


class ResponseKind(StrEnum):
    REFLECT = "reflect"
    COMFORT = "comfort"
    PRESENCE = "presence"
    QUESTION = "question"
    CELEBRATE = "celebrate"


RESPONSE_KIND_LABELS: dict[ResponseKind, str] = {
    ResponseKind.REFLECT: "Reflect what you hear",
    ResponseKind.COMFORT: "Offer comfort",
    ResponseKind.PRESENCE: "Be with them",
    ResponseKind.QUESTION: "Ask, gently",
    ResponseKind.CELEBRATE: "Celebrate with them",
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


def vocabulary() -> dict[str, list[VocabularyEntry]]:
    """Everything the app's pickers render, in the order the contract lists it."""
    return {
        "tones": [
            VocabularyEntry(tone.value, tone.label, tone.pleasantness.value) for tone in Tone
        ],
        "needs": [VocabularyEntry(need.value, NEED_LABELS[need]) for need in Need],
        "response_kinds": [
            VocabularyEntry(kind.value, RESPONSE_KIND_LABELS[kind]) for kind in ResponseKind
        ],
    }
