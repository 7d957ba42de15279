"""Every word the prompt engine says, kept apart from the rules that choose them.

Written to be read aloud: warm and plain, second person, no clinical words, no guilt
(ATTUNEMENT.md). Every card has eight wordings; a card that depends on the tone has a
group per tone family (whole sentences, so no tone word lands where the grammar breaks),
and a card that would put both partners in one room has eight `together` wordings next
to its eight `apart` ones (apart wordings work by message, by call and in person).

A wording's phrases come in two kinds:
- `say`: statements. Never a question, never "come", "sit", "talk" or "tell me" outside
  the cards of needs that welcome them, at most 12 words: they fit every situation.
- `ask`: openers (a question or an invitation). The engine drops them where they would
  contradict what the partner asked for (space, distraction), late at night, and after
  the first question for a partner at low energy.
- `uneasy` (optional): the statements in place of `say` for a caller whose own latest
  check-in is unpleasant. A wording whose `say` shares or enjoys the partner's good
  feeling ("I'm enjoying this with you.") has them, so that nobody is handed a feeling
  they don't have (ATTUNEMENT.md, principle 4); gladness *for* the partner stays.

Placeholders (named only): {partner} their name, {tone} their own feeling word,
{energy} their energy, {my_tone} and {my_energy} yours, {gap} the distance between the
energies, {check_back} when you will check back (CHECK_BACK_*). Translators: keep each
placeholder; {tone} and {my_tone} arrive already translated (words.TONE_WORDS).
"""

from __future__ import annotations

from dataclasses import dataclass

from api.attunement.words import N_
from models.vocabulary import Need


@dataclass(frozen=True)
class Wording:
    title: str
    text: str
    say: tuple[str, ...]
    ask: tuple[str, ...] = ()
    uneasy: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """One prompt (`id`, `kind`) and its wordings.

    A variant's index is its place in `apart`, or `len(apart) + k` for `together[k]`, so
    "need.comfort/11" names one wording for good. `together`, when present, has as many
    wordings as `apart`: slot k of either setting comes up for the same check-in.
    """

    id: str
    kind: str
    apart: tuple[Wording, ...]
    together: tuple[Wording, ...] = ()


def W(
    title: str,
    text: str,
    say: tuple[str, ...],
    ask: tuple[str, ...] = (),
    uneasy: tuple[str, ...] = (),
) -> Wording:
    return Wording(title, text, say, ask, uneasy)


# ---- self_attunement: settle first ------------------------------------------------------
# You are flooded: unpleasant at energy 7 or more.

SETTLE_FLOODED = Card(
    "self_attunement.settle_first",
    "self_attunement",
    (
        W(
            N_("Settle yourself first"),
            N_(
                "Before you reply, take three slow breaths and drink some water. Answering a few "
                "minutes later is fine."
            ),
            (
                N_("I want to answer you properly. Give me a few minutes."),
                N_("I'm allowed to take a minute before I reply."),
            ),
        ),
        W(
            N_("Breathe before you reply"),
            N_(
                "Your own feeling is loud right now. Let it settle first: a pause, a breath, a "
                "few steps outside. Waiting is fine."
            ),
            (
                N_("I'm a bit flooded. I'll write back once I've calmed down."),
                N_("This feeling is real, and it will ease."),
            ),
        ),
        W(
            N_("Find your feet first"),
            N_(
                "Step away from the screen for a moment and breathe out slowly. It's fine to "
                "reply once your voice is steady."
            ),
            (
                N_("I need a moment to settle, then I'm all yours."),
                N_("I can wait until I'm calmer. That's okay."),
            ),
        ),
        W(
            N_("You first, for one minute"),
            N_(
                "Loosen your jaw and slow your breath. Ask what you'd love to hear, and say it to "
                "yourself; replying can wait."
            ),
            (
                N_("I'm doing the best I can right now."),
                N_("I'll answer you soon. I want to get it right."),
            ),
        ),
        W(
            N_("Cool down before you connect"),
            N_(
                "Strong feelings make sharp words. It's fine to wait ten minutes: water, fresh "
                "air, a slow breath out."
            ),
            (
                N_("I'm going to take ten minutes, then I'll be back with you."),
                N_("It makes sense that I feel this way."),
            ),
        ),
        W(
            N_("Take care of your own storm"),
            N_(
                "It's hard to steady anyone while your heart is racing. Breathe, sip some water; "
                "it's fine to wait a few minutes."
            ),
            (
                N_("I'm not ready to answer well yet. Soon."),
                N_("I can take care of myself first."),
            ),
        ),
        W(
            N_("Pause before you send"),
            N_(
                "Write nothing for now. Breathe in for four, out for six, a few times. It's fine "
                "to answer later."
            ),
            (
                N_("I'll answer you properly in a little while."),
                N_("My feelings count. I can give myself a moment."),
            ),
        ),
        W(
            N_("Be your own friend first"),
            N_(
                "Breathe, and say to yourself what a good friend would say. Answer once you're "
                "calmer; waiting is allowed."
            ),
            (
                N_("I'm upset, and I still care about you."),
                N_("I'm allowed to be upset. It will pass."),
            ),
        ),
    ),
)

# You are running low: unpleasant at energy 2 or less.
SETTLE_LOW = Card(
    "self_attunement.rest_first",
    "self_attunement",
    (
        W(
            N_("Look after yourself first"),
            N_(
                "You're running low. Water, something to eat, a rest. It's fine to say you'll "
                "answer later."
            ),
            (
                N_("I'm running low. I'll be back with you in an hour."),
                N_("I see your check-in. I'll answer properly soon."),
            ),
        ),
        W(
            N_("Running on empty is allowed"),
            N_(
                "You don't have to meet anyone right now. Rest first, and say honestly that "
                "you're low."
            ),
            (
                N_("I don't have much in me today, but I'm thinking of you."),
                N_("Rest is allowed. I can answer later."),
            ),
        ),
        W(
            N_("Fill your own cup first"),
            N_(
                "Take a breath and ask what you'd love to hear right now; say it to yourself. "
                "Answering later is fine."
            ),
            (
                N_("I'm doing my best with what I have today."),
                N_("I'm low right now. I'll reply when I can."),
            ),
        ),
        W(
            N_("Go gently with yourself"),
            N_(
                "Before you give anything, take something: a glass of water, a breath, a few "
                "quiet minutes. Answering later is okay."
            ),
            (
                N_("I'm worn out, and that's okay."),
                N_("Give me a little while, then I'm here."),
            ),
        ),
        W(
            N_("Be honest about your energy"),
            N_(
                "Take a breath. It's okay to say you're running low; a short, true message beats "
                "a forced one."
            ),
            (
                N_("I'm running low right now, but I care. More soon."),
                N_("I'm allowed to rest before I answer."),
            ),
        ),
        W(
            N_("Rest comes first"),
            N_(
                "You're at {my_energy} out of 10. Rest a little before you reply; waiting is "
                "allowed."
            ),
            (
                N_("I want to be there for you. I need an hour first."),
                N_("I don't have to fix anything right now."),
            ),
        ),
        W(
            N_("Start with your own breath"),
            N_(
                "Breathe out slowly, a few times. Ask what you'd love to hear, and offer it to "
                "yourself. It's fine to answer later."
            ),
            (
                N_("I'm low right now, but I see you."),
                N_("It's okay to feel like this."),
            ),
        ),
        W(
            N_("Low is allowed"),
            N_(
                "You can answer from a low place, or wait until you've rested. Both are fine; "
                "just be honest."
            ),
            (
                N_("I'm not at my best right now. I'll be back soon."),
                N_("Being low doesn't make me a bad partner."),
            ),
        ),
    ),
)

# You feel good and strong while your partner feels bad and strong (both at 7 or more).
SETTLE_CLASH = Card(
    "self_attunement.quiet_your_mood",
    "self_attunement",
    (
        W(
            N_("Let your high settle first"),
            N_(
                "You're {my_tone} and {partner} is {tone}, and both feelings run high. Take a "
                "breath and let your energy drop first; waiting is fine."
            ),
            (
                N_("My good mood can wait a minute."),
                N_("I can take a breath. Nothing needs saying yet."),
            ),
        ),
        W(
            N_("Two strong moods, opposite ways"),
            N_(
                "You feel {my_tone}; {partner} feels {tone}. Both are strong. Pause and lower "
                "your volume first; it's fine to wait a little."
            ),
            (
                N_("{partner}'s day matters as much as mine."),
                N_("I can hold my good mood and their hard day at once."),
            ),
        ),
        W(
            N_("Bring your energy down first"),
            N_(
                "Your good mood is real, and {partner} can't meet it right now. Take a breath; "
                "it's fine to reply a little later."
            ),
            (
                N_("Right now, this is about {partner}."),
                N_("My news will keep until later."),
            ),
        ),
        W(
            N_("Not at full volume"),
            N_(
                "You're at {my_energy} and feeling good; {partner} is at {energy} and feeling "
                "{tone}. Breathe out slowly first; a short wait is fine."
            ),
            (
                N_("I can turn my volume down first."),
                N_("I can keep my good mood for later."),
            ),
        ),
        W(
            N_("Slow your own pulse"),
            N_(
                "Strong good energy can land like pressure on someone who is {tone}. Take a "
                "breath; waiting a minute is fine."
            ),
            (
                N_("I'll share my day another time."),
                N_("{partner}'s day first. Mine can wait."),
            ),
        ),
        W(
            N_("Mind the distance"),
            N_(
                "Notice how far apart you are: you're {my_tone}, {partner} is {tone}. It's fine "
                "to pause before you write anything."
            ),
            (
                N_("I'm slowing down first."),
                N_("My good mood can wait its turn."),
            ),
        ),
        W(
            N_("Meet them lower"),
            N_(
                "Your energy is high and bright; {partner}'s is high and hard. Breathe and soften "
                "first; it's fine to answer a bit later."
            ),
            (
                N_("I'll tell my story another time."),
                N_("I can be glad and gentle at once."),
            ),
        ),
        W(
            N_("Set your mood aside for a moment"),
            N_(
                "It's fine to feel {my_tone}. Set it aside for a moment and take a few slow "
                "breaths first."
            ),
            (
                N_("I'll let my mood settle a little."),
                N_("{partner}'s feelings first. Mine will keep."),
            ),
        ),
    ),
)

# Your tone is unpleasant, but you are neither flooded nor running low (full only).
SELF_GENTLE = Card(
    "self_attunement.notice_yourself",
    "self_attunement",
    (
        W(
            N_("Notice your own feeling"),
            N_(
                "You checked in {my_tone}. Notice it kindly before you turn to {partner}; your "
                "feelings count."
            ),
            (
                N_("It makes sense that I feel {my_tone}."),
                N_("I can care for {partner} and for myself."),
            ),
        ),
        W(
            N_("Be kind to yourself"),
            N_("Give yourself the words you'd give someone you love, then answer {partner}."),
            (
                N_("I'm doing the best I can today."),
                N_("My feelings matter."),
            ),
        ),
        W(
            N_("A moment for you"),
            N_("Ask yourself what you'd love to hear right now, and say it to yourself first."),
            (
                N_("I'm allowed to feel {my_tone}."),
                N_("I can take this one step at a time."),
            ),
        ),
        W(
            N_("Check your own weather"),
            N_(
                "Your own mood colours how you hear {partner}. Name it to yourself, {my_tone}, "
                "and breathe."
            ),
            (
                N_("I notice I'm {my_tone}. That's allowed."),
                N_("I can hold my feeling and still listen."),
            ),
        ),
        W(
            N_("You matter here"),
            N_(
                "Attuning to {partner} starts with attuning to yourself. Notice what you need in "
                "the next hour."
            ),
            (
                N_("I'll look after myself as well."),
                N_("Feeling {my_tone} is information, not a failure."),
            ),
        ),
        W(
            N_("Keep your own feeling in view"),
            N_(
                "You don't have to set your feelings aside to be there for {partner}. Just notice "
                "them first."
            ),
            (
                N_("Today was hard for me, and that's okay."),
                N_("I can be gentle with myself."),
            ),
        ),
        W(
            N_("A breath for yourself"),
            N_(
                "One slow breath before you answer, and a kind word to yourself. Then turn toward "
                "{partner}."
            ),
            (
                N_("I'm okay to feel what I feel."),
                N_("I'm here for me as well as for you."),
            ),
        ),
        W(
            N_("Look after your own heart"),
            N_(
                "You're feeling {my_tone}. A glass of water, a stretch, a kind thought: small "
                "care makes you steadier."
            ),
            (
                N_("Small steps are enough today."),
                N_("I can be {my_tone} and still be kind."),
            ),
        ),
    ),
)

# ---- need: what the partner said would help leads the screen --------------------------

NEED_TO_BE_HEARD = Card(
    "need.to_be_heard",
    "need",
    (
        W(
            N_("{partner} wants to be heard"),
            N_(
                "Listen more than you write or speak. Say back what you heard, in their words, "
                "and let silences be."
            ),
            (N_("I'm listening."), N_("Take all the time you need. I'm here.")),
            (N_("Did I get that right?"),),
        ),
        W(
            N_("Listen to the end"),
            N_(
                "Let {partner} finish before you add anything of your own. Then say back the "
                "part that seemed to matter most."
            ),
            (N_("I hear you."), N_("That sounds like it really mattered.")),
            (N_("What else is on your mind?"),),
        ),
        W(
            N_("Be their listener"),
            N_("Your job is to hear, not to answer. Keep your own stories for another day."),
            (N_("Go on, I'm with you."), N_("Thank you for telling me this.")),
            (N_("Is there more you want to say?"),),
        ),
        W(
            N_("Don't fill the silence"),
            N_(
                "When {partner} pauses, wait. A quiet moment often brings the thing they most "
                "needed to say."
            ),
            (N_("No rush. I'm still here."), N_("I'm taking in everything you said.")),
            (N_("Do you want to keep going?"),),
        ),
        W(
            N_("Say back what you heard"),
            N_(
                "Repeat the heart of what {partner} said in a sentence or two, without adding "
                "advice."
            ),
            (N_("So what I'm hearing is that this matters a lot."), N_("You make sense to me.")),
            (N_("Have I understood you?"),),
        ),
        W(
            N_("Give them your full attention"),
            N_("Read or listen to every word {partner} shares, once through, before you reply."),
            (N_("I've taken in every word."), N_("I'm glad you told me.")),
            (N_("Is there anything I missed?"),),
        ),
        W(
            N_("Hear the feeling under the words"),
            N_("Listen for what {partner} feels, not only for what happened. Name it back gently."),
            (N_("That sounds like a lot to hold."), N_("I'm right here, listening.")),
            (N_("Am I hearing you right?"),),
        ),
        W(
            N_("Let them be heard"),
            N_(
                "{partner} doesn't need a solution from you now. They need to know their words "
                "reached you."
            ),
            (N_("Your words reached me."), N_("I'm not going anywhere.")),
            (N_("What would you most like me to know?"),),
        ),
    ),
)

NEED_COMFORT = Card(
    "need.comfort",
    "need",
    (
        W(
            N_("Offer comfort"),
            N_(
                "{partner} asked for comfort. Send warmth first: a few kind words, and your voice "
                "if they'd like it."
            ),
            (N_("I'm right here with you."), N_("I'm so sorry it's like this.")),
            (N_("Would it help to hear my voice?"),),
        ),
        W(
            N_("Be warm and near"),
            N_(
                "Comfort is mostly warmth and nearness. A few gentle words and a warm voice can "
                "carry both."
            ),
            (N_("Sending you all my warmth."), N_("You don't have to be okay right now.")),
            (N_("What would comfort you most right now?"),),
        ),
        W(
            N_("Stay close in words"),
            N_("Let {partner} feel you near: a warm message now, and another a little later."),
            (N_("I'm thinking of you."), N_("You're not alone in this.")),
            (N_("Can I keep you company for a bit?"),),
        ),
        W(
            N_("Comfort first"),
            N_(
                "No advice, no questions about why. Just warmth: let {partner} know you're with "
                "them."
            ),
            (N_("I'm with you."), N_("I love you, and I'm here.")),
            (N_("What would feel comforting right now?"),),
        ),
        W(
            N_("Be their soft place"),
            N_("Keep your words gentle and few. Comfort is how you sound, more than what you say."),
            (N_("Oh, love. I'm here."), N_("Whatever you're feeling, I'm with you.")),
            (N_("Is there anything that would help a little?"),),
        ),
        W(
            N_("Warmth, not answers"),
            N_(
                "{partner} doesn't need a fix. Send something warm, and let them know they can "
                "lean on you."
            ),
            (N_("Lean on me as much as you like."), N_("You matter so much to me.")),
            (N_("What do you need from me right now?"),),
        ),
        W(
            N_("Let them feel held"),
            N_(
                "Comfort can travel by message, by voice or in person. Say plainly that you care "
                "and that you're staying."
            ),
            (N_("I'm staying right here."), N_("I care about you so much.")),
            (N_("Do you want me to stay with you a while?"),),
        ),
        W(
            N_("Be gentle"),
            N_(
                "Soft words, slowly. Let {partner} know you're glad they told you, and that "
                "you're beside them."
            ),
            (N_("I'm so glad you told me."), N_("I'm beside you, whatever happens.")),
            (N_("Do you want company for a while?"),),
        ),
    ),
    (
        W(
            N_("Hold them close"),
            N_(
                "Sit close to {partner}, offer a hug if it's welcome, and stay near a while "
                "longer than you planned."
            ),
            (N_("I'm right here."), N_("Come here, if you want.")),
            (N_("Can I hold you?"),),
        ),
        W(
            N_("Be close and warm"),
            N_(
                "Comfort is mostly presence: your closeness, a blanket, a cup of tea, staying a "
                "while."
            ),
            (N_("I'm not going anywhere."), N_("Let me make you some tea.")),
            (N_("Do you want a hug?"),),
        ),
        W(
            N_("Stay near"),
            N_("Sit next to {partner}. A hand on their back says more than words right now."),
            (N_("I've got you."), N_("You're not alone.")),
            (N_("Can I sit with you?"),),
        ),
        W(
            N_("Let them lean on you"),
            N_(
                "Make room for {partner} to lean on you, literally. Warmth and quiet beat any "
                "sentence."
            ),
            (N_("Lean on me."), N_("Take all the time you need.")),
            (N_("Is this okay?"),),
        ),
        W(
            N_("Arms before advice"),
            N_(
                "Put your phone down and turn toward {partner}. No advice; just your arms and "
                "your attention, if welcome."
            ),
            (N_("I'm here with you."), N_("We don't have to say anything.")),
            (N_("Want to curl up for a bit?"),),
        ),
        W(
            N_("Small warm things"),
            N_("Bring them a blanket or a warm drink, and stay close. Small care is comfort."),
            (N_("I brought you something warm."), N_("I love you.")),
            (N_("Is there anything else you need?"),),
        ),
        W(
            N_("Hold them, if they want"),
            N_("Offer a hug, and if it's welcome, hold on a little longer than usual."),
            (N_("I've got you. Take your time."), N_("You're safe with me.")),
            (N_("Would a hug help?"),),
        ),
        W(
            N_("Quiet closeness"),
            N_("Sit together in the quiet. Your steady presence next to them is the comfort."),
            (N_("I'm staying right here with you."), N_("No need to explain anything.")),
            (N_("Want me to stay close?"),),
        ),
    ),
)

# Space: no question, no approach, a time to check back and a door left open.
NEED_SPACE = Card(
    "need.space",
    "need",
    (
        W(
            N_("Give {partner} room"),
            N_(
                "{partner} asked for space. Send one kind message, say when you'll check back, "
                "then keep that promise."
            ),
            (
                N_("Take the time you need. I'll check on you {check_back}."),
                N_("I'm here whenever you're ready."),
            ),
        ),
        W(
            N_("Make room, then check back"),
            N_(
                "Let {partner} have room without pulling away yourself. Say when you'll look in "
                "again, and do it."
            ),
            (
                N_("No pressure at all. I'll look in on you {check_back}."),
                N_("I'm around whenever you're ready."),
            ),
        ),
        W(
            N_("Respect the quiet"),
            N_(
                "Space is what {partner} asked for. One warm message is enough, with a time "
                "you'll check back."
            ),
            (
                N_("I love you. I'll check on you {check_back}."),
                N_("I'm here when you're ready, no rush."),
            ),
        ),
        W(
            N_("Room, with a promise"),
            N_(
                "Give the room they asked for, and name a time you'll check back. Keeping it "
                "builds trust."
            ),
            (
                N_("I'll give you some room and check on you {check_back}."),
                N_("When you're ready, I'm here."),
            ),
        ),
        W(
            N_("Step back, not away"),
            N_(
                "Stepping back is a gift here. Let {partner} know you're not going anywhere, and "
                "when you'll check in."
            ),
            (
                N_("Take your space. I'll check on you {check_back}."),
                N_("I'm not going anywhere. Ready when you are."),
            ),
        ),
        W(
            N_("Less is more right now"),
            N_(
                "Keep it to one short message: that they can have room, when you'll check back, "
                "and that you're there."
            ),
            (
                N_("All the time you need. I'll check on you {check_back}."),
                N_("You can reach me whenever you're ready."),
            ),
        ),
        W(
            N_("Give space kindly"),
            N_(
                "Giving space isn't going cold. A warm word and a clear time to check back keep "
                "you close."
            ),
            (
                N_("Take whatever time you need. I'll check on you {check_back}."),
                N_("My door's open whenever you're ready."),
            ),
        ),
        W(
            N_("Let them breathe"),
            N_(
                "{partner} needs some room to breathe. Don't follow up early; check back when you "
                "said you would."
            ),
            (
                N_("Of course. I'll check on you {check_back}."),
                N_("I'll be right here when you're ready."),
            ),
        ),
    ),
)

NEED_CLOSENESS = Card(
    "need.closeness",
    "need",
    (
        W(
            N_("Make time to be close"),
            N_(
                "{partner} wants closeness. Make a little time soon that's only for the two of you."
            ),
            (N_("I'd love some time with just you."), N_("You're my favourite person.")),
            (N_("Can we have some time together later?"),),
        ),
        W(
            N_("Let them feel wanted"),
            N_(
                "Closeness starts with feeling wanted. Say plainly that you want to be with "
                "{partner}."
            ),
            (N_("I've missed you today."), N_("I want to be with you.")),
            (N_("When can I have you all to myself?"),),
        ),
        W(
            N_("Plan a little time together"),
            N_("Pick a time soon for the two of you, and protect it: no chores, no screens."),
            (N_("Let's keep some time just for us."), N_("Nothing would make me happier.")),
            (N_("How about a walk together, just us?"),),
        ),
        W(
            N_("Reach for them"),
            N_(
                "Send {partner} something that says you're thinking of them, then name a moment "
                "to be together."
            ),
            (N_("Thinking of you, right now."), N_("You're on my mind.")),
            (N_("Dinner together, just us?"),),
        ),
        W(
            N_("Share something small"),
            N_(
                "Closeness grows from small shared things: a photo, a memory, a song you both like."
            ),
            (N_("This made me think of you."), N_("I love our little moments.")),
            (N_("Want to listen to our song later?"),),
        ),
        W(
            N_("Be close in words"),
            N_("Say what you love about {partner}. Closeness can start with one honest sentence."),
            (N_("I love how you see the world."), N_("You mean so much to me.")),
            (N_("Can we have a quiet evening, just us?"),),
        ),
        W(
            N_("Make a date"),
            N_(
                "Set a small date: a meal, a walk, an hour together. Closeness likes something to "
                "look forward to."
            ),
            (N_("I'm keeping time free for you."), N_("Being with you is my favourite part.")),
            (N_("What would you like to do together?"),),
        ),
        W(
            N_("Turn toward them"),
            N_(
                "{partner} wants to feel near you. Answer warmly, and let them know you want that "
                "as well."
            ),
            (N_("I'd love that."), N_("You're the one I want to be with.")),
            (N_("Shall we make some time for us soon?"),),
        ),
    ),
    (
        W(
            N_("Be close"),
            N_(
                "Sit together, hold hands, share something small. Touch, if it's welcome, says a "
                "lot."
            ),
            (N_("I like being close to you."), N_("Stay here with me a while.")),
            (N_("Come sit with me?"),),
        ),
        W(
            N_("Curl up together"),
            N_("Make some time on the sofa, just the two of you, phones away."),
            (N_("Just us for a while."), N_("I love being next to you.")),
            (N_("Want to curl up together?"),),
        ),
        W(
            N_("Reach for their hand"),
            N_(
                "Reach for {partner}'s hand, or rest against them. Let touch do some of the "
                "talking, if it's welcome."
            ),
            (N_("I missed this."), N_("You feel like home.")),
            (N_("Can I have a hug?"),),
        ),
        W(
            N_("Put the world away"),
            N_(
                "Put your phones down and turn toward each other. Closeness needs your attention "
                "more than a plan."
            ),
            (N_("All my attention is yours."), N_("This is my favourite part of the day.")),
            (N_("Shall we just be together for a bit?"),),
            uneasy=(N_("All my attention is yours."), N_("I'm glad we have this time.")),
        ),
        W(
            N_("A slow moment together"),
            N_("Cook together, walk together, or lie side by side. Simple closeness is enough."),
            (N_("I love doing nothing with you."), N_("This is nice.")),
            (N_("Walk with me after dinner?"),),
            uneasy=(N_("I love doing nothing with you."), N_("No rush to be anywhere else.")),
        ),
        W(
            N_("Show them they're wanted"),
            N_("Look at {partner} and say what you love about them. Then let the moment be."),
            (N_("I love you, you know."), N_("I'm so glad it's you.")),
            (N_("Come here?"),),
        ),
        W(
            N_("Touch, if welcome"),
            N_("Offer a hug or a hand and see how {partner} leans in. Follow their lead."),
            (N_("Right here with you."), N_("Nowhere I'd rather be.")),
            (N_("Can I hold you for a minute?"),),
        ),
        W(
            N_("Make space for two"),
            N_("Clear an hour for the two of you. Close the laptop, dim the lights, sit close."),
            (N_("This hour is just for us."), N_("I want to be with you, right here.")),
            (N_("Early night together?"),),
        ),
    ),
)

# Practical help: ask what kind of help before any advice.
NEED_PRACTICAL_HELP = Card(
    "need.practical_help",
    "need",
    (
        W(
            N_("Ask before you advise"),
            N_(
                "{partner} asked for practical help. First ask what kind of help they want, then "
                "help with exactly that."
            ),
            (N_("I'm here to help, however you like."), N_("I've got time to help.")),
            (N_("Do you want ideas, or do you want me to just listen?"),),
        ),
        W(
            N_("Ask what would help"),
            N_(
                "Before offering a plan, ask what {partner} actually wants from you: ideas, a "
                "hand, or an ear."
            ),
            (N_("Whatever would help, I'm in."), N_("I can take something off your plate.")),
            (N_("What would help most: ideas, or just me listening?"),),
        ),
        W(
            N_("Help the way they want"),
            N_("Ask which part you can take on, then do it without a lecture."),
            (N_("Put me to work."), N_("I can handle one thing for you today.")),
            (N_("Which part can I take off your hands?"),),
        ),
        W(
            N_("Offer, then follow"),
            N_(
                "Ask what would help, as a question, not a plan. Let {partner} choose, and follow "
                "that."
            ),
            (N_("I'm happy to help."), N_("You don't have to do this alone.")),
            (N_("Should I help think it through, or just take something on?"),),
        ),
        W(
            N_("Listen, then help"),
            N_(
                "Hear the problem out first. Then ask if {partner} wants your ideas before you "
                "share any."
            ),
            (N_("Okay, I'm with you on this."), N_("Let's see what we can do.")),
            (N_("Want my thoughts, or shall I just listen for now?"),),
        ),
        W(
            N_("Take something off their plate"),
            N_(
                "Practical help often means doing, not advising. Ask what you could handle for "
                "{partner} today."
            ),
            (N_("I've got some time today."), N_("I'd like to make this easier for you.")),
            (N_("What's one thing I can do for you today?"),),
        ),
        W(
            N_("Be a teammate"),
            N_(
                "Ask what {partner} has already tried and what they'd like from you, before "
                "suggesting anything."
            ),
            (N_("We're a team on this."), N_("I'm on your side.")),
            (N_("Do you want suggestions, or just a hand with it?"),),
        ),
        W(
            N_("Help, on their terms"),
            N_(
                "It's their problem to shape. Ask how involved they want you to be, and respect "
                "the answer."
            ),
            (N_("I can help as much or as little as you like."), N_("No pressure either way.")),
            (N_("Do you want ideas from me, or just a listener?"),),
        ),
    ),
)

NEED_CELEBRATION = Card(
    "need.celebration",
    "need",
    (
        W(
            N_("Celebrate with {partner}"),
            N_("{partner} wants to celebrate. Be genuinely glad, and ask for the whole story."),
            (N_("That's wonderful!"), N_("I'm so proud of you.")),
            (N_("Tell me everything!"),),
        ),
        W(
            N_("Ask for the story"),
            N_(
                "Ask how it happened, and enjoy every detail with them. Your delight is the "
                "celebration."
            ),
            (N_("I'm so happy for you."), N_("You deserve this.")),
            (N_("How did it happen?"),),
        ),
        W(
            N_("Make it a moment"),
            N_("Mark it somehow: a toast, a treat, a silly dance, a voice message full of cheers."),
            (N_("This calls for a celebration!"), N_("Look at you!")),
            (N_("What was the best part?"),),
        ),
        W(
            N_("Be glad out loud"),
            N_(
                "Let {partner} hear how happy you are for them. Don't rush past it to anything "
                "else."
            ),
            (N_("Yes! I love this."), N_("I can't stop smiling.")),
            (N_("What did it feel like?"),),
            uneasy=(N_("Yes! I love this."), N_("I'm so pleased for you.")),
        ),
        W(
            N_("Savour it together"),
            N_(
                "Stay with the good news a little longer than feels natural. Ask about the moment "
                "it happened."
            ),
            (N_("This is big. I'm so glad."), N_("I'm proud of you, really.")),
            (N_("Where were you when you found out?"),),
        ),
        W(
            N_("Cheer them on"),
            N_("Be their biggest fan right now. Name what they did to make this happen."),
            (N_("You did this."), N_("I knew you could.")),
            (N_("How are you going to celebrate?"),),
        ),
        W(
            N_("Plan a small treat"),
            N_(
                "Suggest a small way to mark it: their favourite food, a toast, a call with "
                "someone who'll cheer."
            ),
            (N_("Let's mark this properly."), N_("Your favourite dinner is on me.")),
            (N_("What would feel like a celebration to you?"),),
        ),
        W(
            N_("Share the joy"),
            N_(
                "Good news shared grows. Ask {partner} to go through it again, slowly, and enjoy "
                "every bit."
            ),
            (N_("I want to hear all of it."), N_("This made my day.")),
            (N_("Can you take me through it from the start?"),),
            uneasy=(N_("I want to hear all of it."), N_("What a thing to celebrate.")),
        ),
    ),
)

# Distraction: light company; cheering up is welcome; no digging into the feeling.
NEED_DISTRACTION = Card(
    "need.distraction",
    "need",
    (
        W(
            N_("Take their mind off it"),
            N_(
                "{partner} wants a break from the feeling, not a talk about it. Offer light "
                "company: a show, a game, a silly video."
            ),
            (N_("Okay, no big talk. Just fun."), N_("I found something to make you smile.")),
            (N_("Want to watch something together?"),),
        ),
        W(
            N_("Be light company"),
            N_(
                "Keep it easy and cheerful. Share something funny or good, and don't circle back "
                "to the hard part."
            ),
            (N_("Here's the silliest thing I saw today."), N_("Brain break, coming right up.")),
            (N_("Up for a quick game?"),),
        ),
        W(
            N_("Offer an easy plan"),
            N_(
                "Suggest something small to share, side by side or on a call: an episode, a "
                "puzzle, a playlist."
            ),
            (N_("I'm in for anything easy."), N_("Let's do something that needs no thinking.")),
            (N_("Same episode, same time?"),),
        ),
        W(
            N_("A little fun is welcome"),
            N_(
                "Cheering up is welcome here. Send something that makes {partner} smile, and "
                "leave the heavy stuff alone."
            ),
            (
                N_("This made me grin and think of you."),
                N_("Sending you the best video on the internet."),
            ),
            (N_("Want another one?"),),
        ),
        W(
            N_("Keep them company"),
            N_(
                "Be around without making it about the feeling. An errand together or a shared "
                "show is plenty."
            ),
            (N_("I'm here for the fun part of the day."), N_("Let's just have an easy time.")),
            (N_("Fancy an errand together, with snacks?"),),
        ),
        W(
            N_("Change the subject, kindly"),
            N_(
                "Talk about anything else: plans, something funny, something you're both looking "
                "forward to."
            ),
            (N_("Okay, new topic. Something nice."), N_("Let's think about the weekend instead.")),
            (N_("What should we plan for the weekend?"),),
        ),
        W(
            N_("Plan something to look forward to"),
            N_("A small plan can lift a day: a walk later, a favourite meal, a film to pick."),
            (N_("I've got an idea for later."), N_("Something fun is on the way.")),
            (N_("Walk and ice cream later?"),),
        ),
        W(
            N_("Play a little"),
            N_("A quick game, a quiz, a shared playlist: keep it light and let {partner} lead."),
            (N_("Loser picks the next song."), N_("Fair warning: I'm on form today.")),
            (N_("Best of three?"),),
        ),
    ),
    (
        W(
            N_("An easy plan for two"),
            N_(
                "Offer an easy plan together: a show on the sofa, a walk around the block, a "
                "board game."
            ),
            (N_("No big talk tonight. Just us and a show."), N_("You pick, I'll follow.")),
            (N_("Walk around the block with me?"),),
        ),
        W(
            N_("Settle in together"),
            N_("Settle in together with something easy: a film, a puzzle, a simple meal."),
            (N_("I'll make the snacks."), N_("Easy evening, just us.")),
            (N_("Film and snacks?"),),
        ),
        W(
            N_("Get out for a bit"),
            N_("A short walk or an errand together can shift the mood. Keep the chat light."),
            (N_("Fresh air might be nice."), N_("I'll grab the keys.")),
            (N_("Come with me to the shop?"),),
        ),
        W(
            N_("Be a bit silly"),
            N_("Cheering up is welcome here. Make {partner} laugh, put on music, be a bit silly."),
            (N_("Dance break, right now."), N_("I saved the best video for you.")),
            (N_("Want to hear the worst joke I know?"),),
        ),
        W(
            N_("Cook something together"),
            N_("Make a simple meal side by side. Busy hands and easy chatter can be a real break."),
            (N_("You chop, I'll stir."), N_("Let's make something comforting.")),
            (N_("Pancakes for dinner?"),),
        ),
        W(
            N_("Play a game"),
            N_("Pull out a card game or a video game. A little friendly rivalry is a good break."),
            (N_("Prepare to lose, gently."), N_("Winner picks dinner.")),
            (N_("One round?"),),
        ),
        W(
            N_("Same sofa, same show"),
            N_(
                "Be around without making it about the feeling: the same sofa, the same show, "
                "snacks."
            ),
            (N_("I'm all yours for the evening."), N_("Scoot over.")),
            (N_("Next episode?"),),
        ),
        W(
            N_("Change the scene"),
            N_("Go somewhere small and new together: a café, a park bench, a different walk home."),
            (N_("My treat."), N_("A change of scene might help.")),
            (N_("Hot chocolate somewhere?"),),
        ),
    ),
)

# Encouragement: their strength and your belief in them; no promises about the outcome.
NEED_ENCOURAGEMENT = Card(
    "need.encouragement",
    "need",
    (
        W(
            N_("Believe in {partner} out loud"),
            N_(
                "{partner} wants to hear that they can do it. Name a real strength you've seen in "
                "them."
            ),
            (N_("I've seen you handle hard things before."), N_("I believe in you.")),
            (N_("What's the first small step?"),),
        ),
        W(
            N_("Name their strength"),
            N_("Name a specific strength they've shown, not a prediction of how it will turn out."),
            (
                N_("You're more capable than you feel right now."),
                N_("The way you kept going last time stayed with me."),
            ),
            (N_("Want me to remind you what you've already done?"),),
        ),
        W(
            N_("Be their steady belief"),
            N_(
                "Honest belief helps more than cheerleading. Say what you see in {partner}, "
                "plainly."
            ),
            (N_("You've got what this takes."), N_("I'm behind you, whatever happens.")),
            (N_("How can I back you up?"),),
        ),
        W(
            N_("Remind them who they are"),
            N_(
                "Remind {partner} of a time they did something hard: that strength is still "
                "theirs. Say you believe in them."
            ),
            (
                N_("You've done hard things before. This is another one."),
                N_("You're stronger than this moment."),
            ),
            (N_("Remember the last time you pulled through?"),),
        ),
        W(
            N_("Encourage, don't predict"),
            N_(
                "Skip the big promises. Say what you believe about {partner}; that part you can "
                "mean fully."
            ),
            (
                N_("I'm proud of how you're facing this."),
                N_("I'm in your corner."),
            ),
            (N_("What would help you feel ready?"),),
        ),
        W(
            N_("Cheer their effort"),
            N_(
                "Praise the effort and the courage, not only the outcome. Effort is what "
                "{partner} controls."
            ),
            (N_("The effort you're putting in shows."), N_("It takes courage to try this.")),
            (N_("What's one thing you're proud of so far?"),),
        ),
        W(
            N_("Stand behind them"),
            N_(
                "Let {partner} know you believe in them, and offer one concrete thing you can do "
                "to back them."
            ),
            (N_("I've got your back."), N_("I can help you prepare, if you like.")),
            (N_("Want to practise it with me?"),),
        ),
        W(
            N_("See them clearly"),
            N_("Name a quality you admire in {partner}, and how it fits what they're facing."),
            (
                N_("You know yourself better than this doubt does."),
                N_("I'm proud of you for trying."),
            ),
            (N_("Which of your strengths could help here?"),),
        ),
    ),
)

NEEDS: dict[Need, Card] = {
    Need.TO_BE_HEARD: NEED_TO_BE_HEARD,
    Need.COMFORT: NEED_COMFORT,
    Need.SPACE: NEED_SPACE,
    Need.CLOSENESS: NEED_CLOSENESS,
    Need.PRACTICAL_HELP: NEED_PRACTICAL_HELP,
    Need.CELEBRATION: NEED_CELEBRATION,
    Need.DISTRACTION: NEED_DISTRACTION,
    Need.ENCOURAGEMENT: NEED_ENCOURAGEMENT,
}

# When you will check back, for the space card: soon by day, after sleep at night.
CHECK_BACK_SOON = N_("in an hour")
CHECK_BACK_LATE = N_("in the morning")

# ---- support: a hard stretch (several low days in a row) -------------------------------

SUPPORT = Card(
    "support.hard_stretch",
    "support",
    (
        W(
            N_("A few low days"),
            N_(
                "{partner} has had a few low days. Ask how you can support them, and whether "
                "talking to a friend, doctor or counsellor might help."
            ),
            (
                N_("I'm here for you, for as long as this lasts."),
                N_("You don't have to carry this by yourself."),
            ),
            (N_("How can I support you this week?"),),
        ),
        W(
            N_("Ask how to support them"),
            N_(
                "Several low days in a row. Ask {partner} what would support them, and whether "
                "talking to someone else might help."
            ),
            (
                N_("I've noticed things have been heavy lately. I'm here."),
                N_("Whatever you need, I'm in."),
            ),
            (N_("What would help you most right now?"),),
        ),
        W(
            N_("Steady support"),
            N_(
                "No alarm, just care. Ask how you can help, and whether a friend, a doctor or a "
                "counsellor could be good to talk to."
            ),
            (
                N_("I love you, and I'm not going anywhere."),
                N_("It's okay not to be okay for a while."),
            ),
            (N_("Is there something I could take off your plate?"),),
        ),
        W(
            N_("Be there for the long haul"),
            N_(
                "{partner} has checked in low for days. Ask what support looks like for them, and "
                "whether someone else could help as well."
            ),
            (N_("You're not a burden to me."), N_("I'm with you through this stretch.")),
            (N_("What would support look like for you?"),),
        ),
        W(
            N_("Gently widen the circle"),
            N_(
                "Ask how you can help, then wonder aloud whether talking to a friend, a doctor or "
                "a counsellor might help as well."
            ),
            (
                N_("You don't have to go through this alone."),
                N_("Other people care about you as well."),
            ),
            (N_("Could a friend or a doctor help carry some of this?"),),
        ),
        W(
            N_("Notice, without pressure"),
            N_(
                "Let {partner} know you've noticed a heavy few days. Ask how to support them, and "
                "whether a doctor or counsellor might help."
            ),
            (
                N_("I've noticed you've had a heavy few days."),
                N_("There's no rush to feel better."),
            ),
            (N_("What would make this week a bit lighter?"),),
        ),
        W(
            N_("Support, not a task"),
            N_(
                "A hard stretch isn't a problem to solve. Ask what would help, and whether "
                "talking to someone else might be good."
            ),
            (N_("I'm here, today and tomorrow."), N_("We can take it one day at a time.")),
            (N_("Is there someone you'd like to talk to, besides me?"),),
        ),
        W(
            N_("Check how you can help"),
            N_(
                "Ask {partner} how you can support them these days, and whether a friend, a "
                "doctor or a counsellor might help."
            ),
            (N_("I'm on your side, always."), N_("Nothing you feel would scare me off.")),
            (N_("How can I make this week easier for you?"),),
        ),
    ),
)

# ---- reflect: their own word, in whole sentences per tone family -----------------------
# The texts only name the feeling; anything that invites more is an `ask`.

# sad, lonely, tired, hurt, disappointed, numb
REFLECT_HEAVY = Card(
    "reflect.name_the_heavy_feeling",
    "reflect",
    (
        W(
            N_("Name what {partner} feels"),
            N_("Say their word back, {tone}, and let it be. No silver lining."),
            (N_("So today left you {tone}."), N_("Feeling {tone} is a lot to carry.")),
            (N_("Do you want to tell me about it?"),),
        ),
        W(
            N_("Say their word back"),
            N_("Use the word {partner} chose, {tone}, so they know it reached you."),
            (N_("You're feeling {tone}. I'm glad you told me."), N_("That sounds heavy.")),
            (N_("What's been the heaviest part?"),),
        ),
        W(
            N_("Let them hear their own word"),
            N_("Mirror their word, {tone}, softly, without adding anything to it."),
            (N_("It sounds like you're feeling {tone}."), N_("That makes sense to me.")),
            (N_("Is it okay if I just listen?"),),
        ),
        W(
            N_("Stay with the feeling"),
            N_("Name it, {tone}, and stay with it a moment."),
            (N_("Feeling {tone} today. I hear you."), N_("You don't have to explain it.")),
            (N_("Want to say more, or just be heard?"),),
        ),
        W(
            N_("Reflect, gently"),
            N_("Their word was {tone}. Say it back gently, exactly as they said it."),
            (N_("I'm sorry you're feeling {tone}."), N_("That's a real feeling, and it matters.")),
            (N_("What's it been like?"),),
        ),
        W(
            N_("Meet their word"),
            N_("Use {partner}'s own word, {tone}. Don't soften it or make it bigger."),
            (N_("You're {tone}, and I'm right here."), N_("Thank you for letting me see it.")),
            (N_("When did it start to feel like this?"),),
        ),
        W(
            N_("Hear it"),
            N_("One plain sentence with their word, {tone}, in it says: I see you."),
            (N_("I see how {tone} you are today."), N_("It's okay to feel this way.")),
            (N_("What's weighing on you most?"),),
        ),
        W(
            N_("No fixing, just naming"),
            N_(
                "Name their feeling, {tone}, and leave out any \u201cbut\u201d or \u201cat "
                "least\u201d."
            ),
            (
                N_("You're feeling {tone} today, and that's hard."),
                N_("I'm sorry today's been like this."),
            ),
            (N_("Do you want company in it?"),),
        ),
    ),
)

# angry, anxious, frustrated, stressed, overwhelmed
REFLECT_CHARGED = Card(
    "reflect.name_the_charged_feeling",
    "reflect",
    (
        W(
            N_("Name what {partner} feels"),
            N_(
                "Say their word back, {tone}, calmly. You can understand without agreeing with "
                "everything."
            ),
            (N_("It sounds like you're {tone} right now."), N_("That sounds like a lot.")),
            (N_("What's got you feeling this way?"),),
        ),
        W(
            N_("Say their word back"),
            N_("Use {partner}'s own word, {tone}, in a low, even voice."),
            (N_("So today left you {tone}."), N_("I can hear it.")),
            (N_("Do you want to get it all out?"),),
        ),
        W(
            N_("Let them know you get it"),
            N_("Mirror their word, {tone}. Feeling understood helps a charged feeling settle."),
            (N_("You're feeling {tone}, and that's okay to feel."), N_("I'm not going anywhere.")),
            (N_("What's the biggest part of it?"),),
        ),
        W(
            N_("Meet the feeling, not the heat"),
            N_("Name their feeling, {tone}, without matching its temperature."),
            (N_("You're {tone}. I'm listening."), N_("Your feelings make sense to me.")),
            (N_("What happened?"),),
        ),
        W(
            N_("Reflect it calmly"),
            N_("Their word was {tone}. Say it back steadily: no defending, no debating."),
            (N_("I hear how {tone} you are."), N_("That's a lot to hold at once.")),
            (N_("Is it one thing, or everything at once?"),),
        ),
        W(
            N_("Name it plainly"),
            N_("Name the feeling plainly, with {partner}'s own word: {tone}."),
            (N_("Today left you {tone}. I hear that."), N_("It's okay to feel this.")),
            (N_("Want to vent for a bit?"),),
        ),
        W(
            N_("Stay steady with their word"),
            N_("Say their word, {tone}, calmly, and let them see you're not rattled."),
            (N_("You're {tone}, and I'm right here with you."), N_("I've got you.")),
            (N_("What's on your mind most?"),),
        ),
        W(
            N_("Understand first"),
            N_("Reflect the feeling, {tone}, before any facts or fixes."),
            (N_("Feeling {tone} like this is exhausting."), N_("I'm on your side.")),
            (N_("What's the worst of it?"),),
        ),
    ),
)

# okay
REFLECT_NEUTRAL = Card(
    "reflect.name_the_feeling",
    "reflect",
    (
        W(
            N_("Reflect what {partner} feels"),
            N_(
                "{partner} said {tone}. Reflect it and leave room for more; it can mean many "
                "things."
            ),
            (N_("You're feeling {tone} today."), N_("That's good to know.")),
            (N_("Steady kind of day, or just getting by?"),),
        ),
        W(
            N_("Say their word back"),
            N_("Use their word, {tone}, just as they gave it."),
            (N_("So you're feeling {tone}."), N_("Thanks for checking in.")),
            (N_("How's the day been, really?"),),
        ),
        W(
            N_("Take it at face value"),
            N_("Mirror {partner}'s word, {tone}, without reading more into it than they did."),
            (N_("Feeling {tone} is a fine place to be."), N_("Glad you're doing alright.")),
            (N_("Anything on your mind?"),),
        ),
        W(
            N_("Notice the in-between"),
            N_("Feeling {tone} is its own kind of day. Name it plainly."),
            (N_("You're {tone} today. Noted, and I'm around."), N_("Steady days count.")),
            (N_("Anything you'd like to share?"),),
        ),
        W(
            N_("Keep it light and open"),
            N_("Say their word back, {tone}, and leave the door open without pushing."),
            (N_("Sounds like you're feeling {tone}."), N_("I'm here if you need anything.")),
            (N_("Want to tell me about your day?"),),
        ),
        W(
            N_("Meet them in the middle"),
            N_("{partner} isn't up or down today. Reflect it simply: {tone}."),
            (N_("Feeling {tone} today, hm."), N_("Middle-of-the-road days are allowed.")),
            (N_("What would make it a good day?"),),
        ),
        W(
            N_("Mirror it simply"),
            N_("One plain reflection with their word, {tone}, shows you noticed."),
            (N_("You said {tone}. I noticed."), N_("Thanks for letting me know.")),
            (N_("What's been happening?"),),
        ),
        W(
            N_("No guessing"),
            N_("Name it, {tone}, without guessing what it means."),
            (N_("So, {tone} today."), N_("I'm glad you shared it.")),
            (N_("What's been on your mind?"),),
        ),
    ),
)

# calm, content, relaxed, grateful
REFLECT_SOFT = Card(
    "reflect.savour_the_good_feeling",
    "reflect",
    (
        W(
            N_("Reflect what {partner} feels"),
            N_("Name their feeling, {tone}, and enjoy it with them."),
            (N_("You sound {tone}. That's lovely to hear."), N_("I like seeing you like this.")),
            (N_("What helped today?"),),
        ),
        W(
            N_("Savour it with them"),
            N_("Use {partner}'s word, {tone}, and stay in the good moment a little longer."),
            (N_("So you're feeling {tone}. I'm glad."), N_("That's a nice thing to hear.")),
            (N_("What made today feel good?"),),
        ),
        W(
            N_("Let them hear their own word"),
            N_("Mirror their word, {tone}, gently. Quiet good moments deserve noticing."),
            (N_("You're feeling {tone}. I love that for you."), N_("Moments like this matter.")),
            (N_("What's been good about today?"),),
        ),
        W(
            N_("Notice the good"),
            N_("Say their word back, {tone}, and let it stand without adding anything."),
            (N_("Feeling {tone} suits you."), N_("That makes me glad.")),
            (N_("Anything in particular behind it?"),),
        ),
        W(
            N_("Enjoy it with them"),
            N_("A quiet good feeling is worth naming. Reflect it: {tone}."),
            (N_("It sounds like you're feeling {tone} today."), N_("I'm happy for you.")),
            (N_("What's making today feel this way?"),),
        ),
        W(
            N_("Mirror the good feeling"),
            N_("Use {partner}'s word, {tone}, in an easy, warm voice."),
            (N_("You seem {tone} today."), N_("It's nice to see.")),
            (N_("Want to share what's behind it?"),),
        ),
        W(
            N_("Name the ease"),
            N_("Name what they feel, {tone}, and let their good feeling rub off on you."),
            (N_("You're {tone}, and that makes me smile."), N_("Good days deserve noticing.")),
            (N_("What would make it last?"),),
        ),
        W(
            N_("Let a good moment be"),
            N_("Reflect their word, {tone}, and don't rush on to anything else."),
            (N_("So you're {tone} today. That's lovely."), N_("No plans needed; just enjoy it.")),
            (N_("What's the best bit of today?"),),
        ),
    ),
)

# happy, excited, hopeful, playful, loved
REFLECT_BRIGHT = Card(
    "reflect.share_the_good_feeling",
    "reflect",
    (
        W(
            N_("Reflect what {partner} feels"),
            N_("Name their feeling, {tone}, with real warmth in your voice."),
            (
                N_("Feeling {tone} looks good on you. That makes me happy."),
                N_("I love hearing you like this."),
            ),
            (N_("What happened?"),),
        ),
        W(
            N_("Celebrate their word"),
            N_("Say {partner}'s own word, {tone}, back to them, and let them see you're glad."),
            (N_("You're feeling {tone}! I love that."), N_("This is great to hear.")),
            (N_("Tell me everything!"),),
        ),
        W(
            N_("Share the glow"),
            N_("Mirror their word, {tone}, and let them hear that you're glad."),
            (N_("You seem {tone} today."), N_("That's brilliant.")),
            (N_("What's behind it?"),),
        ),
        W(
            N_("Be glad with them"),
            N_("Use their word, {tone}, and match a little of their brightness."),
            (N_("It sounds like you're feeling {tone}!"), N_("Your good mood is catching.")),
            (N_("What's got you feeling this way?"),),
            uneasy=(N_("It sounds like you're feeling {tone}!"), N_("That's lovely to hear.")),
        ),
        W(
            N_("Let them hear it back"),
            N_("{partner} chose {tone}. Say it back warmly; good feelings grow when shared."),
            (N_("So you're {tone} today! Wonderful."), N_("I'm smiling just hearing this.")),
            (N_("What was the best moment?"),),
        ),
        W(
            N_("Join the feeling"),
            N_("Reflect their word, {tone}, and let yourself enjoy it with them."),
            (N_("Look at you, feeling {tone}."), N_("I'm so glad.")),
            (N_("How did this happen?"),),
        ),
        W(
            N_("Name the good"),
            N_("Good feelings deserve a mirror. Say their word back: {tone}."),
            (N_("You're {tone}, and I love to see it."), N_("This made my day.")),
            (N_("Can I hear the story?"),),
            uneasy=(N_("You're {tone}, and I love to see it."), N_("Really glad to hear it.")),
        ),
        W(
            N_("Light up with them"),
            N_("Say their word, {tone}, like you mean it. Your gladness is the gift."),
            (N_("Feeling {tone} looks good on you."), N_("Yes! I'm so happy for you.")),
            (N_("What made today so good?"),),
        ),
    ),
)

# ---- pace: how fast and how loud; the texts speak of tempo, never of approaching ----------

PACE_SLOW = Card(
    "pace.slow_down",
    "pace",
    (
        W(
            N_("Slow down and go softly"),
            N_("Keep your words few and soft; one question at most."),
            (N_("No rush."), N_("You don't have to explain anything.")),
            (N_("Want me to just be with you?"),),
        ),
        W(
            N_("Match their quiet"),
            N_("Their energy is low. One gentle sentence and a pause is plenty."),
            (N_("Take your time."), N_("I'm here, quietly.")),
            (N_("Is it okay if I stay with you?"),),
        ),
        W(
            N_("Go at their pace"),
            N_("{partner} has little to spare. Go slowly, and let quiet be comfortable."),
            (N_("Whenever you're ready."), N_("There's no hurry at all.")),
            (N_("Would quiet company help?"),),
        ),
        W(
            N_("Lower your volume"),
            N_("Short sentences, a soft voice, no big plans."),
            (N_("One thing at a time."), N_("Rest if you need to.")),
            (N_("Need anything small?"),),
        ),
        W(
            N_("Soft and slow"),
            N_("Less is more. Keep messages short and leave room to breathe."),
            (N_("I'm thinking of you."), N_("Nothing needed from you right now.")),
            (N_("Can I do anything small for you?"),),
        ),
        W(
            N_("Gentle pace"),
            N_("Keep it unhurried; a short answer, or none, is fine."),
            (N_("Short answers are fine."), N_("No need to answer.")),
            (N_("Have you eaten?"),),
        ),
        W(
            N_("Leave space in your words"),
            N_("Slow everything down: fewer words, longer pauses."),
            (N_("Easy does it."), N_("You can just rest.")),
            (N_("Do you need anything?"),),
        ),
        W(
            N_("Quiet is enough"),
            N_("Quiet company, in words or in silence, is enough."),
            (N_("No need to reply."), N_("I'm around, that's all.")),
            (N_("Shall I just keep you company?"),),
        ),
    ),
)

PACE_STEADY = Card(
    "pace.stay_steady",
    "pace",
    (
        W(
            N_("Stay steady and calm"),
            N_("It's a hard kind of energy. Keep your tone low and even; don't escalate."),
            (N_("I'm here. Take a breath."), N_("I'm with you, whatever this is.")),
            (N_("What do you need from me right now?"),),
        ),
        W(
            N_("Be the calm one"),
            N_(
                "{partner} is running hot. Breathe slowly and keep your words steady; your calm "
                "helps."
            ),
            (N_("I'm not going anywhere."), N_("Whatever you're feeling, it's okay.")),
            (N_("Want to get it off your chest?"),),
        ),
        W(
            N_("Lower the temperature"),
            N_(
                "The energy is high and the feeling is hard. Answer a little slower and softer "
                "than usual."
            ),
            (N_("I'm with you."), N_("Take your time.")),
            (N_("What's going on?"),),
        ),
        W(
            N_("Don't match the heat"),
            N_("Keep your words short and even, and don't take any sharpness personally."),
            (N_("I hear you."), N_("I'm on your side here.")),
            (N_("What would help right now?"),),
        ),
        W(
            N_("Be a steady presence"),
            N_(
                "When {partner} is this charged, steadiness helps more than speed. Slow your own "
                "breathing first."
            ),
            (N_("Breathe. I'm here."), N_("Nothing you feel scares me.")),
            (N_("What happened?"),),
        ),
        W(
            N_("Keep your voice even"),
            N_("A calm, low voice and short sentences help most. No debating."),
            (N_("I'm listening, not judging."), N_("You're allowed to feel this strongly.")),
            (N_("Is there more?"),),
        ),
        W(
            N_("Steady hands"),
            N_(
                "High, hard energy needs a steady partner. Don't hurry them, don't argue, don't "
                "go quiet on them."
            ),
            (N_("I'm staying."), N_("I've got time for you.")),
            (N_("What's the worst part?"),),
        ),
        W(
            N_("Calm, not cold"),
            N_("Stay warm and even. Calm isn't cold: let them feel you care."),
            (N_("I care about this, and about you."), N_("I can handle big feelings.")),
            (N_("What's weighing on you most?"),),
        ),
    ),
)

PACE_JOIN = Card(
    "pace.join_the_joy",
    "pace",
    (
        W(
            N_("Join the joy"),
            N_("{partner} is feeling good. Meet it warmly: let them hear that you're glad."),
            (N_("That's amazing!"), N_("I love this for you.")),
            (N_("Tell me more!"),),
        ),
        W(
            N_("Bring your energy up"),
            N_("{partner} is buzzing. Let your words show you're glad; exclamation marks welcome."),
            (N_("This is so good!"), N_("Yes, yes, yes!")),
            (N_("How did it go?"),),
            uneasy=(N_("Good for you!"), N_("I'm really glad for you.")),
        ),
        W(
            N_("Be glad out loud"),
            N_(
                "{partner} has energy to share. Meet it with what gladness you have; it doesn't "
                "need to be a lot."
            ),
            (N_("I'm so glad!"), N_("Best thing I've heard all day.")),
            (N_("What was the best part?"),),
        ),
        W(
            N_("Ride the wave with them"),
            N_("Don't dampen it; let your own delight show, however much you have."),
            (N_("You're on fire today."), N_("Love this energy.")),
            (N_("What's next?"),),
        ),
        W(
            N_("Match their spark"),
            N_("{partner}'s spark is catching. Answer warmly and soon."),
            (N_("Ha, I love it."), N_("Your mood is contagious.")),
            (N_("Can I join in?"),),
            uneasy=(N_("You sound so bright today."), N_("I'm happy for you, truly.")),
        ),
        W(
            N_("Say yes to the mood"),
            N_("Follow their energy rather than calming it down."),
            (N_("Let's enjoy this."), N_("You deserve a day like this.")),
            (N_("Want to celebrate?"),),
            uneasy=(N_("Enjoy every minute."), N_("You deserve a day like this.")),
        ),
        W(
            N_("Be part of it"),
            N_("{partner} is glowing. Share the moment; a glad word is the right answer."),
            (N_("I'm all in."), N_("What a day for you.")),
            (N_("Shall we do something fun with this energy?"),),
            uneasy=(N_("Make the most of it."), N_("What a day for you.")),
        ),
        W(
            N_("Lift with them"),
            N_("Good energy wants company. Be playful, be warm, be glad."),
            (N_("Count me in."), N_("I love seeing you like this.")),
            (N_("What should we do with this mood?"),),
            uneasy=(N_("Look at you go."), N_("I love seeing you like this.")),
        ),
    ),
)

PACE_GENTLE = Card(
    "pace.keep_it_gentle",
    "pace",
    (
        W(
            N_("Keep it easy"),
            N_("{partner} feels good in a quiet way. Match that ease; no big plans."),
            (N_("Mm, lovely."), N_("No rush for anything.")),
            (N_("Fancy a quiet one?"),),
            uneasy=(N_("Glad today's gentle for you."), N_("No rush for anything.")),
        ),
        W(
            N_("Match their ease"),
            N_("{partner} is settled. Stay soft; a quiet good moment needs nothing added."),
            (N_("I like this pace."), N_("Nothing to do, nowhere to be.")),
            (N_("Shall we keep it slow today?"),),
            uneasy=(N_("Sounds like a nice slow day."), N_("No need to speed up.")),
        ),
        W(
            N_("Go slow and enjoy it"),
            N_("Low energy, good feeling. Savour it gently, without pushing."),
            (N_("This feels good."), N_("Let's keep it easy.")),
            (N_("Anything you feel like doing, or nothing at all?"),),
            uneasy=(N_("Good to hear you're at ease."), N_("Let's keep it easy.")),
        ),
        W(
            N_("Gentle and warm"),
            N_("Warm, short, relaxed words fit best."),
            (N_("Sending you something soft."), N_("Enjoy it.")),
            (N_("Any cosy plans?"),),
        ),
        W(
            N_("Don't add energy"),
            N_("Quiet moods are easily drowned out. Keep your pace slow and your voice soft."),
            (N_("I'm enjoying this with you."), N_("Slow is good.")),
            (N_("Want a slow one today?"),),
            uneasy=(N_("Soak it up."), N_("Slow is good.")),
        ),
        W(
            N_("Soft company"),
            N_("{partner} would like ease, not intensity. Be easy company."),
            (N_("Easy company, at your service."), N_("Just being here is nice.")),
            (N_("Something small and nice later?"),),
            uneasy=(N_("I'll keep things quiet on my side."), N_("Glad you've found some peace.")),
        ),
        W(
            N_("Let the quiet be good"),
            N_("A good feeling at a low hum. Keep your words light and slow."),
            (N_("This is a good kind of quiet."), N_("No need to do anything.")),
            (N_("Shall we keep things quiet?"),),
            uneasy=(N_("Enjoy the calm."), N_("No need to do anything.")),
        ),
        W(
            N_("Unhurried"),
            N_("{partner} is at ease. Stay unhurried; gentle is the right speed."),
            (N_("Take it slow."), N_("Enjoy the quiet.")),
            (N_("How's the rest of your day looking?"),),
        ),
    ),
)

PACE_EASY = Card(
    "pace.follow_their_lead",
    "pace",
    (
        W(
            N_("Meet them where they are"),
            N_("Keep your pace close to theirs and follow their lead."),
            (N_("I'm around."), N_("Happy to just hang out.")),
            (N_("How's your day been?"),),
        ),
        W(
            N_("Follow their lead"),
            N_("{partner} is neither up nor down. Be easy and open; let them set the tempo."),
            (N_("I'm here if you want company."), N_("No agenda from me.")),
            (N_("What's on your mind?"),),
        ),
        W(
            N_("Keep a relaxed pace"),
            N_("Match it: no rush, no push, just interest."),
            (N_("Just saying hi."), N_("Thinking of you.")),
            (N_("Anything you'd like to do later?"),),
        ),
        W(
            N_("Easy does it"),
            N_("Friendly and relaxed fits best."),
            (N_("Hope your day's going alright."), N_("I'm around later.")),
            (N_("Anything interesting today?"),),
        ),
        W(
            N_("Stay even"),
            N_("{partner} is steady. Keep your own energy near theirs."),
            (N_("Here if you need me."), N_("Nothing urgent from me.")),
            (N_("How are you doing, really?"),),
        ),
        W(
            N_("Match their tempo"),
            N_("Answer at their speed, not yours."),
            (N_("Checking in, that's all."), N_("I'm easy either way.")),
            (N_("Want to do something later, or keep it quiet?"),),
        ),
        W(
            N_("Leave the door open"),
            N_("Stay friendly and open without pushing for more."),
            (N_("I'm here, no pressure."), N_("Just wanted you to know I'm thinking of you.")),
            (N_("Anything I can do for you today?"),),
        ),
        W(
            N_("Go with their flow"),
            N_("{partner} sets the pace. Keep yours light and follow."),
            (N_("Sounds like a steady day."), N_("I'm around, any time.")),
            (N_("What would make today better?"),),
        ),
    ),
)

# Where they are, said first when no lead names the distance between you.
PACE_WHERE = N_("Energy: {energy} out of 10.")

# ---- pace leads: the distance between you, said before the pace text ------------------
# An energy gap of 4 or more, with no clash of feelings.

GAP_YOU_HIGHER = (
    N_("You're at {my_energy}, {partner} is at {energy}: slow down first."),
    N_("You're at {my_energy} and {partner} at {energy}. Bring your pace down first."),
    N_("A gap of {gap}: you're at {my_energy}, {partner} at {energy}. Ease down."),
    N_("You have more energy ({my_energy}) than {partner} ({energy}). Lower yours first."),
    N_("You're at {my_energy}; {partner} is at {energy}. Meet them lower down."),
    N_("{partner} is at {energy}, you're at {my_energy}. Slow your own pace first."),
    N_("You're at {my_energy}, {gap} above {partner}'s {energy}. Turn it down a notch."),
    N_("Your {my_energy} meets {partner}'s {energy}. Soften your pace before you answer."),
)

GAP_YOU_LOWER = (
    N_("You're at {my_energy}, {partner} at {energy}: no need to match it all."),
    N_("You're at {my_energy}, {partner} at {energy}. Meet them part of the way."),
    N_("Gap of {gap}: {partner} at {energy}, you at {my_energy}. Be honest about yours."),
    N_("{partner} is at {energy}, you're at {my_energy}. Give what attention you have."),
    N_("You're lower ({my_energy}) than {partner} ({energy}). Say so kindly, and stay interested."),
    N_("{partner} has more energy ({energy}) than you ({my_energy}). Let them lead."),
    N_("You're at {my_energy}, {gap} below {partner}'s {energy}. Match a little of it."),
    N_("Your {my_energy} meets {partner}'s {energy}. You don't have to match it."),
)

# Opposite feelings (one pleasant, one unpleasant), energies close.
CLASH_YOU_UP = (
    N_("You feel {my_tone}, {partner} feels {tone}: keep your mood quiet for now."),
    N_("You're {my_tone} and {partner} is {tone}. Lead with their feeling, not yours."),
    N_("{partner} is {tone} while you're {my_tone}. Let your brightness wait."),
    N_("Opposite moods: you're {my_tone}, {partner} is {tone}. Meet them first."),
    N_("You're {my_tone}; {partner} is {tone}. Tone yourself down before answering."),
    N_("You feel {my_tone}, {partner} feels {tone}. Start where they are."),
    N_("{partner} is {tone}; you're {my_tone}. Don't lead with your high."),
    N_("You're {my_tone}, {partner} is {tone}. Your good mood can wait its turn."),
)

CLASH_YOU_DOWN = (
    N_("You feel {my_tone}, {partner} feels {tone}. Let them have their good moment."),
    N_("You're {my_tone}, {partner} is {tone}. Both feelings can be true."),
    N_("Opposite moods: you're {my_tone}, {partner} is {tone}. Don't dim theirs."),
    N_("{partner} is {tone}; you're {my_tone}. Be glad with them if you can."),
    N_("You feel {my_tone}; {partner} feels {tone}. Name yours without dampening theirs."),
    N_("You're {my_tone}, {partner} is {tone}. Meet their mood where you can."),
    N_("{partner} feels {tone}, you feel {my_tone}. Let their good day stay good."),
    N_("You're {my_tone}; {partner} is {tone}. Their good mood can stay theirs."),
)

# Both: an energy gap of 4 or more and opposite feelings.
GAP_AND_CLASH_YOU_UP = (
    N_(
        "You're at {my_energy} and {my_tone}; {partner} is at {energy} and {tone}. Quiet your "
        "mood first."
    ),
    N_(
        "{partner} feels {tone} at {energy}; you feel {my_tone} at {my_energy}. Start from where "
        "they are."
    ),
    N_(
        "You're {my_tone} at {my_energy}, {partner} is {tone} at {energy}. Lower your volume first."
    ),
    N_("You're {my_tone} at {my_energy}; {partner} feels {tone} at {energy}. Let your mood wait."),
    N_(
        "You're {my_tone}, at {my_energy}; {partner} is {tone}, at {energy}. Lead with their "
        "feeling."
    ),
    N_(
        "{partner} is {tone} at {energy}; you're {my_tone} at {my_energy}. Keep your brightness "
        "low."
    ),
    N_(
        "A gap of {gap}: you're {my_tone} at {my_energy}; {partner}, {tone} at {energy}. Go gently."
    ),
    N_(
        "You're at {my_energy} and {my_tone}, {partner} at {energy} and {tone}. Keep your mood "
        "low-key."
    ),
)

GAP_AND_CLASH_YOU_DOWN = (
    N_(
        "You're at {my_energy} and {my_tone}; {partner} is at {energy} and {tone}. Let their mood "
        "be."
    ),
    N_("{partner} feels {tone} at {energy}; you feel {my_tone} at {my_energy}. Both can be true."),
    N_("You're {my_tone} at {my_energy}, {partner} is {tone} at {energy}. Don't dim their mood."),
    N_("You're {my_tone} at {my_energy}; {partner} feels {tone} at {energy}. Be honest, and kind."),
    N_(
        "You're {my_tone}, at {my_energy}; {partner} is {tone}, at {energy}. Meet them where you "
        "can."
    ),
    N_(
        "{partner} is {tone} at {energy}; you're {my_tone} at {my_energy}. Their mood can stay "
        "theirs."
    ),
    N_(
        "A gap of {gap}: you're {my_tone} at {my_energy}; {partner}, {tone} at {energy}. Let them "
        "keep their good feeling."
    ),
    N_(
        "You're at {my_energy} and {my_tone}, {partner} at {energy} and {tone}. Don't dampen "
        "theirs."
    ),
)

# ---- leads folded into the first prompt about the partner -------------------------------

NOTE_LEADS = (
    N_("Read {partner}'s note first, and answer something in it."),
    N_("{partner} wrote a note: read it first, answer one thing in it."),
    N_("Start with their note. Let your answer pick up something they wrote."),
    N_("Read the note first; answer a line of it, in their words."),
    N_("Their note comes first. Read it, then answer one thing they said."),
    N_("Before anything else, read {partner}'s note and respond to something in it."),
    N_("The note says most. Read it first; answer part of it."),
    N_("Open the note first; let your reply touch one thing in it."),
)

LATE_LEADS = (
    N_("It's late for {partner}. One short message tonight; the rest can wait until morning."),
    N_("It's late where {partner} is: one short message now, more in the morning."),
    N_("Late night for {partner}. A few kind words now; anything longer can wait."),
    N_("It's late for them. One short, gentle message; save the rest for tomorrow."),
    N_("At this late hour, one short message beats a long exchange; the rest can wait."),
    N_("{partner}'s night has started; it's late. A line or two now, more tomorrow."),
    N_("It's late for {partner}; save anything longer for the morning."),
    N_("Late hour for them: one short, soft message is plenty for tonight."),
)

NOTE_AND_LATE_LEADS = (
    N_("It's late for {partner}: read their note first, then answer one thing in it, briefly."),
    N_("Late for {partner}. Read the note first; a short reply to one line is enough."),
    N_("It's late for them. Read their note, and answer one thing in a short message."),
    N_("Read {partner}'s note first. It's late for them: answer one thing, in a line."),
    N_("It's late where {partner} is: start with their note, answer one thing, keep it short."),
    N_("Their note first, then one short message answering something in it; it's late for them."),
    N_("Late night for {partner}: read the note, then reply briefly to one thing they wrote."),
    N_("At this late hour: read {partner}'s note first, then answer one thing, briefly."),
)

# ---- presence (full only): be there before anything else ---------------------------------

PRESENCE = Card(
    "presence.be_there",
    "presence",
    (
        W(
            N_("Be with {partner} first"),
            N_(
                "Before any advice or news, let {partner} feel you've arrived: a message that's "
                "only for them, with your full attention."
            ),
            (N_("I saw your check-in. I'm here."), N_("I've got time for you.")),
            (N_("How are you, really?"),),
        ),
        W(
            N_("Give {partner} your attention"),
            N_(
                "Find a moment when you can be fully there, by message or by voice: no "
                "multitasking, no half-reading."
            ),
            (N_("You have my full attention."), N_("I'm all yours for a bit.")),
            (N_("What's it been like today?"),),
        ),
        W(
            N_("Show up before you speak"),
            N_(
                "Let the first thing {partner} notices be that you're really there, not what you "
                "think."
            ),
            (N_("I'm here with you."), N_("Nothing else needs me right now.")),
            (N_("How's your heart today?"),),
        ),
        W(
            N_("Turn toward them"),
            N_(
                "Answering is turning toward. Even a few words now tell {partner} their check-in "
                "reached you."
            ),
            (N_("Got your check-in. Thinking of you."), N_("You're on my mind.")),
            (N_("Do you want company?"),),
        ),
        W(
            N_("Be fully there"),
            N_(
                "Put everything else aside for a few minutes. Presence says more than the perfect "
                "sentence."
            ),
            (N_("Everything else can wait."), N_("I'm right here.")),
            (N_("What would feel good right now?"),),
        ),
        W(
            N_("Arrive, then listen"),
            N_(
                "Start by letting {partner} know you're there. Words can follow once they feel "
                "you near."
            ),
            (N_("Hey you. I'm here."), N_("I'm with you, whatever today was.")),
            (N_("Where are you at right now?"),),
        ),
        W(
            N_("Make time for them"),
            N_(
                "Give {partner} a few unhurried minutes, even if that means answering a little "
                "later."
            ),
            (N_("I've cleared some time for you."), N_("No rush on my side.")),
            (N_("Is now a good moment?"),),
        ),
        W(
            N_("Attention is the gift"),
            N_(
                "Take in their check-in slowly, once through. Then answer as someone who has time "
                "for them."
            ),
            (N_("I took it in slowly. I'm with you."), N_("I'm glad you shared this.")),
            (N_("What do you need most?"),),
        ),
    ),
    (
        W(
            N_("Phone down, eyes up"),
            N_(
                "Before any words: put your phone down, turn toward {partner}, and give them your "
                "full attention for a few minutes."
            ),
            (N_("I'm here. I've got time for you."), N_("The rest can wait.")),
            (N_("How are you doing, honestly?"),),
        ),
        W(
            N_("Sit close first"),
            N_(
                "Sit close, look at {partner}, and let the first thing they notice be that you're "
                "really there."
            ),
            (N_("I'm right here with you."), N_("I've put everything down.")),
            (N_("How was it, really?"),),
        ),
        W(
            N_("Give {partner} your full attention"),
            N_("No screen, no chores, no half-listening. Sit down with {partner} and be there."),
            (N_("You have all of me right now."), N_("Nothing else is happening.")),
            (N_("What's been going on?"),),
        ),
        W(
            N_("Turn your whole self toward them"),
            N_(
                "Turn your body toward {partner}, look them in the eye, and let them see you've "
                "stopped for them."
            ),
            (N_("I've stopped everything. I'm here."), N_("I'm listening.")),
            (N_("Want to sit together?"),),
        ),
        W(
            N_("No phone between you"),
            N_(
                "Put your phone face down in another room. Presence says more than the perfect "
                "sentence."
            ),
            (N_("No phone, just us."), N_("I'm here for as long as you like.")),
            (N_("What would feel nice right now?"),),
        ),
        W(
            N_("Walk over first"),
            N_(
                "Walk over, sit down next to {partner}, and let a quiet moment pass before you "
                "speak."
            ),
            (N_("Hey you."), N_("I'm here.")),
            (N_("Can I join you?"),),
        ),
        W(
            N_("Ten minutes, face to face"),
            N_("Stop what you're doing and give {partner} ten unhurried minutes, face to face."),
            (N_("I've got ten minutes just for you."), N_("No rush.")),
            (N_("Is this a good moment?"),),
        ),
        W(
            N_("Screens off"),
            N_("Close the laptop, turn off the TV, and be with {partner} in the room."),
            (N_("The TV can wait."), N_("I'm all yours.")),
            (N_("What do you need most from me?"),),
        ),
    ),
)

# ---- resist_fixing (full only; never when they asked for practical help) ----------------

RESIST_FIXING = Card(
    "resist_fixing.understand_first",
    "resist_fixing",
    (
        W(
            N_("Understand before you advise"),
            N_(
                "You might feel the urge to solve this. Hold it for now; {partner} wants "
                "understanding before any plan."
            ),
            (N_("That makes sense."), N_("I'm on your side.")),
            (N_("What was the hardest part?"),),
        ),
        W(
            N_("Hold back the fix"),
            N_(
                "Solutions can wait. If {partner} wants ideas, they'll ask, or you can offer later."
            ),
            (N_("I get it."), N_("You don't have to figure it out right now.")),
            (N_("Do you want to say more?"),),
        ),
        W(
            N_("Beside, not in front"),
            N_(
                "Stay beside {partner} rather than in front of them with a plan. Being understood "
                "often helps most."
            ),
            (N_("I'm with you in this."), N_("I'm listening, not fixing.")),
            (N_("What's it like for you?"),),
        ),
        W(
            N_("No plan needed yet"),
            N_("The urge to fix is love, but it can feel like not being heard. Let advice wait."),
            (N_("I'm not going to try to fix it."), N_("You're allowed to feel however you feel.")),
            (N_("What's on your mind about it?"),),
        ),
        W(
            N_("Understanding first"),
            N_("Understanding before advice. Let {partner} lead; offer ideas only if they ask."),
            (N_("I hear you."), N_("No advice, just me.")),
            (N_("How has it been for you?"),),
        ),
        W(
            N_("Let it be for now"),
            N_(
                "Resist making it better right away. Your steadiness helps more than a quick "
                "solution."
            ),
            (N_("I've got you."), N_("We don't have to solve anything.")),
            (N_("Is there more?"),),
        ),
        W(
            N_("Keep the advice in your pocket"),
            N_(
                "Even good advice lands badly if it's early. Keep it for later, if {partner} "
                "wants it."
            ),
            (N_("I'm just here."), N_("That matters.")),
            (N_("What do you need from me?"),),
        ),
        W(
            N_("Stay with them"),
            N_(
                "Stay with how {partner} feels instead of what to do about it. That's what helps "
                "most."
            ),
            (N_("I'm staying right here."), N_("Your feelings make sense.")),
            (N_("How are you holding up?"),),
        ),
    ),
)

# For a good feeling the urge is a different one: to add a caveat, a plan or a "but".
RESIST_FIXING_GOOD = Card(
    "resist_fixing.let_it_be_good",
    "resist_fixing",
    (
        W(
            N_("Let good be good"),
            N_(
                "No \u201cbut\u201d, no next steps, no advice for now. Let {partner} enjoy it, "
                "and enjoy it with them."
            ),
            (N_("That's wonderful."), N_("I'm really glad.")),
            (N_("How does it feel?"),),
        ),
        W(
            N_("Stay with their good feeling"),
            N_(
                "Resist turning it into a plan or a lesson. Being glad with {partner} is the "
                "whole job right now."
            ),
            (N_("I'm so happy for you."), N_("Good for you.")),
            (N_("What's the best part?"),),
        ),
        W(
            N_("Don't add anything to it"),
            N_(
                "Hold back the \u201cmake sure you also\u2026\u201d. {partner} wants you to share "
                "the moment, not manage it."
            ),
            (N_("Love that."), N_("Just enjoy it.")),
            (N_("What was it like?"),),
        ),
        W(
            N_("No caveats"),
            N_("Skip the worries and the what-ifs. A good feeling deserves a clean welcome."),
            (N_("That's great."), N_("You deserve a good day.")),
            (N_("Want to savour it a bit more?"),),
        ),
        W(
            N_("Leave it whole"),
            N_("Resist improving on {partner}'s good moment. Let it be exactly what it is."),
            (N_("This is lovely."), N_("Nothing to add. Just glad.")),
            (N_("How are you going to enjoy it?"),),
            uneasy=(N_("That's good news."), N_("Nothing to add. Just glad.")),
        ),
        W(
            N_("Welcome it, don't plan it"),
            N_("Plans and next steps can wait until tomorrow. Today, just be glad with them."),
            (N_("I'm glad for you."), N_("Today's a good one.")),
            (N_("What made it good?"),),
        ),
        W(
            N_("Keep it light"),
            N_(
                "Good feelings can be fragile. Protect this one from advice, worries and your own "
                "to-do list."
            ),
            (N_("Enjoy every bit of it."), N_("This made me smile.")),
            (N_("Anything you want to do with it?"),),
        ),
        W(
            N_("Just be glad"),
            N_("No lessons, no warnings. Simple gladness is the most attuned answer here."),
            (N_("So good to hear."), N_("I'm smiling for you.")),
            (N_("How did you get here?"),),
        ),
    ),
)

# ---- reach_out: no recent shared check-in (never says why) -----------------------------

REACH_OUT = Card(
    "reach_out.ask_how_they_are",
    "reach_out",
    (
        W(
            N_("Ask {partner} how they are"),
            N_(
                "{partner} hasn't shared a check-in lately. Ask how they're feeling, with real "
                "curiosity, and listen to the answer."
            ),
            (N_("I've been thinking about you."), N_("No need for a long answer.")),
            (N_("How are you feeling today, really?"),),
        ),
        W(
            N_("Check in on {partner}"),
            N_("A simple, curious question can open the door. Ask because you want to know."),
            (N_("Thinking of you today."), N_("Just wanted to check in.")),
            (N_("How's your heart today?"),),
        ),
        W(
            N_("Be curious about {partner}"),
            N_(
                "Ask how {partner} is because you care, not because you should. Then really listen."
            ),
            (N_("You've been on my mind."), N_("Whatever the answer, I'd like to hear it.")),
            (N_("How are you, honestly?"),),
        ),
        W(
            N_("Reach out gently"),
            N_("No pressure and no guilt: just a warm question and real interest in the answer."),
            (N_("Hope your day is kind to you."), N_("I'm around if you want to share.")),
            (N_("What's your day been like?"),),
        ),
        W(
            N_("Wonder about their day"),
            N_(
                "Ask about something specific in {partner}'s day. A specific question shows you "
                "were paying attention."
            ),
            (N_("I was wondering about your day."), N_("Here whenever you feel like it.")),
            (N_("How did today go?"),),
        ),
        W(
            N_("Open a door"),
            N_("Send a short, curious message. Let {partner} answer in their own time."),
            (N_("No rush to reply."), N_("Sending you a bit of warmth.")),
            (N_("How's your energy today?"),),
        ),
        W(
            N_("Ask and listen"),
            N_("Ask how {partner} is feeling, then listen to the whole answer before saying much."),
            (N_("I'd love to know how you are."), N_("I'm listening, whenever.")),
            (N_("What's been on your mind lately?"),),
        ),
        W(
            N_("Show interest"),
            N_("Let {partner} know you're interested in their inner world, not just the plans."),
            (N_("I care how you're doing."), N_("Share whenever you like.")),
            (N_("What's the best and hardest part of your week?"),),
        ),
    ),
)

# ---- reasons: which inputs led to a prompt, in words ------------------------------------

REASON_OWN = N_("You checked in feeling {my_tone}, at {my_energy} out of 10.")
REASON_CLASH = N_(
    "You're feeling {my_tone} at {my_energy} out of 10 and {partner} {tone} at {energy}: strong "
    "feelings, pulling opposite ways."
)
REASON_NEED: dict[Need, str] = {
    Need.TO_BE_HEARD: N_("{partner} asked to be heard."),
    Need.COMFORT: N_("{partner} asked for comfort."),
    Need.SPACE: N_("{partner} asked for some space."),
    Need.CLOSENESS: N_("{partner} asked for closeness."),
    Need.PRACTICAL_HELP: N_("{partner} asked for practical help."),
    Need.CELEBRATION: N_("{partner} wants to celebrate."),
    Need.DISTRACTION: N_("{partner} asked for something to take their mind off it."),
    Need.ENCOURAGEMENT: N_("{partner} asked to hear that they can do it."),
}
REASON_SUPPORT = N_(
    "{partner}'s last three check-ins, on three different days, were all heavy and low in energy."
)
REASON_REFLECT = N_("{partner} chose the word \u201c{tone}\u201d.")
REASON_PACE = N_("{partner} is at {energy} out of 10, feeling {tone}.")
REASON_GAP = N_("You're at {my_energy}: a gap of {gap}.")
REASON_PACE_CLASH = N_("You're feeling {my_tone}: one of you feels good, the other doesn't.")
REASON_PRESENCE = N_("{partner} shared how they're feeling.")
REASON_RESIST = N_("{partner} didn't ask for advice.")
REASON_REACH_OUT = N_("{partner} hasn't shared a check-in in the last day.")
REASON_NOTE = N_("{partner} added a note.")
REASON_LATE = N_("It's late at night where {partner} is.")

# ---- avoid: what misses the mark --------------------------------------------------------

AVOID: dict[str, str] = {
    "avoid.chasing": N_("Chasing {partner} for a reply, or asking why they need space."),
    "avoid.digging": N_("Digging into the feeling: asking what was hardest or what went wrong."),
    "avoid.empty_promises": N_("Promises nobody can keep, like \u201cit'll all work out\u201d."),
    "avoid.advice_without_asking": N_(
        "Launching into a plan before you know what help {partner} wants."
    ),
    "avoid.jokes": N_("Jokes or cheering up while {partner} feels {tone}."),
    "avoid.escalating": N_("Matching the heat: a sharp tone, hurried replies, a raised voice."),
    "avoid.high_energy": N_(
        "More energy than {partner} has right now: they're at {energy} out of 10."
    ),
    "avoid.dampening": N_("Dampening it with worries, or topping their story with yours."),
    "avoid.reply_before_settling": N_("Replying before you've settled yourself."),
    "avoid.long_talk": N_("Starting a long conversation this late."),
    "avoid.fixing": N_("Advice or a fix {partner} didn't ask for."),
    "avoid.minimising": N_(
        "Minimising: \u201cit's not that bad\u201d, \u201cat least\u2026\u201d."
    ),
    "avoid.about_you": N_("Turning it toward yourself and your own day."),
}
