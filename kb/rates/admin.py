from django.contrib import admin, messages

from kb.core.content_version import ChangesContent
from kb.rates.models import LprRate, Threshold


@admin.register(LprRate)
class LprRateAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ("published", "one_year", "over_five_years", "confirmed_through")
    date_hierarchy = "published"
    search_fields = ("source",)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET" and (warning := LprRate.objects.staleness_warning()):
            messages.warning(request, warning)
        return super().changelist_view(request, extra_context)


@admin.register(Threshold)
class ThresholdAdmin(ChangesContent, admin.ModelAdmin):
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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "effective_date":  # every reference line states since when it applies
            kwargs["required"] = True
            kwargs["error_messages"] = {
                "required": "请填写生效日期：这条规则开始适用的日期（监管文件填印发日期）。"
            }
        return super().formfield_for_dbfield(db_field, request, **kwargs)
