"""Snippets for search results: HTML-escaped text with the query words in <mark>. Pure Python."""

import re
from bisect import bisect_left, bisect_right
from html import escape

from kb.search.tokens import simplified

SNIPPET_LENGTH = 110
LEAD = 20
# Full-width letters and digits: the only NFKC folds that matter for finding query words
# (never punctuation) in stored text. Unlike full NFKC (~0.3 µs a character) they keep offsets.
_WIDE = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


def make_snippet(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> str:
    """The window of `text` holding the most distinct query words, escaped and marked. `terms`
    are normalised words, longest first, found in a folded copy of `text` of the same length."""
    text = " ".join(text.split())
    pattern = "|".join(map(re.escape, terms))
    folded = simplified(text.translate(_WIDTH) if _WIDE.search(text) else text).lower()
    folded = folded if len(folded) == len(text) else text.lower()
    hits = [(m.start(), m.end(), m[0]) for m in re.finditer(pattern, folded)] if terms else []
    start = _best_start(hits, len(text), length)
    end = min(len(text), start + length)
    html, pos = [], start
    for s, e, _ in hits:
        if s >= start and e <= end:
            html += [escape(text[pos:s]), f"<mark>{escape(text[s:e])}</mark>"]
            pos = e
    html.append(escape(text[pos:end]))
    return ("…" if start > 0 else "") + "".join(html) + ("…" if end < len(text) else "")


def _best_start(hits: list[tuple[int, int, str]], size: int, length: int) -> int:
    # Hits come in text order and do not overlap, so starts and ends both ascend.
    starts = [s for s, _, _ in hits]
    ends = [e for _, e, _ in hits]
    best, best_score = 0, -1
    for first in starts[:200]:
        start = max(0, first - LEAD)
        inside = hits[bisect_left(starts, start) : bisect_right(ends, start + length)]
        score = len({word for _, _, word in inside})
        if score > best_score:
            best, best_score = start, score
    return 0 if best < LEAD * 2 else min(best, max(0, size - length))
