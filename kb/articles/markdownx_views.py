"""markdownx endpoints, for staff only: the preview renders the public page's HTML."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_POST

from kb.articles.rendering import markdownify
from kb.articles.uploads import SafeImageUploadView

MAX_PREVIEW_CHARS = 200_000


@staff_member_required
@require_POST
def markdownify_view(request: HttpRequest) -> HttpResponse:
    content = request.POST.get("content")
    if content is None:
        return HttpResponseBadRequest("缺少 content 参数")
    if len(content) > MAX_PREVIEW_CHARS:
        return HttpResponseBadRequest("内容过长，无法预览")
    return HttpResponse(markdownify(content))


upload_view = staff_member_required(require_POST(SafeImageUploadView.as_view()))
