"""Ordinary texts full of numbers are never refused (false positives of the privacy guard)."""

from __future__ import annotations

import re

from bot.answers import guard
from bot.privacy import contains_identity_code, find_identity_codes
from handlers.slack.markup import display_segments
from tests.support.finnish_corpus import ordinary_texts


def test_the_corpus_is_large_varied_and_has_every_kind_of_number() -> None:
    texts = ordinary_texts()
    assert len(texts) >= 2000
    assert len(set(texts)) == len(texts)
    joined = "\n".join(texts)
    for kind, pattern in {
        "mobile phone": r"\b04\d \d{3} \d{4}\b",
        "phone without spaces": r"\b0[45]\d{8}\b",
        "international phone": r"\+358 ?\d",
        "postal code": r"\b\d{5} [A-ZÄÖ][a-zäö]+",
        "case reference": r"\bKELA/\d+/20\d\d\b",
        "timestamp": r"\b20\d{6}-\d{4}\b",
        "ISO date": r"\b20\d\d-\d\d-\d\d\b",
        "money": r"\d €",
        "bank reference": r"viite \d",
        "Finnish time": r"klo \d",
        "Swedish": r"\bkl\. \d",
    }.items():
        assert len(re.findall(pattern, joined)) >= 10, kind


def test_no_ordinary_text_is_refused() -> None:
    texts = ordinary_texts()
    for display in (None, display_segments):  # the core alone, and as Slack shows a text
        refused = [text for text in texts if contains_identity_code(text, display=display)]
        assert refused == [], f"{len(refused)} of {len(texts)} refused"
        for text in texts[:300]:  # and through the guard itself, several fields at once
            guard(text, text[::-1][:40], display=display)
            assert find_identity_codes(text, display=display) == []
