"""/floor/<n>/: the article page's finished HTML (read once from FLOOR_HTML) after n small
queries, through the site's whole middleware stack and no template: what a page costs before
any rendering (bench/floor.py). Every other URL is the site's."""

import os
from pathlib import Path

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from kb.urls import urlpatterns as site_urls

HTML = Path(os.environ["FLOOR_HTML"]).read_text(encoding="utf-8")
SLUG = os.environ.get("FLOOR_SLUG", "")


def floor(request: HttpRequest, queries: int) -> HttpResponse:
    for _ in range(queries):
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, title, slug FROM articles_article WHERE slug = %s", [SLUG])
            cursor.fetchall()
    return HttpResponse(HTML)


urlpatterns = [path("floor/<int:queries>/", floor), *site_urls]
