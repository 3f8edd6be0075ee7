"""The article page's blank “这篇文章有帮助吗” form (answers are kb/core/feedback.py's)."""

from functools import lru_cache

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kb.core.feedback import FeedbackForm

_SLUG_MARK = "__article_slug__"


@lru_cache(maxsize=2)
def _blank_form_html(hant: bool) -> str:
    context = {"article": {"slug": _SLUG_MARK}, "form": FeedbackForm(initial={"hant": hant})}
    return render_to_string("articles/includes/feedback_form.html", context)


def blank_form_html(slug: str, hant: bool) -> str:
    """The same for every article but its address, so rendered once per process: the form's
    widgets were an eighth of an uncached article page's rendering time."""
    return mark_safe(_blank_form_html(hant).replace(_SLUG_MARK, slug))
