"""Admin mixins for rows the site or its readers make, never typed in by an editor."""


class NoAddAdmin:
    """A ModelAdmin or inline that adds no rows."""

    def has_add_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddAdmin):
    """Rows shown as they are: none added or changed here (deleting is still a permission)."""

    def has_change_permission(self, request, obj=None):
        return False
