"""The user's own posts named by what they say: "delete my post about the generator, it's sold"."""

from __future__ import annotations

import re

from wheels_wins.pam.local.sentence import Intent, Sentence

_DELETE_POST = re.compile(
    r"^(?:(?:actually|oh|ok(?:ay)?|so|please|pls|can\s+you|could\s+you)[\s,]+)*(?:delete|remove|take\s+down|pull\s+down|"
    r"get\s+rid\s+of|scrap)\s+(?:my|our|the|that)\s+(?:community\s+|forum\s+)?post\s+(?:about|on|re|regarding|saying|for|"
    r"selling|asking\s+about)\s+(?:the\s+|my\s+|our\s+|a\s+)?(?P<about>[^,.;!?]{2,60}?)\s*(?:[,.;!?]|$)",
    re.IGNORECASE,
)


def delete_post(s: Sentence) -> Intent | None:
    """delete_post with what the post is about, or None."""
    m = _DELETE_POST.match(s.text)
    return Intent("delete_post", 0.9, {"about": m["about"].strip()}) if m else None
