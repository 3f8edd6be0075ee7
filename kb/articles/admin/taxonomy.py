from django.contrib import admin

from kb.articles.models import Category, Tag
from kb.core.content_version import ChangesContent


@admin.register(Category)
class CategoryAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "order"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]


@admin.register(Tag)
class TagAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
