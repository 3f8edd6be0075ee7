import datetime

from django.utils import timezone

from kb.articles.discovery import calendar_weeks
from kb.articles.models import Article


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_it_marks_the_days_that_have_articles(client, make_article):
    make_article(title="三月十九日", published_at=at(2026, 3, 19, 21))
    make_article(title="三月二日", published_at=at(2026, 3, 2))
    html = client.get("/archive/2026/03/").content.decode()
    assert "2026年3月的文章" in html
    assert '<td class="has-articles"><a href="#d19">19</a></td>' in html
    assert '<td class="has-articles"><a href="#d2">2</a></td>' in html
    assert "<td>18</td>" in html
    assert 'id="d19"' in html and "三月十九日" in html


def test_it_uses_the_sites_time_zone_for_the_day(client, make_article):
    # 1 April 01:00 in Shanghai is still 31 March in UTC: readers see April 1st.
    make_article(title="四月一日凌晨", published_at=at(2026, 4, 1, 1))
    html = client.get("/archive/2026/04/").content.decode()
    assert "四月一日凌晨" in html and '<a href="#d1">1</a>' in html
    assert client.get("/archive/2026/03/").status_code == 404


def test_it_builds_monday_first_weeks_with_padding():
    weeks = calendar_weeks(2026, 3, {19})
    assert [d.number for d in weeks[0]] == [0, 0, 0, 0, 0, 0, 1]  # 1 March 2026 is a Sunday
    assert all(len(w) == 7 for w in weeks)
    marked = [d for w in weeks for d in w if d.has_articles]
    assert [(d.number, d.anchor) for d in marked] == [(19, "d19")]


def test_it_links_to_the_nearest_months_that_have_articles(client, make_article):
    make_article(published_at=at(2025, 11, 5))
    make_article(published_at=at(2026, 3, 19))
    make_article(published_at=at(2026, 7, 1))
    html = client.get("/archive/2026/03/").content.decode()
    assert 'href="/archive/2025/11/" rel="prev"' in html
    assert 'href="/archive/2026/07/" rel="next"' in html
    first = client.get("/archive/2025/11/").content.decode()
    assert 'rel="prev"' not in first


def test_it_hides_drafts_and_scheduled_articles(client, make_article):
    make_article(title="草稿", status=Article.Status.DRAFT, published_at=at(2026, 3, 3))
    make_article(title="公开", published_at=at(2026, 3, 4))
    html = client.get("/archive/2026/03/").content.decode()
    assert "公开" in html and "草稿" not in html


def test_it_404s_on_invalid_or_empty_months(client, make_article):
    make_article(published_at=at(2026, 3, 4))
    for path in (
        "/archive/2026/13/",
        "/archive/2026/00/",
        "/archive/1999/03/",
        "/archive/2026/3/",
        "/archive/abcd/03/",
        "/archive/2026/02/",
        "/archive/99999/01/",
    ):
        assert client.get(path).status_code == 404, path


def test_it_works_under_the_traditional_mirror(client, make_article):
    make_article(title="征信记录", published_at=at(2026, 3, 4))
    html = client.get("/zh-hant/archive/2026/03/").content.decode()
    assert "徵信記錄" in html


def test_the_archive_costs_a_fixed_number_of_queries(
    client, make_article, django_assert_num_queries
):
    for day in range(1, 20):
        make_article(published_at=at(2026, 3, day))
    with django_assert_num_queries(4):  # +1: the page cache's content version
        assert client.get("/archive/2026/03/").status_code == 200


def test_the_home_page_links_to_the_newest_month(client, make_article):
    make_article(published_at=at(2026, 3, 4))
    assert 'href="/archive/2026/03/"' in client.get("/").content.decode()
