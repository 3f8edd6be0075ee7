"""Admin helpers: mixins for rows the site or its readers make, CSV downloads."""

import csv

from django.http import HttpResponse


class NoAddAdmin:
    """A ModelAdmin or inline that adds no rows."""

    def has_add_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddAdmin):
    """Rows shown as they are: none added or changed here (deleting is still a permission)."""

    def has_change_permission(self, request, obj=None):
        return False


FORMULA = ("=", "+", "-", "@", "\t", "\r")  # how a cell a spreadsheet would run starts


def csv_download(filename: str, rows) -> HttpResponse:
    """`rows` as a CSV attachment spreadsheets read as UTF-8 (a BOM), formulas neutralised."""
    response = HttpResponse("\ufeff", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in rows:
        writer.writerow(f"'{cell}" if cell.startswith(FORMULA) else cell for cell in map(str, row))
    return response
