"""The /laws/ URLconf as the site mounts it: the laws app's pages plus the provision page,
which needs articles ("引用本条的文章") and therefore lives on this side of the dependency."""

from django.urls import path

from kb.articles import provision_page
from kb.laws.urls import app_name
from kb.laws.urls import urlpatterns as laws_urlpatterns

__all__ = ["app_name", "urlpatterns"]

urlpatterns = [
    *laws_urlpatterns,
    path("<slug:law_slug>/<str:number>/", provision_page.provision, name="provision"),
]
