from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from kb.articles import pages
from kb.articles.models import Article, Category, Tag


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/home.html", pages.home_context())


@require_GET
def category(request: HttpRequest, slug: str) -> HttpResponse:
    cat = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    return render(request, "articles/category.html", pages.category_context(cat))


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = pages.article_for(request, slug)
    response = render(request, "articles/detail.html", pages.article_context(article))
    if not article.is_published():
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def api_detail(request: HttpRequest, slug: str) -> JsonResponse:
    article = Article.objects.published().select_related("category").prefetch_related("tags").filter(slug=slug).first()
    if article is None:
        return JsonResponse({"error": "文章不存在或尚未发布"}, status=404)
    return JsonResponse(pages.article_json(request, article), json_dumps_params={"ensure_ascii": False})




@require_GET
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag_obj = get_object_or_404(Tag, slug=slug)
    return render(request, "articles/tag.html", pages.tag_context(tag_obj))
