"""The 繁體 mirror: every public HTML page also answers under /zh-hant/, converted with OpenCC.

"s2tw" changes the script, never the words (s2twp would reword statutes: 信息 → 資訊).
`_CORRECTIONS` fixes OpenCC's misreadings; tests/core/test_hant.py checks every shipped provision.
Feeds, the sitemap, the API, admin and static files redirect (301) to their simplified URL.
"""

import hashlib
import re

import opencc
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotAllowed, HttpResponsePermanentRedirect

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
# OpenCC s2tw misreadings → what the text means.
_CORRECTIONS = {
    "違揹": "違背",  # 违背他人: 背他 read as 揹他 (carry on the back)
    "錶示": "表示",  # 反对表示: 对表 read as 對錶 (a watch)
    "摺價": "折價",  # 对折价: 对折 read as 對摺 (fold in two)
    "嚮應": "向應",  # 向应收账款…, 向应当…: 向应 read as 嚮應 (respond)
    "逃逸緻": "逃逸致",  # 逃逸致人死亡: 逸致 read as 逸緻 (leisurely mood)
    "采取": "採取",
    "采礦": "採礦",
    "銷燬": "銷毀",  # the Taiwan standard form
    # 办理发售, 限额发放, 向发卡银行…: 理发 read as 理髮 (haircut), 额发 as 額髮 (fringe)
    **{f"髮{c}": f"發{c}" for c in "售行放卡送"},
    # 这只能…: 这只 read as 這隻 (this one [animal])
    **{f"隻{w}": f"只{w}" for w in ["能", "有", "要", "會", "在", "是", "需", "影響"]},
}
_CONVERTER = opencc.OpenCC("s2tw")
_CORRECTION = re.compile("|".join(map(re.escape, sorted(_CORRECTIONS, key=len, reverse=True))))


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
    return _CORRECTION.sub(lambda m: _CORRECTIONS[m.group(0)], _CONVERTER.convert(text))


def convert_html(html: str) -> str:
    """Simplified page → traditional page (text converted, links kept in the mirror)."""
    return rewrite_links(_HANS_SWITCH.sub(r"\1简体\2", to_traditional(html)))


def convert_cached(html: str) -> str:
    """convert_html(), cached by a hash of the page with its CSRF tokens masked out."""
    masked = _CSRF.sub(rf'\g<1>{_CSRF_MARK}"', html)
    key = "hant:" + hashlib.sha256(masked.encode()).hexdigest()
    converted = cache.get(key)
    if converted is None:
        converted = convert_html(masked)
        cache.set(key, converted, CACHE_SECONDS)
    for match in _CSRF.finditer(html):
        converted = converted.replace(_CSRF_MARK, match.group(2), 1)
    return converted


class HantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.hant = False
        path = request.path_info
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            return self.get_response(request)
        # Leading slashes and backslashes collapse to one: never a protocol-relative redirect.
        simplified = "/" + path[len(PREFIX) :].lstrip("/\\")
        if not is_mirrored(simplified):
            if request.method not in ("GET", "HEAD"):  # a redirect would drop the form's data
                message = "这个地址没有繁體版；请在简体页面提交表单。"
                return HttpResponseNotAllowed(["GET", "HEAD"], message)
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(simplified + (f"?{query}" if query else ""))
        request.hant = True
        original = request.path_info, request.path
        request.path_info = simplified
        request.path = request.META.get("SCRIPT_NAME", "").rstrip("/") + simplified
        response = self.get_response(request)
        # Outer middleware (the page cache's key) sees the address the reader asked for.
        request.path_info, request.path = original
        location = response.get("Location", "")
        if response.status_code in (301, 302, 303, 307, 308) and location.startswith("/"):
            response["Location"] = hant_path(location)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset, errors="replace")
        # Answers to a POST and private answers (no-store: a reader's own values) are not cached.
        private = "no-store" in response.get("Cache-Control", "")
        cached = request.method in ("GET", "HEAD") and not private
        response.content = (convert_cached(html) if cached else convert_html(html)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        response.headers.pop("ETag", None)
        response["Content-Language"] = "zh-Hant"
        return response
