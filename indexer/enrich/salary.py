"""Pay as postings word it -> `Salary` (min, max, ISO 4217 currency, period).

Handles the forms seen in the Ashby corpus ("$150K – $200K • Offers Equity", "CA$140K – CA$180K",
"$18.00 – $24.00 per hour", "€76K – €185K • Multiple Ranges") and common European and Danish
ones ("€60,000 - €80,000 per year", "120.000 - 140.000 EUR", "DKK 45.000 pr. måned"). Sources
that carry structured pay (Ashby's compensation components) fill `Posting.salary` themselves;
this reads the text when that is all there is.
"""
from __future__ import annotations

import re

import pycountry

from indexer.model import Salary

# Longest first, so "CA$" wins over "$".
_SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD", "SG$": "SGD",
    "S$": "SGD", "HK$": "HKD", "MX$": "MXN", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP",
    "CN¥": "CNY", "JP¥": "JPY", "¥": "JPY", "₹": "INR", "₱": "PHP", "₩": "KRW", "₪": "ILS", "₦": "NGN", "zł": "PLN",
    "kr.": "DKK", "kr": "DKK", "Fr.": "CHF", "R": "ZAR",
}
_ISO_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
_SYMBOL = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    rf"(?P<pre>\b[A-Z]{{3}}\b|{_SYMBOL})?\s?(?P<num>{_NUMBER})\s?(?P<mult>[kKmM](?![a-zA-Z])|L(?![a-zA-Z])|lakhs?|lacs?|Cr(?![a-zA-Z])|crores?)?"
    rf"(?!\s?%)\s?(?P<post>\b[A-Z]{{3}}\b|{_SYMBOL})?"
)
_UP_TO = re.compile(r"\b(up to|max(imum)?|bis zu|op til|højst)\s*$", re.I)
_FROM = re.compile(r"\b(from|starting (at|from)|min(imum)?|fra|ab|mindst)\s*$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|til|bis|à|a)\s*$", re.I)
_PERIODS = (
    ("hour", r"per hour|an hour|/\s?h(ou)?r\b|hourly|hr\b|pr\.? time|i timen|/time\b|stundenlohn|por hora"),
    ("day", r"per day|a day|/\s?day\b|daily|pr\.? dag|om dagen|per diem|tagessatz"),
    ("week", r"per week|a week|/\s?w(ee)?k\b|weekly|pr\.? uge|om ugen"),
    ("month", r"per month|a month|/\s?mo(nth)?\b|monthly|pr\.? m[aå]ned|om m[aå]neden|/m[aå]ned|månedlig|mtl\.?|monatlich|brutto/monat|mensual"),
    ("year", r"per year|a year|/\s?y(ea)?r\b|yearly|annual(ly)?|per annum|p\.?\s?a\.?(?!\w)|pr\.? [aå]r\b|om [aå]ret|[aå]rligt?|jährlich|anual"),
)


def parse_salary(text: str) -> Salary | None:
    """The pay range stated in `text`, or None when it states none with a currency or period.

    The first amount (or range of two) decides; text after a "•" bullet (equity, bonus,
    commission) is ignored. Without a stated period, amounts under 300 are taken as hourly,
    under 20,000 as monthly, larger ones as yearly.
    """
    if not text or not text.strip():
        return None
    head = text.split("•")[0]
    amounts = [m for m in _AMOUNT.finditer(head) if m.group("num")]
    if not amounts:
        return None
    first = amounts[0]
    second = None
    if len(amounts) > 1 and _RANGE_JOIN.match(head[first.end():amounts[1].start()]):
        second = amounts[1]
    currency = _currency(first, second, head)
    period = _period(head)
    if currency is None and period is None:
        return None
    low = _value(first, second)
    high = _value(second, first) if second else low
    if low is None or high is None:
        return None
    if not second and _UP_TO.search(head[:first.start()]):
        low = None  # "up to $90,000"
    elif not second and (_FROM.search(head[:first.start()]) or head[first.end():].lstrip().startswith("+")):
        high = None  # "from €50k", "$120K+"
    if period is None:
        top = high if high is not None else low
        period = "hour" if top < 300 else "month" if top < 20_000 else "year"
    return Salary(min=low, max=high, currency=currency, period=period)


def _currency(first: re.Match, second: re.Match | None, text: str) -> str | None:
    for match in (first, second):
        for group in ("pre", "post"):
            token = match.group(group) if match else None
            if token in _SYMBOLS:
                return _SYMBOLS[token]
            if token in _ISO_CODES:
                return token
    codes = [c for c in re.findall(r"\b[A-Z]{3}\b", text) if c in _ISO_CODES]
    return codes[0] if codes else None


def _period(text: str) -> str | None:
    for period, pattern in _PERIODS:
        if re.search(pattern, text, re.I):
            return period
    return None


def _value(match: re.Match, other: re.Match | None) -> float | None:
    """The amount with its multiplier; "$80 - $100k" carries the K back to the 80."""
    number = _number(match.group("num"))
    if number is None:
        return None
    mult = match.group("mult") or (other.group("mult") if other and number < 1000 else None)
    if mult:
        number *= _MULTIPLIERS[mult[0].lower()]
    return round(number, 2)


# thousand, million, and India's lakh (100,000) and crore (10,000,000): "₹70L – ₹90L"
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "l": 100_000, "c": 10_000_000}


def _number(text: str) -> float | None:
    """ "60,000" / "60.000" / "60 000" -> 60000; "122.5" / "18,50" -> decimals."""
    text = text.replace(" ", "").replace(" ", "")
    grouped = re.fullmatch(r"(\d{1,3}(?:([.,])\d{3})+)(?:([.,])(\d{1,2}))?", text)
    if grouped and (grouped.group(3) is None or grouped.group(3) != grouped.group(2)):
        whole = re.sub(r"[.,]", "", grouped.group(1))
        return float(whole + ("." + grouped.group(4) if grouped.group(4) else ""))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None
