"""Intent classification and slot filling for PAM's offline engine, from ordered, general rules.

`classify(text, today)` answers with an `Intent`: a name, a confidence and slots named like the
arguments of the PAM tool that acts on it (add_expense: amount, category, date, description,
merchant; log_fuel: litres, total_cost, price_per_litre, odometer_km, location, date; ...).
Required slots that the sentence did not give are simply absent (`Intent.missing` lists them),
so the agent can ask a clarifying question instead of guessing.

Rules run from the most specific phrasing to the most general: small talk, corrections and undo,
then sentences that start with a command of their own (post, remind, open a page), questions,
budgets, fuel, maintenance, income, trips and finally plain expenses. That order is what makes
"Remind me to pay the insurance $890 on Friday" a reminder and "how much did I spend on fuel" a question.
"""

from __future__ import annotations

import datetime as dt
import re

from wheels_wins.pam.local import (
    arithmetic,
    budget_rules,
    calendar_changes,
    described_corrections,
    entities,
    followups,
    money_rules,
    navigation,
    post_changes,
    queries,
    record_checks,
    record_fixes,
    reminders,
    routes,
    story_requests,
    trip_changes,
    vehicle_rules,
)
from wheels_wins.pam.local.normalise import normalise
from wheels_wins.pam.local.sentence import (
    INTENTS,
    QUESTION_START,
    REQUIRED_SLOTS,
    Intent,
    Sentence,
)

__all__ = ["INTENTS", "REQUIRED_SLOTS", "Intent", "classify"]


_POST_START = re.compile(
    r"^(?:post|share|publish|announce|broadcast|tweet)\b(?!\s+(?:office|box|code))|"
    r"^(?:write|say|tell)\s+(?:to|on|in)\s+(?:the\s+)?(?:community|feed|forum|group)\b|"
    r"^(?:tell|ask|let)\s+(?:the\s+)?(?:community|everyone|everybody|folks|people|others|other\s+\w+|group|followers|members|"
    r"nomads|travellers|crew|gang)\b|"
    r"^(?:make|write|create|put\s+up|add|send|do)\s+(?:a\s+|an\s+)?(?:new\s+|quick\s+)?(?:community\s+|social\s+)?post\b|"
    r"^(?:put|add|chuck|stick|pop|throw|whack)\s+.+?\s+(?:on|in|to)\s+(?:the\s+)?(?:feed|community|wall|forum)\b|"
    r"^(?:(?:a|new)\s+)?(?:community|social|feed)\s+post\b|"
    r"^(?:put|stick|pop|chuck|throw|whack|get)\s+(?:a\s+|an\s+)?(?:new\s+|quick\s+)?post\s+(?:up|out)\b|"
    r"^(?:put|stick|pop|pin)\s+(?:up\s+)?(?:a\s+|an\s+)?(?:notice|note|message)\s+(?:up\s+)?(?:for|on|in|to)\s+(?:the\s+)?"
    r"(?:other\s+)?(?:members|community|notice\s?board|board|feed|forum)\b",
    re.IGNORECASE,
)


def _only_the_wish_to_post(content: str) -> bool:
    """Whether what was taken as a post's words only asks for a post ("Put a notice up for the other members.")."""
    m = _POST_START.match(content)
    rest = re.sub(r"^\s*(?:of|in|on)\s+(?:the\s+)?(?:community|group|forum|feed|board)\b", "", content[m.end():]) if m else ""
    return bool(m) and not rest.strip(" .!?")


def _post(s: Sentence) -> Intent | None:
    if not _POST_START.match(s.text):
        return None
    content = entities.post_content(s.text)
    if re.fullmatch(
        r"(?:a\s+|an\s+)?(?:new\s+)?(?:post|message|something|update)?",
        content,
        re.IGNORECASE,
    ) or _only_the_wish_to_post(content):  # "put a notice up for the other members of the community"
        content = ""
    return Intent(
        "create_post", 0.95 if content else 0.8, {"content": content} if content else {}
    )


def _help(s: Sentence) -> Intent | None:
    if followups.HELP.match(s.low.strip(" ?.!")) or re.match(
        r"^(?:help|how\s+do\s+i\s+use)\b", s.low
    ):
        return Intent("help", 0.8)
    return None


# "the hubby reckons we've spent a fortune on diesel, how much has it been this month": the question comes last.
_LATE_QUESTION = re.compile(
    r"[,;?]\s*(?:so\s+|and\s+|but\s+)?(?:how\s+much|how\s+many|how'?s|how\s+(?:are|is|am)|what'?s|whats|what\s+(?:have|did|is|was)|"
    r"are\s+we|am\s+i|have\s+(?:we|i)|did\s+(?:we|i))\b[^,;]*$|"
    # "fuel budget is 400 how much left": asked without a comma, typed in a hurry
    r"\s(?:so\s+|and\s+)?how\s+much\s+(?:is\s+|have\s+(?:we|i)\s+got\s+|do\s+(?:we|i)\s+have\s+)?(?:left|remaining)\b[^,;]*$",
    re.IGNORECASE,
)


# "I didn't log the diesel did I": a tag at the end makes a statement a question
_TAG_QUESTION = re.compile(r"\b(?:did|have|has|was|were)(?:n't)?\s+(?:i|we)\s*[?.!]*$", re.IGNORECASE)


_COMMAND_START = re.compile(
    r"^(?:(?:add|log|record|enter|jot|pencil|pop|set|make|plan|post|remind|put|book|schedule|change|create|open|go|take|spent|paid|bought)\b|i\s+)",
    re.IGNORECASE,
)


def _is_question(s: Sentence) -> bool:
    if QUESTION_START.match(s.low) or reminders.REMIND_QUESTION.match(s.low) or queries.TALLY.match(s.low):
        return True
    if _TAG_QUESTION.search(s.low) and re.match(r"(?:i|we)\b", s.low):
        return True
    if _LATE_QUESTION.search(s.low) and not _COMMAND_START.match(s.low):
        return True
    return s.low.rstrip().endswith("?") and not _COMMAND_START.match(s.low)


# "... and I'd like to read the whole thread, can you take me to the community page?": the request after the story.
_ASK_CLAUSE = re.compile(
    r"(?:^|[,.;:!?]\s*|\s(?:so|and|but|then)\s+)(?:(?:could|can|would|will)\s+you|please)\s+(?:please\s+)?(?P<ask>[^,.;!?]{4,})"
    r"[?.!\s]*$",
    re.IGNORECASE,
)


_WANT_TO_SHARE = re.compile(
    r"\s*,?\s*(?:that|and|so)?\s*(?:i|we)\s+(?:really\s+)?(?:want|wanted|would\s+like|'d\s+like)\s+to\s+share\s+"
    r"(?:it|this)(?:\s+with\s+(?:everyone|everybody|you\s+all|all|the\s+community))?\s*$",
    re.IGNORECASE,
)


def _asked_at_the_end(s: Sentence) -> Intent | None:
    """The request a long message ends with, read on its own, when the whole message reads as nothing."""
    m = _ASK_CLAUSE.search(s.text)
    if m is None or m.start("ask") < 20:  # a short message is its own request
        return None
    found = classify(m["ask"], s.today, follow_up=False)
    if found.name == "plan_trip" and not found.slots.get("places"):  # "could you plan that drive?": the story has the places
        story = s.text[: m.start()]
        whole = routes.trip(s)  # "picking up the van in X, then Y, finishing up in Z. Can you set that trip up?"
        found = routes.trip(Sentence(story, s.today)) or (whole if whole and whole.slots.get("places") else found)
        here, there = entities.town(story), found.slots.get("destination")
        if here and there and here.lower() != str(there).lower():  # "a week in Alice Springs ... head out to Uluru"
            found = Intent("plan_trip", found.confidence, {**found.slots, "places": [here, there]})
    if found.name == "create_post" and found.slots.get("content"):  # "... could you post something saying it's worth it?"
        story = _WANT_TO_SHARE.sub("", s.text[: m.start()]).strip(" ,.;:-")
        if len(story) >= 30:
            said = str(found.slots["content"])
            said = said[:1].lower() + said[1:] if re.match(r"(?:It|This|That|The|So|Definitely|Absolutely)\b", said) else said
            found = Intent("create_post", found.confidence, {"content": f"{story} — {said}"})
    if found.missing:  # "..., can you log that fill-up?": the story has what the request lacks
        return None
    return found if found.name not in ("unknown", "greeting", "thanks", "help") else None


def past_record_fix(text: str, today: dt.date) -> Intent | None:
    """A correction of a past record said in so many words ("the coober pedy fill was 107.60 not 97.60"), for when
    nothing was just made that it could correct; None otherwise."""
    return record_fixes.record_fix(Sentence(normalise(text), today))


# Changes to records already made, in the order they are tried. Those naming their record ("cancel my appointment on
# Friday", "move the vet a week later") are requests of their own; the rest only make sense after something was done.
_CHANGES = (
    record_checks.undo_at_end, described_corrections.described_correction, followups.correction,
    record_checks.remove_vehicle_record, calendar_changes.double_entry, calendar_changes.cancel_event,
    calendar_changes.move_event, calendar_changes.move_pronoun, calendar_changes.move_said_before,
    calendar_changes.move_event_unsaid, post_changes.delete_post, post_changes.edit_post, followups.undo,
    record_checks.remove_duplicate, followups.remove_one, record_fixes.record_fix,
)
_ONLY_AFTER_SOMETHING_DONE = frozenset({
    record_checks.undo_at_end, followups.correction, calendar_changes.move_pronoun, followups.undo,
    record_checks.remove_duplicate,
})
_CHANGES_NAMING_THE_RECORD = tuple(rule for rule in _CHANGES if rule not in _ONLY_AFTER_SOMETHING_DONE)


def classify(text: str, today: dt.date | None = None, *, follow_up: bool = True) -> Intent:
    """The intent of one user message and its slots; `today` anchors every relative date (pass the user's today).

    With `follow_up=False` the message is read as a request of its own: a change to a record it names ("cancel my
    appointment on Friday") is still read, but never as a correction or undo of an earlier one ("It was Dad's birthday ... it was $156" opening a conversation)."""
    today = today or dt.date.today()
    raw = (text or "").strip()
    small = followups.small_talk(raw)
    if small:
        return small
    cleaned = normalise(raw)
    if not cleaned.strip(" .!?,"):
        return Intent("greeting", 0.6) if raw else Intent("unknown", 0.0)
    s = Sentence(cleaned, today)
    for rule in _CHANGES if follow_up else _CHANGES_NAMING_THE_RECORD:
        found = rule(s)
        if found:
            return found
    found = story_requests.request_after_story(cleaned, today, classify)  # "… a bloke said … Set up a trip for us, …"
    if found:
        return found
    rest = followups.without_cue(cleaned)
    if rest != cleaned and rest:  # "actually, add Mount Gambier on the way": not a correction, a request after the cue
        s = Sentence(normalise(rest), today)  # "actually, we should like to carry on to …": its politeness too
    for rule in (
        _post, trip_changes.trip_change, routes.asked_to_plan, reminders.schedule, vehicle_rules.economy,
        reminders.calendar_entry, navigation.navigate, _help,
    ):
        found = rule(s)
        if found:
            return found
    question = _is_question(s)
    found = arithmetic.price_for_period(s) or budget_rules.budget(s, question)
    if found:
        return found
    if question:
        found = record_checks.logged_check(s) or _asked_at_the_end(s) or queries.query(s, True)
        if found is None or found.name == "list_trips":  # "…can you plan that route?" names its places
            trip = routes.trip(s)
            found = trip if trip and len(trip.slots.get("places") or []) >= 2 else found or trip
        if found or QUESTION_START.match(s.low):
            return found or _asked_at_the_end(s) or Intent("unknown", 0.2)
    for rule in (
        queries.list_command, vehicle_rules.fuel, vehicle_rules.maintenance, money_rules.income, routes.trip, money_rules.expense,
    ):
        found = rule(s)
        if found:
            return found
    return _asked_at_the_end(s) or Intent("unknown", 0.1)
