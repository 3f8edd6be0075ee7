from django.urls import path

from kb.articles import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("category/<slug:slug>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("articles/<slug:slug>/", views.detail, name="detail"),
    path("api/articles/<slug:slug>/", views.api_detail, name="api-detail"),
]
