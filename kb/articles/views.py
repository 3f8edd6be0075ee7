import io

import segno
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from kb.articles import discovery, pages
from kb.articles.models import Article, Category, Feedback, Tag
from kb.core.feedback import take_answer
from kb.core.hant import hant_path
from kb.core.origin import require_same_origin
from kb.core.preview import private
from kb.core.seo import absolute


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/home.html", pages.home_context())


@require_safe
def category(request: HttpRequest, slug: str) -> HttpResponse:
    cat = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    context = pages.category_context(cat, request.GET.get("page"))
    return render(request, "articles/category.html", context)


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = pages.article_for(request, slug)
    response = render(request, "articles/detail.html", pages.article_context(article, request))
    return response if article.is_published() else private(response)


@require_safe
def api_detail(request: HttpRequest, slug: str) -> JsonResponse:
    article = (
        Article.objects.published()
        .select_related("category")
        .prefetch_related("tags")
        .filter(slug=slug)
        .first()
    )
    if article is None:
        return JsonResponse({"error": "文章不存在或尚未发布"}, status=404)
    return JsonResponse(
        pages.article_json(request, article), json_dumps_params={"ensure_ascii": False}
    )


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag_obj = get_object_or_404(Tag, slug=slug)
    return render(request, "articles/tag.html", pages.tag_context(tag_obj, request.GET.get("page")))


@require_safe
def archive(request: HttpRequest, year: str, month: str) -> HttpResponse:
    context = discovery.archive_context(int(year), int(month))
    if context is None:
        raise Http404("这个月份没有文章")
    return render(request, "articles/archive.html", context)


@require_safe
def qr_svg(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().only("slug"), slug=slug)
    path = article.get_absolute_url()
    url = absolute(request, hant_path(path) if request.GET.get("script") == "hant" else path)
    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", omitsize=True, title="用手机扫码打开本文")
    response = HttpResponse(svg.getvalue(), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_same_origin
@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().only("slug", "title"), slug=slug)
    return take_answer(
        request,
        Feedback,
        f"feedback:{article.pk}",
        "articles/feedback.html",
        {"article": article},
        reverse("articles:feedback-thanks", args=[article.slug]),
        article=article,
    )


@require_safe
def feedback_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().only("slug", "title"), slug=slug)
    return render(request, "articles/feedback.html", {"article": article, "thanks": True})
