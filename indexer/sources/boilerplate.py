"""Lines that belong to the site, not the posting: cookie banners, browser warnings, share and
apply buttons. Judged line by line, so they are dropped even inside a posting's text block
(job boards paste the employer page's cookie banner into the description)."""
from __future__ import annotations

import re

MAX_BOILERPLATE_CHARS = 400
_NOISE = re.compile(
    r"\b(?:web)?site uses cookies|\bwe use cookies|\buse of cookies"
    r"|\b(?:accept|allow|reject|decline|deny)(?: all)? cookies"
    r"|\bcookies? (?:policy|settings|preferences|consent|notice)|\bcookie-?politik"
    r"|\bbrowser is (?:outdated|out of date|not supported|no longer supported)"
    r"|\b(?:enable|turn on) javascript\b"
    r"|^(?:skip to (?:main )?content|share|share on|print|print job|email this job|send to a friend|"
    r"back to (?:search|results)|del|send til mail|tilbage|loading|please wait)\W*$",
    re.IGNORECASE,
)
# A call to apply closes a posting's text on tag-stripped pages.
APPLY_CALL = re.compile(
    r"^(?:would you like to apply|apply (?:now|for|to|here|online|today)\b|apply$|ansøg (?:nu|her|stillingen)\b|"
    r"søg stillingen\b)",
    re.IGNORECASE,
)


def is_noise(line: str) -> bool:
    line = line.strip(" |•·-–")
    return len(line) <= MAX_BOILERPLATE_CHARS and bool(_NOISE.search(line))
