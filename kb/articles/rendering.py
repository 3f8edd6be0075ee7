"""The one Markdown pipeline (public page and admin preview): Markdown → citation links → nh3."""

from dataclasses import dataclass

import markdown
import nh3

from kb.articles.citation_links import CitationHit, CitationMiss, link_citations
from kb.articles.slugs import pinyin_slug

ALLOWED_TAGS = set(
    "a abbr b blockquote br caption code dd del details div dl dt em h2 h3 h4 h5 h6 hr i img "
    "li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th thead tr u ul".split()
)
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href", "aria-describedby"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

EXTENSIONS = ["extra", "sane_lists", "toc"]
TOC = {"toc_depth": "2-3", "slugify": lambda heading, sep: "h-" + pinyin_slug(heading, 60)}


@dataclass
class Rendered:
    html: str
    toc_html: str
    citations: list[CitationHit]
    unresolved: list[CitationMiss]


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(source: str) -> Rendered:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": TOC})
    html, hits, misses = link_citations(md.convert(source or ""))
    toc = sanitise(md.toc) if md.toc_tokens else ""
    return Rendered(html=sanitise(html), toc_html=toc, citations=hits, unresolved=misses)


def render_article(article) -> Rendered:
    """Fill an article's stored HTML (body, table of contents) from its Markdown."""
    rendered = render_markdown(article.body)
    article.body_html = rendered.html
    article.toc_html = rendered.toc_html
    return rendered


def markdownify(source: str) -> str:
    """MARKDOWNX_MARKDOWNIFY_FUNCTION: the admin preview shows exactly the public HTML."""
    return render_markdown(source).html
