"""Every word the prompt engine says, kept apart from the rules that choose them.

Texts are warm and plain, in the second person, with no clinical words and no guilt
(see ATTUNEMENT.md). Each entry has at least three variants so the same situation is not
met with the same sentence every day; the rules pick one deterministically.

Placeholders: {partner} (their name), {tone} (their own feeling word, never softened or
upgraded), {energy} (their energy), {my_energy} (yours), {gap}.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    title: str
    text: str
    phrases: tuple[str, ...] = ()


# ---- presence: always first when the partner checked in -------------------------------

PRESENCE = (
    Variant(
        "Be with {partner} first",
        "Before any words: put your phone down, turn toward {partner} and give them your "
        "full attention for a few minutes.",
        ("I'm here. I've got time for you.", "Tell me about it. I'm listening."),
    ),
    Variant(
        "Give {partner} your full attention",
        "Find a moment when you can be fully there: no screen, no multitasking. Being "
        "present says more than the perfect sentence.",
        ("I saw your check-in. I'm all yours for a bit.", "Come sit with me?"),
    ),
    Variant(
        "Show up before you speak",
        "Let {partner} feel you arrive: sit close, look at them, and let the first thing "
        "they notice be that you are really there.",
        ("I'm here with you.", "I've put everything down. How are you, really?"),
    ),
)

# ---- reflect: mirror their own feeling word back --------------------------------------
# Grouped by how the feeling sits: heavy and quiet, charged, neutral, soft, bright.

REFLECT_HEAVY = (
    Variant(
        "Reflect what {partner} feels",
        "Name the feeling with their word, {tone}, and let it be. No silver lining.",
        (
            "It sounds like you're feeling really {tone} right now.",
            "Feeling {tone} is a lot to carry. I'm glad you told me.",
        ),
    ),
    Variant(
        "Say their feeling back to them",
        "Use the word {partner} chose, {tone}, so they know it landed.",
        (
            "So today left you feeling {tone}.",
            "You're feeling {tone}, and that makes sense to me.",
        ),
    ),
    Variant(
        "Let them hear their own word",
        "Mirror {partner}'s word, {tone}, softly and without adding anything to it.",
        (
            "That sounds hard. You're feeling {tone}.",
            "It sounds like you're feeling {tone}, and I'm right here.",
        ),
    ),
)

REFLECT_CHARGED = (
    Variant(
        "Reflect what {partner} feels",
        "Name the feeling with their word, {tone}, calmly. You don't have to agree with "
        "everything to show you understand how it feels.",
        (
            "It sounds like you're feeling really {tone} right now.",
            "That sounds like a lot. No wonder you're feeling {tone}.",
        ),
    ),
    Variant(
        "Say their feeling back to them",
        "Use {partner}'s own word, {tone}, in a low and even voice.",
        (
            "So today left you {tone}.",
            "You're feeling {tone}. That makes sense with everything going on.",
        ),
    ),
    Variant(
        "Let them know you get it",
        "Mirror their word, {tone}, before anything else. Feeling understood is what "
        "lets a charged feeling settle.",
        (
            "I can hear how {tone} you are.",
            "It sounds like you're feeling {tone}, and that's okay to feel.",
        ),
    ),
)

REFLECT_NEUTRAL = (
    Variant(
        "Reflect what {partner} feels",
        "{partner} said {tone}. Reflect it and leave the door open; okay can mean many things.",
        (
            "It sounds like you're feeling {tone} today.",
            "So you're feeling {tone}. Okay like steady, or okay like getting by?",
        ),
    ),
    Variant(
        "Say their word back to them",
        "Use their word, {tone}, and be curious about what sits behind it.",
        (
            "You're feeling {tone}. How is {tone} today?",
            "Feeling {tone}, hm? I'd love to hear a bit more.",
        ),
    ),
    Variant(
        "Check in on their {tone}",
        "Mirror {partner}'s word, {tone}, without reading more into it than they did.",
        (
            "Sounds like a {tone} kind of day.",
            "You're feeling {tone}. Anything on your mind?",
        ),
    ),
)

REFLECT_SOFT = (
    Variant(
        "Reflect what {partner} feels",
        "Name their feeling, {tone}, and enjoy it with them.",
        (
            "It sounds like you're feeling really {tone} right now.",
            "You sound {tone}. That's lovely to hear.",
        ),
    ),
    Variant(
        "Savour it with them",
        "Use {partner}'s word, {tone}, and stay in the good moment a little longer.",
        (
            "Feeling {tone} suits you. What helped today?",
            "So you're feeling {tone}. I'm glad.",
        ),
    ),
    Variant(
        "Let them hear their own word",
        "Mirror their word, {tone}, gently. Quiet good moments deserve noticing too.",
        (
            "You're feeling {tone}. I love seeing you like this.",
            "It sounds like you're feeling {tone}. Tell me about it?",
        ),
    ),
)

REFLECT_BRIGHT = (
    Variant(
        "Reflect what {partner} feels",
        "Name their feeling, {tone}, with real warmth in your voice.",
        (
            "It sounds like you're feeling really {tone} right now!",
            "You sound so {tone}. That makes me happy.",
        ),
    ),
    Variant(
        "Celebrate their word",
        "Say {partner}'s own word, {tone}, back to them, and let them see you're glad.",
        (
            "You're feeling {tone}! Tell me everything.",
            "Feeling {tone}? I love that for you.",
        ),
    ),
    Variant(
        "Let them hear it from you",
        "Mirror their word, {tone}, and be curious about the story behind it.",
        (
            "You seem really {tone} today. What happened?",
            "It sounds like you're feeling {tone}, and I want to hear all about it.",
        ),
    ),
)

# ---- pace: meet their energy before anything else -------------------------------------

PACE_SLOW = (
    Variant(
        "Slow down and speak softly",
        "{partner} is at {energy} out of 10. Lower your voice, slow your words, leave "
        "pauses, and ask fewer questions. Quiet company is enough.",
        ("No rush. We can just sit for a while.", "You don't have to explain anything."),
    ),
    Variant(
        "Match their quiet",
        "{partner}'s energy is low ({energy}/10). Keep it gentle and unhurried; one soft "
        "sentence and a pause is plenty.",
        ("Take your time.", "I'm not going anywhere."),
    ),
    Variant(
        "Go at their pace",
        "At {energy}/10, {partner} has little to spare. Speak slowly, keep questions to "
        "one at most, and let silence be comfortable.",
        ("We don't have to talk much.", "Want me to just be here with you?"),
    ),
)

PACE_STEADY = (
    Variant(
        "Stay steady and calm",
        "{partner} is at {energy} out of 10 and it's an unpleasant kind of energy. Keep "
        "your voice low and even; don't escalate and don't match the agitation.",
        ("I'm here. Take a breath with me.", "We'll figure this out together, one bit at a time."),
    ),
    Variant(
        "Be the calm in the room",
        "At {energy}/10, {partner} is running hot. Breathe slowly, sit down, and keep "
        "your tone steady. Your calm is contagious.",
        ("I'm not going anywhere.", "Let's slow down together."),
    ),
    Variant(
        "Lower the temperature",
        "{partner}'s energy is high ({energy}/10) and the feeling is heavy. Speak a little "
        "slower and quieter than usual; steadiness helps more than speed.",
        ("I'm with you.", "Tell me what's going on. I'm listening."),
    ),
)

PACE_JOIN = (
    Variant(
        "Join the joy",
        "{partner} is at {energy} out of 10 and feeling good. Match it: be curious, smile, "
        "celebrate with them.",
        ("That's amazing! Tell me more!", "I want to hear the whole story."),
    ),
    Variant(
        "Bring your energy up to theirs",
        "At {energy}/10, {partner} is buzzing. Let your face and voice show you're glad "
        "with them, and ask about it.",
        ("No way, really? How did it go?", "This deserves a celebration."),
    ),
    Variant(
        "Be glad out loud",
        "{partner} has energy to share ({energy}/10). Meet it with enthusiasm and "
        "questions; their good news is worth your full excitement.",
        ("I love this for you!", "What was the best part?"),
    ),
)

PACE_GENTLE = (
    Variant(
        "Keep it easy and unhurried",
        "{partner} is at {energy} out of 10 and feeling good in a quiet way. Match that "
        "ease: a relaxed voice, no big plans.",
        ("This is nice.", "Let's just enjoy this for a bit."),
    ),
    Variant(
        "Match their calm",
        "At {energy}/10, {partner} is settled. Stay soft and present; you don't need to "
        "add energy to a good, quiet moment.",
        ("I like being with you like this.", "No plans needed tonight."),
    ),
    Variant(
        "Go slow and enjoy it",
        "{partner}'s energy is low ({energy}/10) but the feeling is good. Savour it "
        "together, gently.",
        ("Mm, this is good.", "Stay here with me a while?"),
    ),
)

PACE_EASY = (
    Variant(
        "Meet them where they are",
        "{partner} is at {energy} out of 10. Keep your pace close to theirs and follow their lead.",
        ("How's your day been?", "Anything you want to share?"),
    ),
    Variant(
        "Follow their lead",
        "At {energy}/10, {partner} is neither up nor down. Be easy and open; let them "
        "set the tempo.",
        ("I'm around if you want to talk.", "What's on your mind?"),
    ),
    Variant(
        "Keep a relaxed pace",
        "{partner}'s energy is {energy}/10. Match it: no rush, no push, just interest.",
        ("Tell me about your day?", "I'm curious how you're doing."),
    ),
)

# When the two energies are 4 or more apart, the pace prompt says so, with both numbers.
GAP_YOU_HIGHER = (
    "You're at {my_energy}, {partner} is at {energy}: slow down before you talk.",
    "You're at {my_energy} and {partner} is at {energy}. Take a breath and bring your pace "
    "down before you go to them.",
    "You're at {my_energy}, {partner} is at {energy}: a gap of {gap}. Lower your energy "
    "first, then meet them.",
)

GAP_YOU_LOWER = (
    "You're at {my_energy}, {partner} is at {energy}: you don't need to match it all, but "
    "let them feel you're with them.",
    "You're at {my_energy} and {partner} is at {energy}. Let them know you're low on "
    "energy, and give them what attention you have.",
    "You're at {my_energy}, {partner} is at {energy}: a gap of {gap}. Meet them part of "
    "the way, and say honestly where you are.",
)

# ---- resist_fixing --------------------------------------------------------------------

RESIST_FIXING = (
    Variant(
        "Understand before you advise",
        "You might feel the urge to solve this. Most of the time {partner} wants to be "
        "heard first. Stay beside them rather than in front of them.",
        ("That makes so much sense.", "Tell me more about it."),
    ),
    Variant(
        "Listen, don't solve",
        "Hold back on solutions for now. Understanding comes first; if {partner} wants "
        "ideas, they'll ask, or you can ask them later.",
        ("I'm listening.", "What was the hardest part?"),
    ),
    Variant(
        "Stay with the feeling",
        "Resist the pull to make it better right away. Being understood is often what helps most.",
        ("I get it.", "I'm on your side."),
    ),
)

# For good news the urge is a different one: to add a caveat, a plan or a "but".
RESIST_FIXING_GOOD_NEWS = (
    Variant(
        "Let good news be good news",
        "No “but”, no next steps, no advice for now. Let {partner} enjoy it, and enjoy "
        "it with them.",
        ("That's wonderful.", "How does it feel?"),
    ),
    Variant(
        "Stay with their joy",
        "Resist turning it into a plan or a lesson. Being glad with {partner} is the whole job "
        "right now.",
        ("I'm so happy for you.", "Tell me the best part."),
    ),
    Variant(
        "Don't add anything to it",
        "Hold back the “make sure you also…”. {partner} wants you to share the "
        "moment, not to manage it.",
        ("You earned this.", "What was it like?"),
    ),
)

# ---- need: honour what they said would help -------------------------------------------

NEEDS: dict[str, tuple[Variant, ...]] = {
    "to_be_heard": (
        Variant(
            "{partner} wants to be heard",
            "Listen more than you speak. Reflect back what you hear and let silences be; "
            "you don't need to fill them.",
            ("I'm listening.", "Go on, I'm here."),
        ),
        Variant(
            "Listen all the way to the end",
            "{partner} asked to be heard. Let them finish, say back what you understood, "
            "and ask if you got it right.",
            ("Did I get that right?", "Tell me more."),
        ),
        Variant(
            "Be their listener",
            "Give {partner} room to talk. Nod, reflect, and hold your own stories for later.",
            ("What else?", "That sounds like it mattered a lot."),
        ),
    ),
    "comfort": (
        Variant(
            "Offer comfort",
            "{partner} asked for comfort. Be close and warm: sit next to them, offer a hug "
            "if it's welcome, and stay near.",
            ("Come here.", "I'm right here with you."),
        ),
        Variant(
            "Be close and warm",
            "Comfort is mostly presence: your closeness, a blanket, a cup of tea, staying "
            "a while longer than you planned.",
            ("Can I hold you?", "I'm not going anywhere."),
        ),
        Variant(
            "Stay near",
            "{partner} wants comfort. Warmth and closeness say more than words right now.",
            ("Want a hug?", "Let me make you some tea."),
        ),
    ),
    "space": (
        Variant(
            "Give {partner} some space",
            "{partner} asked for space. Give it kindly, say when you'll check back, and "
            "don't chase.",
            ("Take the time you need. I'll check in after dinner.", "I'm here when you're ready."),
        ),
        Variant(
            "Make room, then check back",
            "Let {partner} have room without pulling away yourself. Tell them when you'll "
            "look in again, and keep that promise.",
            ("I'll give you some room. Back in an hour?", "No pressure. I'm around."),
        ),
        Variant(
            "Respect the quiet",
            "Space is what {partner} asked for. One kind message is enough; then let them be.",
            ("I love you. Take your time.", "Text me whenever you want company."),
        ),
    ),
    "closeness": (
        Variant(
            "Make time to be close",
            "{partner} wants closeness. Plan a bit of time together, just the two of you, "
            "and offer touch if it's welcome.",
            ("Want to curl up together tonight?", "Let's take a walk, just us."),
        ),
        Variant(
            "Be together",
            "Closeness is what would help. Sit together, hold hands, share something small.",
            ("Come sit with me?", "I missed you today."),
        ),
        Variant(
            "Reach for them",
            "{partner} asked for closeness. Let them feel wanted: time, touch, attention.",
            ("Can I have a hug?", "Dinner together, no phones?"),
        ),
    ),
    "practical_help": (
        Variant(
            "Ask before you advise",
            "{partner} asked for practical help. Ask first what kind of help they want, "
            "then help with that.",
            (
                "Do you want ideas, or do you want me to just listen?",
                "What would help most right now?",
            ),
        ),
        Variant(
            "Ask what would help",
            "Before offering a plan, ask what {partner} actually wants from you.",
            (
                "Want me to take something off your plate?",
                "Should I help think it through, or just take care of dinner?",
            ),
        ),
        Variant(
            "Help the way they want",
            "{partner} wants practical help. Ask which part you can take on, then do it.",
            ("What's one thing I can do for you today?", "Do you want ideas, or a hand with it?"),
        ),
    ),
    "celebration": (
        Variant(
            "Celebrate with {partner}",
            "{partner} wants to celebrate. Be genuinely glad and ask for the whole story.",
            ("Tell me everything!", "We have to celebrate this."),
        ),
        Variant(
            "Ask for the story",
            "Celebration is what {partner} asked for. Ask how it happened and enjoy every "
            "detail with them.",
            ("How did it happen?", "I'm so proud of you."),
        ),
        Variant(
            "Make it a moment",
            "Mark it: a toast, a treat, a happy dance. {partner}'s good news deserves it.",
            ("This calls for a celebration!", "What was the best part?"),
        ),
    ),
}

# ---- reach_out: the partner hasn't checked in lately ----------------------------------

REACH_OUT = (
    Variant(
        "Ask {partner} how they are",
        "{partner} hasn't shared a check-in in the last day. Ask how they're feeling, "
        "with real curiosity, and listen to the answer.",
        ("How are you feeling today, really?", "What's been on your mind lately?"),
    ),
    Variant(
        "Check in on {partner}",
        "It's been a while since {partner} checked in. A simple, curious question can open "
        "the door.",
        ("How's your heart today?", "What was the best and the hardest part of your day?"),
    ),
    Variant(
        "Be curious about {partner}",
        "You haven't heard from {partner} today. Ask because you want to know, not because "
        "you should.",
        ("I've been thinking about you. How are you?", "What's your energy like today?"),
    ),
)

# ---- self_attunement: your own state is heavy -----------------------------------------

SELF_ATTUNEMENT = (
    Variant(
        "Start with yourself",
        "You're feeling {my_tone} too. First ask yourself which words you are longing to "
        "hear, and offer them to yourself.",
        ("What do I most need to hear right now?", "It makes sense that I feel {my_tone}."),
    ),
    Variant(
        "Be kind to yourself first",
        "You checked in feeling {my_tone}. Give yourself the words you'd give someone you love.",
        ("What do I most need to hear right now?", "I'm doing the best I can today."),
    ),
    Variant(
        "Attune to yourself",
        "Feeling {my_tone} is real for you too. Notice what you need before you take care "
        "of anyone else's feelings.",
        ("What do I most need to hear right now?", "I'm allowed to feel {my_tone}."),
    ),
)

# ---- avoid: what misses the mark ------------------------------------------------------

AVOID: dict[str, str] = {
    "avoid.jokes": "Jokes or trying to cheer {partner} up while they're feeling {tone}.",
    "avoid.fixing": "Jumping to advice or a fix they didn't ask for.",
    "avoid.high_energy": (
        'Bringing high energy to someone at {energy}/10 ("come on, let\'s go out!").'
    ),
    "avoid.escalating": "Matching their agitation: raising your voice or speeding up.",
    "avoid.minimising": 'Minimising ("it\'s not that bad", "at least...").',
    "avoid.about_you": "Turning the talk to yourself and your own day.",
    "avoid.chasing": "Chasing or pressing {partner} to talk before they're ready.",
    "avoid.dampening": "Dampening the moment with worries, or topping their story with yours.",
    "avoid.advice_without_asking": "Launching into a plan before asking what help they want.",
}
