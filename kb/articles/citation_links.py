"""Citations in rendered HTML become links, each followed by the provision's text in a
<span class="cite-text"> it points to with aria-describedby; unresolved ones come back as misses."""

import html as html_lib
import re
from dataclasses import dataclass

from kb.laws.citations import CLOSE_QUOTES, OPEN_QUOTES, scan
from kb.laws.resolve import Resolved, current_registry, resolve

TOKEN_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG_RE = re.compile(r"<(/?)([a-zA-Z0-9]+)")
SKIP_TAGS = {"a", "code", "pre", "script", "style"}
BLOCK_TAGS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
TOOLTIP_CHARS = 400
MAYBE_CITATION_RE = re.compile(r"第[^第条<>]{1,16}条")


@dataclass(frozen=True)
class CitationHit:
    provision_id: int
    raw_text: str
    paragraph: int | None = None
    item: int | None = None
    label: str = ""


@dataclass(frozen=True)
class CitationMiss:
    raw_text: str
    reason: str


def link_citations(html: str) -> tuple[str, list[CitationHit], list[CitationMiss]]:
    if not MAYBE_CITATION_RE.search(html):  # no 第…条 at all: skip the database
        return html, [], []
    tokens = TOKEN_RE.split(html)
    found = _find(tokens)
    if not found:
        return html, [], []
    results = resolve([c for _, c in found])
    hits, misses, edits = [], [], {}  # edits: token index -> resolved citations in it
    for (index, _), result in zip(found, results, strict=True):
        c = result.citation
        if not result.provisions:
            misses.append(CitationMiss(c.raw, result.reason))
            continue
        edits.setdefault(index, []).append(result)
        hits.extend(
            CitationHit(p.pk, c.raw, c.paragraph, c.item, p.label) for p in result.provisions
        )
    for number, (index, results_here) in enumerate(sorted(edits.items())):
        tokens[index] = _wrap(tokens[index], results_here, f"c{number}")
    return "".join(tokens), hits, misses


def _find(tokens: list[str]):
    """(token index, citation) for every citation in a text node outside a, code and pre.

    Text in a <blockquote>, or after a “ that a closing ” has not yet matched in the same
    block, is quoted: a 本解释/本规定 there is not taken to mean the law named before it."""
    found = []
    skip = quoting = open_quotes = 0
    previous = registry = None
    for index, token in enumerate(tokens):
        if index % 2:  # a tag
            tag = TAG_RE.match(token)
            name = tag.group(2).lower() if tag else ""
            if name in SKIP_TAGS and not token.endswith("/>"):
                skip = max(skip + (-1 if tag.group(1) else 1), 0)
            if name == "blockquote":
                quoting = max(quoting + (-1 if tag.group(1) else 1), 0)
            if name in BLOCK_TAGS and tag.group(1):
                open_quotes = 0
            continue
        if not skip and token.strip():
            if registry is None:
                registry = current_registry()
            result = scan(token, registry, previous, quoted=bool(quoting or open_quotes))
            previous = result.last_law
            found.extend((index, c) for c in result.citations)
        open_quotes += sum(token.count(q) for q in OPEN_QUOTES)
        open_quotes = max(open_quotes - sum(token.count(q) for q in CLOSE_QUOTES), 0)
    return found


def _wrap(text: str, results: list[Resolved], prefix: str) -> str:
    out, pos = [], 0
    for n, result in enumerate(results):
        start, end = result.citation.span
        first, last = result.provisions[0], result.provisions[-1]
        href = first.get_absolute_url() if first is last else first.range_url_to(last)
        tip_id, tip = f"cite-{prefix}-{n}", html_lib.escape(_tooltip(result))
        out.append(
            f'{text[pos:start]}<a class="cite" href="{href}" aria-describedby="{tip_id}">'
            f'{text[start:end]}</a><span class="cite-text" id="{tip_id}">{tip}</span>'
        )
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _tooltip(result: Resolved) -> str:
    first = result.provisions[0]
    text = f"《{first.law.short_title}》{first.label}：" + " ".join(first.paragraphs())
    if len(result.provisions) > 1:
        text += f"（共 {len(result.provisions)} 条，点击查看全部）"
    return text if len(text) <= TOOLTIP_CHARS else text[: TOOLTIP_CHARS - 1] + "…"
