"""The laws' own pages; kb/articles/law_urls.py adds the provision page, which lists articles."""

from django.urls import path

from kb.laws import pages

app_name = "laws"

urlpatterns = [
    path("", pages.index, name="index"),
    path("<slug:slug>/", pages.law_detail, name="law"),
    path("<slug:slug>/<str:first>/to/<str:last>/", pages.provision_range, name="range"),
]
