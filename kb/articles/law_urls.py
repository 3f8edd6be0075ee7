"""The /laws/ URLconf as the site mounts it: the laws app's pages plus the provision page, which
lists the articles citing the provision and so lives on this side of the dependency."""

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from kb.articles.models import Article
from kb.laws.pages import provision_context
from kb.laws.urls import app_name
from kb.laws.urls import urlpatterns as laws_urlpatterns

__all__ = ["app_name", "urlpatterns"]


@require_safe
def provision(request, law_slug: str, number: str):
    context = provision_context(law_slug, number)
    citing = (
        Article.objects.published().for_list().filter(citations__provision=context["provision"])
    )
    context["cited_by"] = list(citing.distinct())
    return render(request, "laws/provision.html", context)


urlpatterns = [
    *laws_urlpatterns,
    path("<slug:law_slug>/<str:number>/", provision, name="provision"),
]
