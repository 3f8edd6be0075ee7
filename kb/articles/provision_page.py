"""One page per provision: the laws data plus the published articles that cite it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kb.articles.models import Article
from kb.laws.pages import provision_context


@require_safe
def provision(request: HttpRequest, law_slug: str, number: str) -> HttpResponse:
    context = provision_context(law_slug, number)
    citing = (
        Article.objects.published().for_list().filter(citations__provision=context["provision"])
    )
    context["cited_by"] = list(citing.distinct())
    return render(request, "laws/provision.html", context)
