"""Admin login throttling (django-axes): locked after AXES_FAILURE_LIMIT wrong passwords."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse


def attempt(client, password):
    return client.post(
        reverse("admin:login"),
        {"username": "lawyer", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR="192.0.2.10",
    )


def test_it_locks_the_admin_login_after_repeated_failures(client, db):
    get_user_model().objects.create_user("lawyer", password="right-password-1", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode()
    still_locked = attempt(client, "right-password-1")
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_lets_the_right_password_in_before_the_limit(client, db):
    get_user_model().objects.create_user("lawyer", password="right-password-1", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        attempt(client, "wrong")
    response = attempt(client, "right-password-1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_it_serves_the_admin_under_the_configured_path(client, db):
    response = client.get(f"/{settings.ADMIN_PATH}/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{settings.ADMIN_PATH}/login/")


def test_it_moves_the_admin_with_django_admin_path(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "DJANGO_ADMIN_PATH": "bianji-houtai",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }
    code = (
        "from django.test import Client\n"
        "from django.urls import Resolver404, resolve, reverse\n"
        "print(reverse('admin:index'))\n"
        "print(resolve('/bianji-houtai/login/').view_name)\n"
        "try:\n    resolve('/admin/login/'); print('old path still served')\n"
        "except Resolver404:\n    print('old path gone')\n"
        "print(Client().post('/markdownx/markdownify/', {'content': 'x'})['Location'])\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-4:] == [
        "/bianji-houtai/",
        "admin:login",
        "old path gone",
        "/bianji-houtai/login/?next=/markdownx/markdownify/",
    ], result.stderr


def test_it_locks_per_client_behind_a_proxy(client, db, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    get_user_model().objects.create_user("lawyer", password="right-password-1", is_staff=True)

    def attempt_from(address, password):
        return client.post(
            reverse("admin:login"),
            {"username": "lawyer", "password": password, "next": reverse("admin:index")},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
            HTTP_X_FORWARDED_PROTO="https",
            secure=True,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt_from("203.0.113.5", "wrong")
    assert attempt_from("203.0.113.5", "right-password-1").status_code == 429
    assert attempt_from("203.0.113.99", "right-password-1").status_code == 302
