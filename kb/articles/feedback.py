"""“这篇文章有帮助吗”: validating, rate-limiting and storing readers' answers."""

import csv
import hashlib
import io
import re
from functools import lru_cache

from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from kb.articles.models import Article, Feedback
from kb.core.ratelimit import allow, client_address

RATE_LIMIT = 10  # answers per client and article…
RATE_WINDOW = 3600  # …per hour
REASON_MAX = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label="这篇文章有帮助吗？",
        choices=[("yes", "有帮助"), ("no", "没帮助")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "请选择“有帮助”或“没帮助”。",
            "invalid_choice": "请选择“有帮助”或“没帮助”。",
        },
    )
    reason = forms.CharField(
        label="原因（选填）",
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
        error_messages={"max_length": f"原因最多 {REASON_MAX} 个字。"},
    )
    hant = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        """Plain text only: tags and control characters are dropped, whitespace collapsed."""
        text = _CONTROL.sub("", strip_tags(self.cleaned_data["reason"]))
        return " ".join(text.split())[:REASON_MAX]


def client_hash(request) -> str:
    """A salted hash of the client address: enough to tell answers apart, useless to identify
    anyone. The address is the rate limits' (behind DJANGO_BEHIND_PROXY, the proxy's entry)."""
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:feedback:{address}".encode()).hexdigest()


def over_limit(request, article: Article) -> bool:
    """Count this answer; True once the client passes RATE_LIMIT answers to this article in
    the window (kb/core/ratelimit.py: shared by workers through Redis, lets answers through if
    the cache is down, off with DJANGO_RATELIMIT=0)."""
    return not allow(request, f"feedback:{article.pk}", RATE_LIMIT, RATE_WINDOW)


def record(article: Article, form: FeedbackForm, client: str) -> Feedback:
    data = form.cleaned_data
    return Feedback.objects.create(
        article=article, helpful=data["helpful"], reason=data["reason"], client_hash=client
    )


def _cell(value) -> str:
    """Neutralise spreadsheet formulas in reader-written text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def feedback_csv(queryset) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["文章", "网址", "有帮助", "原因", "提交时间"])
    for fb in queryset.select_related("article").order_by("-created_at"):
        writer.writerow(
            [
                _cell(fb.article.title),
                fb.article.get_absolute_url(),
                "是" if fb.helpful else "否",
                _cell(fb.reason),
                fb.created_at.isoformat(),
            ]
        )
    return "\ufeff" + out.getvalue()  # BOM so spreadsheet programs read UTF-8


def counts(article: Article) -> dict[str, int]:
    return article.feedback.aggregate(
        yes=Count("id", filter=Q(helpful=True)), no=Count("id", filter=Q(helpful=False))
    )


_SLUG_MARK = "__article_slug__"


@lru_cache(maxsize=2)
def _blank_form_html(hant: bool) -> str:
    context = {"article": {"slug": _SLUG_MARK}, "form": FeedbackForm(initial={"hant": hant})}
    return render_to_string("articles/includes/feedback_form.html", context)


def blank_form_html(slug: str, hant: bool) -> str:
    """The article page's empty feedback form. The same for every article but its address, so
    it is rendered once per process: the form's widgets are templates of their own, and were
    an eighth of an uncached article page's rendering time."""
    return mark_safe(_blank_form_html(hant).replace(_SLUG_MARK, slug))
