"""The laws' own pages. The provision page also lists citing articles, so it lives in
kb.articles (kb/articles/law_urls.py adds it to this namespace): laws knows nothing of articles."""

from django.urls import path

from kb.laws import views

app_name = "laws"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.law_detail, name="law"),
    path("<slug:slug>/<str:first>/to/<str:last>/", views.provision_range, name="range"),
]
