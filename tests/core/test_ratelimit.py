"""The cache-based rate limit helper: counts per client and scope, answers 429 in Chinese."""

import json

from django.http import HttpResponse
from django.test import RequestFactory

from kb.core.ratelimit import allow, ratelimit

factory = RequestFactory()


@ratelimit("test-view", 3)
def limited_view(request):
    return HttpResponse("ok")


def test_it_answers_429_after_the_limit(settings):
    settings.RATELIMIT_ENABLED = True
    codes = [
        limited_view(factory.get("/api/thing/", REMOTE_ADDR="10.0.0.1")).status_code
        for _ in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    refused = limited_view(factory.get("/api/thing/", REMOTE_ADDR="10.0.0.1"))
    assert refused["Retry-After"] == "60"
    assert "请求太频繁" in json.loads(refused.content)["error"]


def test_it_counts_each_client_separately(settings):
    settings.RATELIMIT_ENABLED = True
    for _ in range(3):
        limited_view(factory.get("/x/", REMOTE_ADDR="10.0.0.2"))
    assert limited_view(factory.get("/x/", REMOTE_ADDR="10.0.0.2")).status_code == 429
    assert limited_view(factory.get("/x/", REMOTE_ADDR="10.0.0.3")).status_code == 200


def test_it_counts_each_scope_separately(settings):
    settings.RATELIMIT_ENABLED = True
    request = factory.get("/x/", REMOTE_ADDR="10.0.0.4")
    assert [allow(request, "a", 1) for _ in range(2)] == [True, False]
    assert allow(request, "b", 1) is True


def test_it_reads_the_limit_from_settings(settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_TEST_LIMIT = 1

    @ratelimit("from-settings", "RATELIMIT_TEST_LIMIT")
    def view(request):
        return HttpResponse("ok")

    codes = [view(factory.get("/x/", REMOTE_ADDR="10.0.0.5")).status_code for _ in range(2)]
    assert codes == [200, 429]


def test_it_uses_the_proxy_address_only_behind_a_proxy(settings):
    settings.RATELIMIT_ENABLED = True
    settings.SECURE_PROXY_SSL_HEADER = None
    spoofed = [
        factory.get("/x/", REMOTE_ADDR="10.0.0.6", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}")
        for i in range(2)
    ]
    assert [allow(r, "spoof", 1) for r in spoofed] == [True, False]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxied = [
        factory.get("/x/", REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}")
        for i in range(2)
    ]
    assert [allow(r, "proxied", 1) for r in proxied] == [True, True]


def test_it_can_be_switched_off(settings):
    settings.RATELIMIT_ENABLED = False
    request = factory.get("/x/", REMOTE_ADDR="10.0.0.8")
    assert all(allow(request, "off", 1) for _ in range(5))
