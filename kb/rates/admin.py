from django import forms
from django.contrib import admin, messages
from django.utils import timezone

from kb.core.content_version import ChangesContent
from kb.rates.lpr import staleness_warning
from kb.rates.models import LprRate, Threshold


@admin.register(LprRate)
class LprRateAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ("published", "one_year", "over_five_years", "confirmed_through")
    date_hierarchy = "published"
    search_fields = ("source",)

    def changelist_view(self, request, extra_context=None):
        confirmed = LprRate.objects.table().confirmed_through
        warning = staleness_warning(confirmed, timezone.localdate())
        if warning and request.method == "GET":
            messages.warning(request, warning)
        return super().changelist_view(request, extra_context)


class ThresholdForm(forms.ModelForm):
    """Every reference line states where it comes from and since when it applies."""

    class Meta:
        model = Threshold
        fields = [
            "slug",
            "name",
            "kind",
            "rate_percent",
            "lpr_multiple",
            "effective_date",
            "citation",
            "url",
            "applies_to",
            "source_text",
            "order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effective_date"].required = True
        self.fields["effective_date"].error_messages["required"] = (
            "请填写生效日期：这条规则开始适用的日期（监管文件填印发日期）。"
        )


@admin.register(Threshold)
class ThresholdAdmin(ChangesContent, admin.ModelAdmin):
    form = ThresholdForm
    list_display = (
        "name",
        "kind",
        "lpr_multiple",
        "rate_percent",
        "effective_date",
        "citation",
        "order",
    )
    list_filter = ("kind",)
    list_editable = ("order",)
    search_fields = ("name", "citation", "applies_to")
