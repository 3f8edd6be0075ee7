"""Traditional-Chinese mirror: every public HTML page also answers under /zh-hant/…

The prefix is stripped from the request path (request.hant = True), the same view runs, and its
HTML is converted with OpenCC; root-relative links are rewritten to stay under /zh-hant/.

Configuration: OpenCC "s2tw" — character-for-character conversion to the Taiwan-standard glyphs
that most readers of traditional script see in print (為, 裡, 著 rather than OpenCC's 爲, 裏, 着),
and nothing more. The phrase-level configuration (s2twp) also swaps mainland vocabulary for
Taiwanese — 个人信息 becomes 個人資訊, 发布 becomes 釋出 — which would misquote statutes that must
stay verbatim and sever a term from the law that defines it (《个人信息保护法》). s2tw changes the
script, never the words. Measured on the shipped statutes (fixtures/laws.json): s2twp would
reword hundreds of the shipped provisions (信息 → 資訊 hundreds of times, 知识产权 → 智慧財產權, 注销 → 登出…);
s2t differs from s2tw only in glyph variants (爲/為, 僞/偽, 衆/眾…).

OpenCC's phrase segmentation still misreads a few sequences that occur in those statutes and in
our own prose (违背他人 → 違揹他人, 反对表示 → 反對錶示, 向应收账款 → 嚮應收賬款, 这只会 → 這隻會,
发卡银行 → 髮卡銀行…). `_CORRECTIONS` puts them right after conversion; each entry is a sequence
that is wrong wherever it appears on this site, and tests/core/test_hant.py converts every
shipped provision to prove none of them survives.

Only HTML is mirrored. Feeds, the sitemap, robots.txt and the JSON API are data for machines:
under /zh-hant/ they redirect (301) to the one simplified URL. Admin, markdownx, static and
media likewise redirect (and refuse other methods with a 405: a redirect would drop a form's
data). Forms on mirrored pages (search, guide, rate checker, feedback) post or get inside the
mirror, so a reader's error messages, thanks and next steps stay in 繁體. Converted pages are
cached by a hash of the simplified HTML (CSRF tokens masked out), so an edit shows at once —
new HTML, new key — while repeat views skip OpenCC; answers to a POST are converted uncached.
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
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]*)"')
# The 简体 link of the script switch names its target in simplified script (lang="zh-Hans").
_HANS_SWITCH = re.compile(r'(lang="zh-Hans">)簡體(</a>)')
_CSRF_MARK = "__csrf_token__"
# OpenCC s2tw output → what the text means (see the module docstring).
_CORRECTIONS = {
    "違揹": "違背",  # 违背他人: 背他 read as 揹他 (carry on the back)
    "錶示": "表示",  # 反对表示: 对表 read as 對錶 (a watch)
    "摺價": "折價",  # 对折价: 对折 read as 對摺 (fold in two)
    "嚮應": "向應",  # 向应收账款…, 向应当…: 向应 read as 嚮應 (respond)
    "逃逸緻": "逃逸致",  # 逃逸致人死亡: 逸致 read as 逸緻 (leisurely mood)
    "髮售": "發售",  # 办理发售: 理发 read as 理髮 (haircut)
    "髮行": "發行",
    "髮放": "發放",  # 限额发放: 额发 read as 額髮 (fringe)
    "髮卡": "發卡",  # 向发卡银行
    "髮送": "發送",  # 保留发送记录
    "采取": "採取",
    "采礦": "採礦",
    "銷燬": "銷毀",  # the Taiwan standard form
    "隻能": "只能",  # 这只能…: 这只 read as 這隻 (this one [animal])
    "隻有": "只有",
    "隻要": "只要",
    "隻會": "只會",
    "隻在": "只在",
    "隻是": "只是",
    "隻需": "只需",
    "隻影響": "只影響",
}
_CORRECTION = re.compile("|".join(map(re.escape, sorted(_CORRECTIONS, key=len, reverse=True))))


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
    """Keep root-relative href/action links (form actions too) under /zh-hant/."""
    return _LINK.sub(lambda m: f'{m.group(1)}{hant_path(m.group(2))}"', html)


def to_traditional(text: str) -> str:
    """OpenCC s2tw, with the known misreadings put right."""
    return _CORRECTION.sub(lambda m: _CORRECTIONS[m.group(0)], _converter().convert(text))


def convert_html(html: str) -> str:
    """Simplified page → traditional page (text converted, links kept in the mirror)."""
    return rewrite_links(_HANS_SWITCH.sub(r"\1简体\2", to_traditional(html)))


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
        if not is_mirrored(simplified):
            if request.method not in ("GET", "HEAD"):
                return HttpResponseNotAllowed(
                    ["GET", "HEAD"], "这个地址没有繁體版；请在简体页面提交表单。"
                )
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(simplified + (f"?{query}" if query else ""))
        request.hant = True
        original = request.path_info, request.path
        request.path_info = simplified
        request.path = request.META.get("SCRIPT_NAME", "").rstrip("/") + simplified
        response = self.get_response(request)
        # A private answer (a letter, the rate checker's numbers) holds a reader's own values:
        # converted afresh, never kept in the cache.
        private = "no-store" in response.get("Cache-Control", "")
        cached = request.method in ("GET", "HEAD") and not private
        response = self.convert(response, cached=cached)
        # Outer middleware (the page cache's key) sees the address the reader asked for.
        request.path_info, request.path = original
        return response

    def convert(self, response: HttpResponse, cached: bool = True) -> HttpResponse:
        location = response.get("Location", "")
        if response.status_code in (301, 302, 303, 307, 308) and location.startswith("/"):
            response["Location"] = hant_path(location)
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False) or not content_type.startswith("text/html"):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset, errors="replace")
        converted = convert_cached(html) if cached else convert_html(html)
        response.content = converted.encode(charset)
        if response.has_header("Content-Length"):
            response.headers["Content-Length"] = str(len(response.content))
        response.headers.pop("ETag", None)
        response.headers["Content-Language"] = "zh-Hant"
        return response
