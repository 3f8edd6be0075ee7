from django.contrib import admin

from kb.rates.models import LprRate, Threshold


@admin.register(LprRate)
class LprRateAdmin(admin.ModelAdmin):
    list_display = ("published", "one_year", "over_five_years", "confirmed_through")
    date_hierarchy = "published"
    search_fields = ("source",)


@admin.register(Threshold)
class ThresholdAdmin(admin.ModelAdmin):
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
