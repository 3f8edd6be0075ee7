from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kb.laws import pages


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "laws/index.html", pages.index_context())


@require_safe
def law_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "laws/law.html", pages.law_context(slug))


@require_safe
def provision_range(request: HttpRequest, slug: str, first: str, last: str) -> HttpResponse:
    return render(request, "laws/range.html", pages.range_context(slug, first, last))
