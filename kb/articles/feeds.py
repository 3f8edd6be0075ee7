"""RSS feeds of published articles: the whole site and one per category."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy

from kb.articles.models import Article, Category

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    title = "信用债务知识库 · 最新文章"
    description = "网贷、借呗、花呗、信用卡逾期后会怎样、该怎么办、法律怎么规定。"

    link = reverse_lazy("articles:home")

    def items(self):
        return Article.objects.published().for_list()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title  # not Django's default, which escapes it a second time

    def item_description(self, item: Article) -> str:
        return item.short_answer

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article):
        return [item.category.name]


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Category:
        return get_object_or_404(Category, slug=slug)

    def title(self, obj: Category) -> str:
        return f"信用债务知识库 · {obj.name}"

    def description(self, obj: Category) -> str:
        return obj.description or f"“{obj.name}”分类的最新文章。"

    def link(self, obj: Category) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Category):
        return (
            Article.objects.published()
            .for_list()
            .filter(Q(category=obj) | Q(category__parent=obj))[:FEED_SIZE]
        )
