"""FAQ entries: inline on their article, and on their own page with their history."""

from django.contrib import admin

from kb.articles import revisions
from kb.articles.models import FAQ
from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.core.workflow import can_publish


def faq_editable(request, article) -> bool:
    """Readers see a published article's FAQ at once: a 编辑 cannot change it (a pending
    revision covers the article's own fields only), a 审核 can."""
    return article is None or can_publish(request.user) or not revisions.is_live(article)


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    show_change_link = True  # each entry's own page, with its history

    def _editable(self, request, obj) -> bool:
        return faq_editable(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


@admin.register(FAQ)
class FAQAdmin(ChangesContent, HistoryAdmin):
    """One FAQ entry with its history (who changed the answer, a diff, revert). Entries are
    written on their article's page; the same rule applies here, reverts included."""

    list_display = ["question", "article", "order"]
    list_select_related = ["article"]
    search_fields = ["question", "answer", "article__title"]
    autocomplete_fields = ["article"]

    def has_add_permission(self, request):
        # A 编辑 adds entries on the article's page, where a live article's FAQ is locked.
        return can_publish(request.user) and super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        # An entry stays with its article: moving a draft's entry onto a live article would
        # get round the rule above.
        return ["article"] if obj is not None else []

    def _editable(self, request, obj) -> bool:
        return faq_editable(request, obj.article if obj is not None else None)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)
