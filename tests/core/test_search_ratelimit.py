"""/api/search/ is rate limited per client (RATELIMIT_SEARCH_PER_MINUTE); pages stay open."""

from django.core.cache import cache


def test_it_limits_the_search_api_per_client(client, db, settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_SEARCH_PER_MINUTE = 3
    settings.PAGE_CACHE_SECONDS = 0
    codes = [
        client.get("/api/search/", {"q": f"逾期{i}"}, REMOTE_ADDR="198.51.100.1").status_code
        for i in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/search/", {"q": "借呗"}, REMOTE_ADDR="198.51.100.1")
    assert refused.status_code == 429
    assert refused.json()["error"] == "请求太频繁了，请稍等一分钟再试。"
    assert refused["Retry-After"] == "60"
    other = client.get("/api/search/", {"q": "借呗"}, REMOTE_ADDR="198.51.100.2")
    assert other.status_code == 200
    cache.clear()
    assert client.get("/api/search/", {"q": "借呗"}, REMOTE_ADDR="198.51.100.1").status_code == 200
