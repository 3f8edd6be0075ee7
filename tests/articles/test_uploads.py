"""Editor image uploads: checked by content, stored under the detected format's extension."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

UPLOAD = "/markdownx/upload/"
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def image_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buf, format=fmt)
    return buf.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("declared", ["image/png", "image/gif", "image/jpeg"])
def test_it_refuses_html_disguised_as_an_image(staff_client, media, declared):
    upload = SimpleUploadedFile(
        "x.html", b"<html><script>alert(1)</script></html>", content_type=declared
    )
    response = staff_client.post(UPLOAD, {"image": upload}, **AJAX)
    assert response.status_code == 400
    assert "只能上传" in response.json()["error"]
    assert not any(media.rglob("*.*"))


def test_it_refuses_svg(staff_client, media):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    upload = SimpleUploadedFile("x.svg", svg, content_type="image/svg+xml")
    assert staff_client.post(UPLOAD, {"image": upload}, **AJAX).status_code == 400
    assert not any(media.rglob("*.*"))


def test_it_refuses_files_over_the_size_limit(staff_client, media, settings):
    import markdownx.forms

    big = image_bytes("PNG") + b"\0" * 2048
    original = markdownx.forms.MARKDOWNX_UPLOAD_MAX_SIZE
    markdownx.forms.MARKDOWNX_UPLOAD_MAX_SIZE = 1024
    try:
        upload = SimpleUploadedFile("x.png", big, content_type="image/png")
        response = staff_client.post(UPLOAD, {"image": upload}, **AJAX)
    finally:
        markdownx.forms.MARKDOWNX_UPLOAD_MAX_SIZE = original
    assert response.status_code == 400
    assert not any(media.rglob("*.*"))


@pytest.mark.parametrize(
    ("fmt", "declared", "ext"), [("PNG", "image/png", "png"), ("GIF", "image/gif", "gif")]
)
def test_it_stores_real_images_under_their_detected_extension(
    staff_client, media, fmt, declared, ext
):
    upload = SimpleUploadedFile("picture.html", image_bytes(fmt), content_type=declared)
    response = staff_client.post(UPLOAD, {"image": upload}, **AJAX)
    assert response.status_code == 200
    assert response.json()["image_code"].endswith(f".{ext})")
    stored = [p for p in media.rglob("*") if p.is_file()]
    assert [p.suffix for p in stored] == [f".{ext}"]


def test_it_answers_json_without_the_ajax_header(staff_client, media):
    upload = SimpleUploadedFile("x.txt", b"text", content_type="text/plain")
    response = staff_client.post(UPLOAD, {"image": upload})
    assert response.status_code == 400
    assert "error" in response.json()


def test_it_refuses_an_empty_post(staff_client, media):
    assert staff_client.post(UPLOAD, {}, **AJAX).status_code == 400
