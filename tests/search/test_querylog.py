"""The anonymous query log: what readers searched for, per day, without who they are; bounded
against flooding; and the admin list of what they could not find."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kb.search import querylog
from kb.search.models import QueryLog


@pytest.fixture(autouse=True)
def empty_tally():
    querylog.take_pending()
    yield
    querylog.take_pending()


def test_it_keeps_the_query_day_and_result_count_but_nothing_about_the_reader(client, make_article):
    make_article(title="借呗逾期会有哪些后果？")
    client.cookies["tracking"] = "abc"
    for q in ("借唄逾期", "借呗逾期", "  借呗逾期 "):
        client.get("/search/", {"q": q}, REMOTE_ADDR="203.0.113.9")
    client.get("/api/search/", {"q": "白条"}, REMOTE_ADDR="203.0.113.9")
    client.get("/search/", {"q": "借呗逾期", "page": "2"})  # later pages are not counted
    querylog.flush()
    rows = {row.query: row for row in QueryLog.objects.all()}
    assert set(rows) == {"借呗逾期", "白条"}
    assert (rows["借呗逾期"].searches, rows["借呗逾期"].results) == (3, 1)
    assert (rows["白条"].searches, rows["白条"].results) == (1, 0)
    assert rows["白条"].day == timezone.localdate()
    assert {f.name for f in QueryLog._meta.get_fields()} == {
        "id",
        "day",
        "query",
        "searches",
        "results",
    }


def test_it_writes_the_tally_only_now_and_then(client, db, settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    for _ in range(5):
        client.get("/search/", {"q": "白条"})
    assert not QueryLog.objects.exists()
    querylog.flush()
    querylog.record("白条", 0)
    querylog.flush()
    assert QueryLog.objects.get(query="白条").searches == 6


def test_it_takes_a_bounded_number_of_new_queries_a_day(db, settings):
    settings.SEARCH_LOG_MAX_ROWS_PER_DAY = 3
    for n in range(5):
        querylog.record(f"问题{n}", 0)
    querylog.flush()
    assert QueryLog.objects.count() == 3
    known = QueryLog.objects.first().query
    querylog.record(known, 0)
    querylog.record("又一个新问题", 0)
    querylog.flush()
    assert QueryLog.objects.count() == 3
    assert QueryLog.objects.get(query=known).searches == 2


def test_it_counts_a_bounded_number_of_searches_a_minute(db, settings):
    settings.SEARCH_LOG_PER_MINUTE = 3
    for _ in range(10):
        querylog.record("刷屏", 0)
    querylog.flush()
    assert QueryLog.objects.get(query="刷屏").searches <= 3


def test_admin_lists_what_readers_could_not_find_with_ways_to_fix_it(staff_client):
    today = timezone.localdate()
    QueryLog.objects.create(day=today, query="白条", searches=7, results=0)
    QueryLog.objects.create(day=today - timedelta(days=3), query="白条", searches=2, results=0)
    QueryLog.objects.create(day=today, query="老赖", searches=3, results=1)
    QueryLog.objects.create(day=today, query="借呗逾期", searches=50, results=12)
    QueryLog.objects.create(
        day=today - timedelta(days=40), query="很久以前", searches=99, results=0
    )
    html = staff_client.get("/admin/search/querylog/").content.decode()
    assert html.index("白条") < html.index("老赖")
    assert "<td>9</td>" in html  # 白条, summed over the days
    assert "借呗逾期" not in html and "很久以前" not in html
    assert 'href="/admin/search/synonym/add/?term=%E7%99%BD%E6%9D%A1"' in html
    assert 'href="/admin/articles/article/add/?title=%E7%99%BD%E6%9D%A1"' in html
    form = staff_client.get("/admin/search/synonym/add/?term=%E7%99%BD%E6%9D%A1").content.decode()
    assert 'value="白条"' in form


def test_admin_list_needs_staff(client, db):
    assert client.get("/admin/search/querylog/").status_code == 302


def test_an_editor_sees_the_list_and_can_add_a_synonym(client, role_user):
    QueryLog.objects.create(day=timezone.localdate(), query="白条", searches=2, results=0)
    client.force_login(role_user("编辑"))
    assert "白条" in client.get("/admin/search/querylog/").content.decode()
    response = client.post("/admin/search/synonym/add/", {"term": "白条", "synonyms": "花呗、借呗"})
    assert response.status_code == 302
