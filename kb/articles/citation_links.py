"""Citation hook of the render pipeline: find citations in rendered HTML and link them.

Filled in by the laws-and-citations work: it parses text nodes (outside <a>, <code>, <pre>)
with kb.laws.citations, resolves each hit against the provisions in the database and wraps
resolved ones in a link to the provision page.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CitationHit:
    provision_id: int
    raw_text: str
    paragraph: int | None = None
    item: int | None = None


@dataclass(frozen=True)
class CitationMiss:
    raw_text: str
    reason: str


def link_citations(html: str) -> tuple[str, list[CitationHit], list[CitationMiss]]:
    return html, [], []
