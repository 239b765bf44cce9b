"""The user's own posts named by what they say: "delete my post about the generator, it's sold"."""

from __future__ import annotations

import re

from wheels_wins.pam.local.sentence import Intent, Sentence

_LEAD = r"(?:^|(?<=[.!?])\s+)(?:(?:actually|oh|ok(?:ay)?|so|please|pls|can\s+you|could\s+you)[\s,]+)*"
_DELETE_POST = re.compile(
    _LEAD + r"(?:delete|remove|take\s+down|pull\s+down|get\s+rid\s+of|scrap)\s+(?:my|our|the|that)\s+(?:"
    r"(?:community\s+|forum\s+)?post\s+(?:about|on|re|regarding|saying|for|selling|asking\s+about)\s+(?:the\s+|my\s+|our\s+|a\s+)?"
    r"(?P<about>[^,.;!?]{2,60}?)|(?P<about2>[\w'& -]{2,40}?)\s+(?:community\s+|forum\s+)?post)\s*(?:[,.;!?]|$)",
    re.IGNORECASE,
)
_POST_NAMED = (r"(?:my|our|the|that)\s+(?:(?P<about>[\w'& -]{2,40}?)\s+post|post\s+(?:about|on|re)\s+(?:the\s+)?"
               r"(?P<about2>[\w'& -]{2,40}?))")
_QUOTED = r"[\"“'‘]?(?P<{}>[^\"”'’,;:]{{1,60}}?)[\"”'’]?"
# "fix the spelling in my Rotorua post: recomendation should be recommendation", "in my post about the generator,
# change $500 to $450", "change 'Saturday' to 'Sunday' in my market post"
_EDIT_POST = re.compile(
    _LEAD + r"(?:(?:fix|correct)\s+(?:the\s+|a\s+)?(?:spelling|typo|mistake|wording)\s+in\s+" + _POST_NAMED + r"\s*[:,-]?\s*"
    + _QUOTED.format("old") + r"\s+should\s+(?:be|read|say)\s+" + _QUOTED.format("new") + r"|"
    r"in\s+" + _POST_NAMED.replace("about>", "about3>").replace("about2>", "about4>") + r"\s*[:,-]?\s*(?:change|replace|swap)\s+"
    + _QUOTED.format("old2") + r"\s+(?:to|with|for)\s+" + _QUOTED.format("new2") + r"|"
    r"(?:change|replace|swap)\s+" + _QUOTED.format("old3") + r"\s+(?:to|with|for)\s+" + _QUOTED.format("new3") + r"\s+in\s+"
    + _POST_NAMED.replace("about>", "about5>").replace("about2>", "about6>") + r"|"
    # "change my mechanic post so it says Mataranka instead of Katherine"
    r"(?:change|edit|update|fix|amend)\s+" + _POST_NAMED.replace("about>", "about7>").replace("about2>", "about8>")
    + r"\s+(?:so\s+(?:that\s+)?it\s+|to\s+)?(?:says?|reads?)\s+" + _QUOTED.format("new4") + r"\s+(?:instead\s+of|rather\s+than|not)\s+"
    + _QUOTED.format("old4") + r"|"
    # "Edit my Tofino post - change October to November"
    r"(?:edit|change|update|fix|amend)\s+" + _POST_NAMED.replace("about>", "about9>").replace("about2>", "about10>")
    + r"\s*[:,;-]?\s*(?:change|replace|swap|make)\s+" + _QUOTED.format("old5") + r"\s+(?:to|with|for|into)\s+" + _QUOTED.format("new5")
    + r")\s*(?:[.!?](?:\s+.*)?)?$",
    re.IGNORECASE,
)


def delete_post(s: Sentence) -> Intent | None:
    """delete_post with what the post is about, or None."""
    m = _DELETE_POST.search(s.text)
    return Intent("delete_post", 0.9, {"about": (m["about"] or m["about2"]).strip()}) if m else None


def edit_post(s: Sentence) -> Intent | None:
    """edit_post with what the post is about and the words to change, or None."""
    m = _EDIT_POST.search(s.text)
    if m is None:
        return None
    about = next(m[f"about{n}"] for n in ("", *range(2, 11)) if m[f"about{n}"])
    old, new = next((m[f"old{n}"], m[f"new{n}"]) for n in ("", 2, 3, 4, 5) if m[f"old{n}"])
    return Intent("edit_post", 0.9, {"about": about.strip(), "old": old.strip(), "new": new.strip()})
