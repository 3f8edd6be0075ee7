import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

PREVIEW = "/markdownx/markdownify/"
UPLOAD = "/markdownx/upload/"


def _png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buf, format="PNG")
    return buf.getvalue()


def test_it_refuses_the_preview_to_anonymous_users(client, db):
    response = client.post(PREVIEW, {"content": "**x**"})
    assert response.status_code in (302, 403)
    assert b"<strong>" not in response.content


def test_it_refuses_the_preview_to_non_staff_users(client, db):
    user = get_user_model().objects.create_user("reader", password="pw-for-tests-1")
    client.force_login(user)
    response = client.post(PREVIEW, {"content": "**x**"})
    assert response.status_code in (302, 403)


def test_it_renders_the_preview_for_staff(staff_client):
    response = staff_client.post(PREVIEW, {"content": "**重要**<script>x</script>"})
    assert response.status_code == 200
    assert "<strong>重要</strong>" in response.content.decode()
    assert "<script" not in response.content.decode()


def test_it_answers_400_without_content(staff_client):
    assert staff_client.post(PREVIEW, {}).status_code == 400


def test_it_refuses_uploads_from_anonymous_users(client, db):
    upload = SimpleUploadedFile("a.png", _png_bytes(), content_type="image/png")
    response = client.post(UPLOAD, {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "x.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("x.txt", b"plain text", "text/plain"),
    ],
)
def test_it_refuses_svg_and_non_images(
    staff_client, settings, tmp_path, name, content, content_type
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = staff_client.post(UPLOAD, {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 400
    assert not any(tmp_path.rglob("*.*"))


def test_it_accepts_a_png_from_staff(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("x.png", _png_bytes(), content_type="image/png")
    response = staff_client.post(UPLOAD, {"image": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    assert "image_code" in response.json()
