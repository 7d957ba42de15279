"""The attunement prompt engine: from two check-ins to what helps meet the partner.

Pure: plain data and `now` in, plain data out. The rules live here; the words live in
`catalog.py`. The same inputs always give the same prompts, yet the wording varies from
one check-in to the next because the variant is picked from a hash of the check-in id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from api.attunement import catalog
from api.attunement.catalog import Variant
from models.vocabulary import NEED_LABELS, Need, Pleasantness, Tone

GAP_WORTH_NAMING = 4
LOW_ENERGY_UP_TO = 5
VERY_LOW_ENERGY_UP_TO = 3

HEAVY_TONES = frozenset({Tone.SAD, Tone.LONELY, Tone.TIRED, Tone.HURT, Tone.DISAPPOINTED})
BRIGHT_TONES = frozenset(
    {Tone.HAPPY, Tone.EXCITED, Tone.HOPEFUL, Tone.PLAYFUL, Tone.LOVED, Tone.GRATEFUL}
)


@dataclass(frozen=True)
class Feeling:
    """What a check-in says, as far as the prompts care."""

    id: str
    tone: Tone
    energy: int
    recorded_at: datetime
    need: Need | None = None

    @property
    def pleasantness(self) -> Pleasantness:
        return self.tone.pleasantness


@dataclass(frozen=True)
class Prompt:
    id: str
    kind: str
    title: str
    text: str
    phrases: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Avoid:
    id: str
    text: str


@dataclass(frozen=True)
class PromptSet:
    prompts: list[Prompt] = field(default_factory=list)
    avoid: list[Avoid] = field(default_factory=list)


def energy_band(energy: int) -> str:
    """The bands the advice changes at: 1-3, 4-5, 6-7, 8-10."""
    if energy <= VERY_LOW_ENERGY_UP_TO:
        return "very low"
    if energy <= LOW_ENERGY_UP_TO:
        return "low"
    if energy <= 7:
        return "high"
    return "very high"


def _pick(variants: Sequence[Variant] | Sequence[str], seed: str, kind: str) -> int:
    digest = hashlib.sha256(f"{seed}:{kind}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % len(variants)


def _since(moment: datetime, now: datetime) -> str:
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 2:
        return "just now"
    if minutes < 60:
        return f"{minutes} minutes ago"
    hours = minutes // 60
    if hours < 24:
        return "an hour ago" if hours == 1 else f"{hours} hours ago"
    days = hours // 24
    return "yesterday" if days == 1 else f"{days} days ago"


class _Writer:
    """Fills catalog variants with names and numbers."""

    def __init__(self, values: dict[str, object]) -> None:
        self.values = values

    def fill(self, template: str) -> str:
        return template.format(**self.values)

    def prompt(
        self, prompt_id: str, kind: str, variant: Variant, reason: str, *, lead: str = ""
    ) -> Prompt:
        text = self.fill(variant.text)
        return Prompt(
            id=prompt_id,
            kind=kind,
            title=self.fill(variant.title),
            text=f"{self.fill(lead)} {text}" if lead else text,
            phrases=tuple(self.fill(p) for p in variant.phrases),
            reason=reason,
        )


def _reflect_variants(tone: Tone) -> tuple[str, Sequence[Variant]]:
    if tone in HEAVY_TONES:
        return "reflect.name_the_heavy_feeling", catalog.REFLECT_HEAVY
    if tone.pleasantness is Pleasantness.UNPLEASANT:
        return "reflect.name_the_charged_feeling", catalog.REFLECT_CHARGED
    if tone.pleasantness is Pleasantness.NEUTRAL:
        return "reflect.name_the_feeling", catalog.REFLECT_NEUTRAL
    if tone in BRIGHT_TONES:
        return "reflect.share_the_good_feeling", catalog.REFLECT_BRIGHT
    return "reflect.savour_the_good_feeling", catalog.REFLECT_SOFT


def _pace_variants(partner: Feeling) -> tuple[str, Sequence[Variant]]:
    low = partner.energy <= LOW_ENERGY_UP_TO
    if partner.pleasantness is Pleasantness.UNPLEASANT:
        return (
            ("pace.slow_down", catalog.PACE_SLOW)
            if low
            else (
                "pace.stay_steady",
                catalog.PACE_STEADY,
            )
        )
    if partner.pleasantness is Pleasantness.PLEASANT:
        return (
            ("pace.keep_it_gentle", catalog.PACE_GENTLE)
            if low
            else (
                "pace.join_the_joy",
                catalog.PACE_JOIN,
            )
        )
    if partner.energy <= VERY_LOW_ENERGY_UP_TO:
        return "pace.slow_down", catalog.PACE_SLOW
    return "pace.follow_their_lead", catalog.PACE_EASY


def _avoid(partner: Feeling, writer: _Writer) -> list[Avoid]:
    ids: list[str] = []
    unpleasant = partner.pleasantness is Pleasantness.UNPLEASANT
    if unpleasant:
        ids += ["avoid.jokes", "avoid.minimising"]
    if partner.need is Need.PRACTICAL_HELP:
        ids.append("avoid.advice_without_asking")
    else:
        ids.append("avoid.fixing")
    if partner.energy <= LOW_ENERGY_UP_TO:
        ids.append("avoid.high_energy")
    elif unpleasant:
        ids.append("avoid.escalating")
    if partner.need is Need.SPACE:
        ids.append("avoid.chasing")
    if partner.pleasantness is Pleasantness.PLEASANT:
        ids.append("avoid.dampening")
    ids.append("avoid.about_you")
    return [Avoid(id=avoid_id, text=writer.fill(catalog.AVOID[avoid_id])) for avoid_id in ids]


def build_prompts(
    partner: Feeling | None,
    own: Feeling | None,
    *,
    partner_name: str,
    my_name: str,
    now: datetime,
    about_own_checkin: bool = False,
) -> PromptSet:
    """What helps the caller meet their partner where they are.

    `partner` is the partner check-in to attune to (None when they have not shared one
    lately); `own` is the caller's latest. With `about_own_checkin`, the prompts are about
    the caller's own check-in alone, so no reach-out is suggested.
    """
    values: dict[str, object] = {"partner": partner_name, "me": my_name}
    if partner is not None:
        values.update(tone=partner.tone.value, energy=partner.energy)
    if own is not None:
        values.update(my_tone=own.tone.value, my_energy=own.energy)
    writer = _Writer(values)
    prompts: list[Prompt] = []

    variants: Sequence[Variant]
    if own is not None and own.pleasantness is Pleasantness.UNPLEASANT:
        variants = catalog.SELF_ATTUNEMENT
        prompts.append(
            writer.prompt(
                "self_attunement.first_yourself",
                "self_attunement",
                variants[_pick(variants, own.id, "self_attunement")],
                f"You checked in feeling {own.tone.value} (energy {own.energy}).",
            )
        )

    if partner is None:
        if not about_own_checkin:
            variants = catalog.REACH_OUT
            prompts.append(
                writer.prompt(
                    "reach_out.ask_how_they_are",
                    "reach_out",
                    variants[_pick(variants, now.date().isoformat(), "reach_out")],
                    f"{partner_name} hasn't shared a check-in in the last 24 hours.",
                )
            )
        return PromptSet(prompts=prompts, avoid=[])

    seed = partner.id
    tone = partner.tone.value
    prompts.append(
        writer.prompt(
            "presence.be_there",
            "presence",
            catalog.PRESENCE[_pick(catalog.PRESENCE, seed, "presence")],
            f"{partner_name} checked in {_since(partner.recorded_at, now)} feeling {tone}.",
        )
    )

    pace_id, pace_variants = _pace_variants(partner)
    pace_reason = (
        f"{partner_name}'s energy is {partner.energy}/10 ({energy_band(partner.energy)}) "
        f"and the feeling, {tone}, is {partner.pleasantness.value}."
    )
    lead = ""
    if own is not None and abs(own.energy - partner.energy) >= GAP_WORTH_NAMING:
        gap = abs(own.energy - partner.energy)
        values["gap"] = gap
        leads = catalog.GAP_YOU_HIGHER if own.energy > partner.energy else catalog.GAP_YOU_LOWER
        lead = leads[_pick(leads, seed, "gap")]
        pace_reason += f" You're at {own.energy}: a gap of {gap}."
    prompts.append(
        writer.prompt(
            pace_id,
            "pace",
            pace_variants[_pick(pace_variants, seed, "pace")],
            pace_reason,
            lead=lead,
        )
    )

    reflect_id, reflect_variants = _reflect_variants(partner.tone)
    prompts.append(
        writer.prompt(
            reflect_id,
            "reflect",
            reflect_variants[_pick(reflect_variants, seed, "reflect")],
            f"{partner_name} chose the word \u201c{tone}\u201d.",
        )
    )

    if partner.need is not None:
        variants = catalog.NEEDS[partner.need.value]
        prompts.append(
            writer.prompt(
                f"need.{partner.need.value}",
                "need",
                variants[_pick(variants, seed, "need")],
                f"{partner_name} said \u201c{NEED_LABELS[partner.need].lower()}\u201d would help.",
            )
        )

    if partner.need is not Need.PRACTICAL_HELP:
        good_news = partner.pleasantness is Pleasantness.PLEASANT
        resist_id, resist_variants = (
            ("resist_fixing.let_it_be_good", catalog.RESIST_FIXING_GOOD_NEWS)
            if good_news
            else ("resist_fixing.understand_first", catalog.RESIST_FIXING)
        )
        prompts.append(
            writer.prompt(
                resist_id,
                "resist_fixing",
                resist_variants[_pick(resist_variants, seed, "resist_fixing")],
                f"{partner_name} didn't ask for practical help."
                if partner.need is not None
                else f"{partner_name} didn't name what would help, and didn't ask for advice.",
            )
        )

    return PromptSet(prompts=prompts, avoid=_avoid(partner, writer))
