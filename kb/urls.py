from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from kb.articles.markdownx_views import markdownify_view, upload_view
from kb.core import views as core_views
from kb.site.sitemaps import sitemap

handler400 = "kb.core.views.bad_request"
handler500 = "kb.core.views.server_error"

admin.site.site_header = "信用债务知识库 · 编辑后台"
admin.site.site_title = "信用债务知识库后台"
admin.site.index_title = "内容管理"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("markdownx/markdownify/", markdownify_view, name="markdownx_markdownify"),
    path("markdownx/upload/", upload_view, name="markdownx_upload"),
    # The review queue's address before it moved from core to articles (editors' bookmarks).
    path(
        f"{settings.ADMIN_PATH}/core/reviewqueuearticle/",
        RedirectView.as_view(
            pattern_name="admin:articles_reviewqueuearticle_changelist", query_string=True
        ),
    ),
    path(f"{settings.ADMIN_PATH}/", admin.site.urls),
    path("laws/", include("kb.articles.law_urls")),  # laws pages + the provision page (cites)
    path("guide/", include("kb.guide.urls")),
    path("letters/", include("kb.letters.urls")),
    path("", include("kb.search.urls")),
    path("", include("kb.rates.urls")),
    path("", include("kb.articles.urls")),
]
