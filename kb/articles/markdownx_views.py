"""markdownx endpoints, for staff only: the preview renders the public page's HTML; an upload
is kept only if Pillow finds an allowed raster image (markdownx trusts the declared type)."""

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from markdownx.forms import ImageForm
from markdownx.views import ImageUploadView
from PIL import Image

from kb.articles.rendering import markdownify

MAX_PREVIEW_CHARS = 200_000
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
NOT_AN_IMAGE = "只能上传 JPEG、PNG、GIF 或 WebP 图片（不接受 SVG 和其他文件）。"


@staff_member_required
@require_POST
def markdownify_view(request: HttpRequest) -> HttpResponse:
    content = request.POST.get("content")
    if content is None:
        return HttpResponseBadRequest("缺少 content 参数")
    if len(content) > MAX_PREVIEW_CHARS:
        return HttpResponseBadRequest("内容过长，无法预览")
    return HttpResponse(markdownify(content))


class SafeImageForm(ImageForm):
    def clean(self):
        if not self.files.get("image"):
            raise forms.ValidationError("没有收到文件。")
        upload = super().clean()  # the size limit, MARKDOWNX_UPLOAD_MAX_SIZE
        try:
            with Image.open(upload) as image:
                image.verify()
                found = image.format
        except Exception:
            found = None
        upload.seek(0)
        if found not in EXTENSIONS:
            raise forms.ValidationError(NOT_AN_IMAGE)
        upload.content_type = f"image/{found.lower()}"
        upload.name = f"image.{EXTENSIONS[found]}"
        return upload


class SafeImageUploadView(ImageUploadView):
    form_class = SafeImageForm

    def form_invalid(self, form):
        errors = [*form.non_field_errors(), *form.errors.get("image", [])]
        return JsonResponse({"error": " ".join(errors) or NOT_AN_IMAGE}, status=400)

    def form_valid(self, form):
        return JsonResponse({"image_code": f"![]({form.save(commit=True)})"})


upload_view = staff_member_required(require_POST(SafeImageUploadView.as_view()))
