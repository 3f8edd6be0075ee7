"""Image uploads from the Markdown editor, checked by content rather than by what the browser says.

markdownx trusts the declared content type: a text or HTML file sent as image/gif would be stored
as is, under the uploaded name's extension. Here Pillow must recognise the bytes as one of the
allowed raster formats (JPEG, PNG, GIF, WebP — never SVG, which can carry scripts), and the file
is stored under the extension of the detected format. Size is capped by
MARKDOWNX_UPLOAD_MAX_SIZE; answers are always JSON (400 with a Chinese message on refusal).
"""

from django import forms
from django.http import JsonResponse
from markdownx.forms import ImageForm
from markdownx.views import ImageUploadView
from PIL import Image

FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "GIF": ("image/gif", "gif"),
    "WEBP": ("image/webp", "webp"),
}
NOT_AN_IMAGE = "只能上传 JPEG、PNG、GIF 或 WebP 图片（不接受 SVG 和其他文件）。"


def detect_format(upload) -> str | None:
    """The Pillow format name of an uploaded file, or None when it is not a whole allowed image."""
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            found = image.format
    except Exception:
        return None
    finally:
        upload.seek(0)
    return found if found in FORMATS else None


class SafeImageForm(ImageForm):
    def clean(self):
        if not self.files.get("image"):
            raise forms.ValidationError("没有收到文件。")
        upload = super().clean()
        found = detect_format(upload)
        if found is None:
            raise forms.ValidationError(NOT_AN_IMAGE)
        upload.content_type, extension = FORMATS[found]
        upload.name = f"image.{extension}"
        return upload


class SafeImageUploadView(ImageUploadView):
    form_class = SafeImageForm

    def form_invalid(self, form):
        errors = [str(e) for e in form.non_field_errors()] + [
            str(e) for e in form.errors.get("image", [])
        ]
        return JsonResponse({"error": " ".join(errors) or NOT_AN_IMAGE}, status=400)

    def form_valid(self, form):
        return JsonResponse({"image_code": f"![]({form.save(commit=True)})"})
