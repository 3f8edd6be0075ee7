"""The laws' own pages. The provision page also lists citing articles, so it lives in
kb.articles (kb/articles/law_urls.py adds it to this namespace): laws knows nothing of articles."""

from django.urls import path

from kb.laws import pages

app_name = "laws"

urlpatterns = [
    path("", pages.index, name="index"),
    path("<slug:slug>/", pages.law_detail, name="law"),
    path("<slug:slug>/<str:first>/to/<str:last>/", pages.provision_range, name="range"),
]
