"""Traditional-Chinese mirror: every public HTML page also answers under /zh-hant/…

The prefix is stripped from the request path (request.hant = True), the same view runs, and its
HTML is converted with OpenCC; root-relative links are rewritten to stay under /zh-hant/.

Configuration: OpenCC "s2tw" — character-for-character conversion to the Taiwan-standard glyphs
that most readers of traditional script see in print (為, 裡, 著 rather than OpenCC's 爲, 裏, 着),
and nothing more. The phrase-level configuration (s2twp) also swaps mainland vocabulary for
Taiwanese — 个人信息 becomes 個人資訊, 发布 becomes 釋出 — which would misquote statutes that must
stay verbatim and sever a term from the law that defines it (《个人信息保护法》). s2tw changes the
script, never the words.

Only HTML is mirrored. Feeds, the sitemap, robots.txt and the JSON API are data for machines:
under /zh-hant/ they redirect (301) to the one simplified URL. Admin, markdownx, static and
media likewise redirect. Non-GET requests are never mirrored (405): forms that POST keep their
simplified action. Converted pages are cached by a hash of the simplified HTML (CSRF tokens
masked out), so an edit shows at once — new HTML, new key — while repeat views skip OpenCC.
"""

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponsePermanentRedirect,
)

PREFIX = "/zh-hant"
CACHE_SECONDS = 24 * 3600

_NOT_MIRRORED = re.compile(
    r"^/(?:static|media|markdownx|api|healthz|robots\.txt|sitemap\.xml|feed)(?:/|$)"
    r"|/feed/$|\.(?:svg|xml|json|txt|csv)$"
)
_LINK = re.compile(r'(\s(?:href|action)=")(/(?!/)[^"]*)"')
_POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>", re.IGNORECASE)
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]*)"')
# The 简体 link of the script switch names its target in simplified script (lang="zh-Hans").
_HANS_SWITCH = re.compile(r'(lang="zh-Hans">)簡體(</a>)')
_CSRF_MARK = "__csrf_token__"


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2tw")


def is_mirrored(path: str) -> bool:
    """Whether a simplified path has a /zh-hant/ twin (HTML pages only)."""
    admin = f"/{settings.ADMIN_PATH}/"
    return (
        path.startswith("/")
        and not path.startswith((admin, PREFIX + "/", "//", "/\\"))
        and not _NOT_MIRRORED.search(path.split("?", 1)[0])
    )


def hant_path(path: str) -> str:
    """The /zh-hant/ twin of a simplified path (unchanged when the path is not mirrored)."""
    return PREFIX + path if is_mirrored(path) else path


def rewrite_links(html: str) -> str:
    """Keep root-relative href/action links under /zh-hant/, except POST form actions."""
    post_forms = [m.span() for m in _POST_FORM.finditer(html)]

    def sub(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in post_forms):
            return match.group(0)
        return f'{match.group(1)}{hant_path(match.group(2))}"'

    return _LINK.sub(sub, html)


def convert_html(html: str) -> str:
    """Simplified page → traditional page (text converted, links kept in the mirror)."""
    return rewrite_links(_HANS_SWITCH.sub(r"\1简体\2", _converter().convert(html)))


def convert_cached(html: str) -> str:
    tokens = [m.group(2) for m in _CSRF.finditer(html)]
    masked = _CSRF.sub(rf'\g<1>{_CSRF_MARK}"', html)
    key = "hant:" + hashlib.sha256(masked.encode()).hexdigest()
    converted = cache.get(key)
    if converted is None:
        converted = convert_html(masked)
        cache.set(key, converted, CACHE_SECONDS)
    for token in tokens:
        converted = converted.replace(_CSRF_MARK, token, 1)
    return converted


class HantMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.hant = False
        path = request.path_info
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            return self.get_response(request)
        # Leading slashes and backslashes collapse to one: "/zh-hant//evil.example" must not
        # become a protocol-relative redirect.
        simplified = "/" + path[len(PREFIX) :].lstrip("/\\")
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(
                ["GET", "HEAD"], "繁體版页面只能浏览；请在简体页面提交表单。"
            )
        if not is_mirrored(simplified):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(simplified + (f"?{query}" if query else ""))
        request.hant = True
        request.path_info = simplified
        request.path = request.META.get("SCRIPT_NAME", "").rstrip("/") + simplified
        return self.convert(self.get_response(request))

    def convert(self, response: HttpResponse) -> HttpResponse:
        location = response.get("Location", "")
        if response.status_code in (301, 302, 303, 307, 308) and location.startswith("/"):
            response["Location"] = hant_path(location)
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False) or not content_type.startswith("text/html"):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset, errors="replace")
        response.content = convert_cached(html).encode(charset)
        if response.has_header("Content-Length"):
            response.headers["Content-Length"] = str(len(response.content))
        response.headers.pop("ETag", None)
        response.headers["Content-Language"] = "zh-Hant"
        return response
