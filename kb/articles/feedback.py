"""“这篇文章有帮助吗”: the article page's blank form, the counts and the CSV for editors.

Validating, rate-limiting and storing an answer is kb/core/feedback.py's, shared with the guide.
"""

import csv
import io
from functools import lru_cache

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kb.articles.models import Article
from kb.core.feedback import FeedbackForm


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
