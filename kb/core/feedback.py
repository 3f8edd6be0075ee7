"""“有帮助吗” answers from readers, for any page that asks: a model built on `ReaderFeedback`
(plus a foreign key to the subject), and a view that calls `take_answer()`."""

import hashlib
import re

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import redirect, render
from django.utils.html import strip_tags

from kb.core.hant import hant_path
from kb.core.ratelimit import allow, client_address

RATE_LIMIT = 10  # answers per client and subject…
RATE_WINDOW = 3600  # …per hour
REASON_MAX = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ReaderFeedback(models.Model):
    """One reader's answer. `SUBJECT` names the attribute shown as what it is about."""

    SUBJECT = "pk"

    helpful = models.BooleanField("有帮助")
    reason = models.CharField("原因", max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{getattr(self, self.SUBJECT)}: {'有帮助' if self.helpful else '没帮助'}"


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label="这篇文章有帮助吗？",
        choices=[("yes", "有帮助"), ("no", "没帮助")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages=dict.fromkeys(["required", "invalid_choice"], "请选择“有帮助”或“没帮助”。"),
    )
    reason = forms.CharField(
        label="原因（选填）",
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"原因最多 {REASON_MAX} 个字。"},
    )
    hant = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        """Plain text only: tags and control characters are dropped, whitespace collapsed."""
        text = _CONTROL.sub("", strip_tags(self.cleaned_data["reason"]))
        return " ".join(text.split())[:REASON_MAX]


def take_answer(request, model, scope, template, context, thanks_url, **subject):
    """Store one answer about `subject` and redirect to `thanks_url` (in the reader's script);
    or render `template` again with the form's errors (400) or over the rate limit (429)."""
    form = FeedbackForm(request.POST)
    context = {**context, "form": form}
    if not form.is_valid():
        return render(request, template, context, status=400)
    if not allow(request, scope, RATE_LIMIT, RATE_WINDOW):
        return render(request, template, {**context, "limited": True}, status=429)
    data = form.cleaned_data
    # A salted hash of the client address: tells answers apart, identifies nobody.
    salted = f"{settings.SECRET_KEY}:feedback:{client_address(request)}"
    digest = hashlib.sha256(salted.encode()).hexdigest()
    model.objects.create(
        helpful=data["helpful"], reason=data["reason"], client_hash=digest, **subject
    )
    return redirect(hant_path(thanks_url) if data["hant"] else thanks_url)
