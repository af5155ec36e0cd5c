"""Seniority level read from a job title, and the query words that ask for one.

Levels, lowest first (docs/categories.md has the reasoning):
intern < entry < mid < senior < lead < staff < principal < manager < director < vp < executive.
Individual-contributor levels run up to principal; manager and up are people leaders.
"""
from __future__ import annotations

import re

from indexer.enrich.folding import fold

SENIORITY_LEVELS = (
    "intern", "entry", "mid", "senior", "lead", "staff", "principal",
    "manager", "director", "vp", "executive",
)

# Query words -> level, for the search app's query understanding. Only words that mean a level
# whatever job they go with: not "manager" or "executive" ("product manager" and "account
# executive" are jobs, not levels).
SENIORITY_TERMS: dict[str, str] = {
    "intern": "intern", "interns": "intern", "internship": "intern", "internships": "intern",
    "co-op": "intern", "coop": "intern", "working student": "intern", "praktikant": "intern",
    "new grad": "entry", "new graduate": "entry", "graduate": "entry", "junior": "entry",
    "jr": "entry", "entry level": "entry", "entry-level": "entry",
    "mid level": "mid", "mid-level": "mid", "intermediate": "mid", "medior": "mid",
    "senior": "senior", "sr": "senior", "snr": "senior",
    "lead": "lead", "tech lead": "lead", "team lead": "lead",
    "staff": "staff", "principal": "principal",
    "director": "director", "head of": "director",
    "vp": "vp", "vice president": "vp", "svp": "vp", "evp": "vp",
    "c-level": "executive", "cxo": "executive",
}

# "manager" after these words names a job, not a level: a Product Manager manages a product.
_JOB_MANAGERS = frozenset("""
    product account project program programme community success partner partners partnership
    partnerships territory relationship case category campaign content brand channel portfolio
    property release delivery implementation onboarding marketing growth lifecycle crm event events
    payroll office facilities data technical solutions escalation incident change vendor contract
    contracts compliance risk fraud quality experience engagement enablement retention media pr
    communications seo performance ecosystem alliance alliances social
""".split())
_MANAGER = re.compile(r"\b(manager|managers|mgr)\b")
_DANISH_MANAGER = re.compile(r"\b(afdelingsleder|teamleder|leder|\w+chef)\b")

# Learner words name the job holder, unless a job for them follows: an "Intern Program Manager"
# runs the programme, a "Graduate Recruiter" hires graduates.
_FOR_LEARNERS = r"(?! (program(me)?s? )?(manager|coordinator|lead|director|recruit\w*|mentor|partner)s?\b)"
# A segment or region, not a level: "Mid-Market Account Executive", "Mid-Atlantic".
_NOT_MID = r"(?! (market|enterprise|size|sized|atlantic|west|tier|cap)\b)"

# Checked in this order: the first that matches gives the level. Leadership before individual
# levels ("Senior Director" is a director); intern first ("Engineering Manager Intern" is an
# intern).
_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (level, re.compile(pattern))
    for level, pattern in (
        ("intern", rf"\b(intern|interns|internship|co op|coop|working student|werkstudent(in)?|praktikant|studentermedhjaelper|student assistant|summer student)\b{_FOR_LEARNERS}"),
        ("executive", r"\b(chief (?!of staff)\w+|ceo|cto|cfo|coo|cmo|cpo|cro|ciso|cio|cdo|c level|(co )?founder|administrerende direktor)\b|(?<!vice )\bpresident\b"),
        ("vp", r"\b(vp|svp|evp|avp|vice president)\b"),
        ("director", r"\b(director|directors|head of|direktor)\b"),
        ("manager", None),
        ("principal", r"\b(principal(?! investigator)|distinguished)\b"),
        ("staff", r"(?<!chief of )(?<!technical )\bstaff\b(?! (accountant|nurse|pharmacist|writer|attorney|physician))"),
        ("senior", r"\b(senior|sr|snr)\b"),
        ("lead", r"\b(lead|tech lead|team lead)\b(?! (gen|generation|generator|qualification))"),
        ("mid", rf"\b(mid{_NOT_MID}|mid level|intermediate|medior)\b"),
        ("entry", r"\b(junior|jr|(?<!data )entry|entry level|associate(?! (director|manager|vp|vice president|principal|partner|general counsel|counsel|professor))|nyuddannet)\b"),
        ("entry", rf"\b(new grad|new graduate|graduate|grad|apprentice|trainee|early career)\b{_FOR_LEARNERS}"),
    )
    if pattern
)

# The executive a job works for or with is not the job's level: "Chief of Staff to the CEO",
# "Founder's Associate", "Chief Revenue Officer Associate", "Ex-Founder".
_EXECUTIVE = r"ceo|cto|cfo|coo|cmo|cpo|cro|(co )?founder(s|\(s\))?|president|chief \w+( \w+)? officer"
_WORKS_FOR_EXECUTIVE = re.compile(
    rf"\b((to|for|of) (the )?({_EXECUTIVE})\b|ex ({_EXECUTIVE})\b|({_EXECUTIVE})(?= (associates?|office|assistant|in residence)\b))")

# "Engineer II", "Analyst 3": a numbered grade after the job name.
_GRADE = re.compile(r"\b[A-Za-z]+,? (I{1,3}|IV|V|[1-5])\b(?![.,]?\d)(?=\s*(?:$|[,(\-–/|:]))")
_GRADE_LEVELS = {"I": "entry", "1": "entry", "II": "mid", "2": "mid", "III": "senior", "3": "senior",
                 "IV": "staff", "4": "staff", "V": "principal", "5": "principal"}
_LEADERSHIP = ("intern", "executive", "vp", "director")


def seniority_from_title(title: str) -> str | None:
    """The level the title states (one of SENIORITY_LEVELS), or None when it states none."""
    if not title:
        return None
    folded = _WORKS_FOR_EXECUTIVE.sub(" ", fold(title))
    levels = [level for part in folded.split("/") if (level := _level(part))]
    if levels:  # "Senior / Lead", "Senior/Staff": a range, open from its lower end
        return min(levels, key=SENIORITY_LEVELS.index)
    grade = _GRADE.search(title.strip())
    return _GRADE_LEVELS[grade.group(1)] if grade else None


def _level(folded: str) -> str | None:
    for level, pattern in _RULES:
        if pattern.search(folded):
            return level if level in _LEADERSHIP or not _manages_people(folded) else "manager"
    return "manager" if _manages_people(folded) else None


def _manages_people(folded: str) -> bool:
    """ "Engineering Manager", "Manager, Sales", "Teamleder": yes; "Product Manager": no."""
    if _DANISH_MANAGER.search(folded):
        return True
    for match in _MANAGER.finditer(folded):
        before = folded[: match.start()].split()
        if not before or (before[-1] not in _JOB_MANAGERS and " ".join(before[-2:]) not in _JOB_MANAGERS):
            return True
    return False
