"""Text folded for matching names and words: case, accents and punctuation set aside."""
from __future__ import annotations

import unicodedata

# Letters NFKD does not split into base + accent.
_LETTER_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "œ": "oe"})
_PUNCT_FOLDS = str.maketrans({".": None, "'": None, "’": None, "`": None, "-": " ", "_": " "})


def fold(text: str) -> str:
    """"St. Louis" -> "st louis", "Zürich" -> "zurich", "København Ø" -> "kobenhavn o"."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.translate(_PUNCT_FOLDS).split())
