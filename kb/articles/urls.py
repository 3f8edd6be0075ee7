from django.urls import path, re_path

from kb.articles import views
from kb.articles.feeds import CategoryFeed, LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("category/<slug:slug>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("articles/<slug:slug>/", views.detail, name="detail"),
    path("articles/<slug:slug>/qr.svg", views.qr_svg, name="qr"),
    path("articles/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("articles/<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback-thanks"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("category/<slug:slug>/feed/", CategoryFeed(), name="category-feed"),
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.archive, name="archive"),
    path("api/articles/<slug:slug>/", views.api_detail, name="api-detail"),
]
