"""需复核 flags when cited law changes, the 标记为已审核 action, the 未解析的引用 list,
check_citations, and the article page's 本文依据的法律 block with 20 provisions."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from kb.articles.models import Article, UnresolvedCitation
from kb.laws.models import Change, Law, Provision
from tests.laws.factories import cn_label, make_law, make_provisions
from tests.page_queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def minfadian():
    law = make_law()
    make_provisions(law, range(660, 690))
    return law


@pytest.fixture
def citing(make_article, minfadian):
    return {
        "675": make_article(title="引用六百七十五条", body="《民法典》第六百七十五条"),
        "680": make_article(title="引用六百八十条", body="《民法典》第六百八十条"),
        "none": make_article(title="没有引用", body="正文。"),
    }


def flags() -> dict:
    return dict(Article.objects.values_list("title", "needs_review"))


@pytest.fixture
def admin_path(settings):
    return f"/{settings.ADMIN_PATH}/articles/article/"


def test_it_flags_articles_citing_a_changed_provision_in_the_article_list(
    staff_client, citing, admin_path
):
    provision = Provision.objects.get(law__slug="minfadian", number=675)
    provision.text = "新的文本。"
    provision.save()
    response = staff_client.get(admin_path)
    assert response.status_code == 200
    assert flags() == {"引用六百七十五条": True, "引用六百八十条": False, "没有引用": False}
    flagged_record = Article.objects.get(title="引用六百七十五条").history.latest()
    assert flagged_record.needs_review is True
    assert flagged_record.history_change_reason == "所引条文已变化，自动标记为需复核"
    assert Change.objects.get().propagated
    flagged = staff_client.get(admin_path + "?needs_review__exact=1").content.decode()
    assert "引用六百七十五条" in flagged and "引用六百八十条" not in flagged


def test_it_flags_every_article_citing_a_law_whose_status_changes(
    staff_client, citing, minfadian, admin_path
):
    minfadian.status = Law.Status.AMENDED
    minfadian.save()
    staff_client.get(admin_path)
    assert flags() == {"引用六百七十五条": True, "引用六百八十条": True, "没有引用": False}


def test_it_leaves_flags_alone_when_nothing_changed(staff_client, citing, minfadian, admin_path):
    minfadian.save()
    Provision.objects.get(number=675).save()
    staff_client.get(admin_path)
    assert not any(flags().values())


def test_it_clears_the_flag_when_the_editor_marks_articles_reviewed(
    staff_client, citing, admin_path
):
    Article.objects.filter(pk=citing["675"].pk).update(needs_review=True)
    response = staff_client.post(
        admin_path, {"action": "mark_reviewed", "_selected_action": [citing["675"].pk]}, follow=True
    )
    assert "已将 1 篇文章标记为已审核。" in response.content.decode()
    article = Article.objects.get(pk=citing["675"].pk)
    assert article.needs_review is False
    assert article.reviewed_at == timezone.localdate()
    recorded = article.history.latest()
    assert (recorded.needs_review, recorded.reviewed_at) == (False, timezone.localdate())
    assert recorded.history_user.username == "editor"
    assert recorded.history_change_reason == "标记为已审核"


def test_it_lists_unresolved_citations_for_editors(staff_client, make_article, minfadian, settings):
    make_article(title="写错了条号", body="依照《民法典》第九千九百条。")
    response = staff_client.get(f"/{settings.ADMIN_PATH}/articles/unresolvedcitation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "《民法典》第九千九百条" in html
        and "《民法典》中没有这一条" in html
        and "写错了条号" in html
    )


def test_check_citations_reports_unresolved_and_refreshes_rows(make_article, minfadian):
    article = make_article(
        slug="a1", body="《民法典》第六百七十五条；《民法典》第九千九百条；《民事诉讼法》第三条"
    )
    assert article.citations.count() == 1
    Provision.objects.filter(number=675).delete()
    out = io.StringIO()
    call_command("check_citations", stdout=out)
    text = out.getvalue()
    assert "a1: 《民法典》第六百七十五条 — 《民法典》中没有这一条" in text
    assert "a1: 《民事诉讼法》第三条 — 本站尚未收录《民事诉讼法》" in text
    assert "检查了 1 篇文章，3 处引用未能解析。" in text
    assert UnresolvedCitation.objects.filter(article=article).count() == 3


def test_check_citations_dry_run_changes_nothing(make_article, minfadian):
    article = make_article(body="《民法典》第九千九百条")
    UnresolvedCitation.objects.all().delete()
    out = io.StringIO()
    call_command("check_citations", "--dry-run", stdout=out)
    assert "1 处引用未能解析" in out.getvalue()
    assert not UnresolvedCitation.objects.filter(article=article).exists()


def test_the_article_page_shows_20_cited_provisions_in_fixed_queries(
    client, make_article, minfadian
):
    lean = make_article(body="没有引用。")
    assert len(page_queries(client, lean.get_absolute_url())) == 6
    body = "、".join(f"第{n}条" for n in range(661, 681))
    article = make_article(body=f"依照《民法典》{body}。")
    assert article.citations.count() == 20
    assert len(page_queries(client, article.get_absolute_url())) == 6
    html = client.get(article.get_absolute_url()).content.decode()
    block = html[html.index("本文依据的法律") :]
    for n in range(661, 681):
        assert f"<p>{cn_label(n)}的第一款原文。</p><p>{cn_label(n)}的第二款原文。</p>" in block
    assert (
        block.count(
            '中华人民共和国民法典 · 有效 · <time datetime="2021-01-01">2021年1月1日</time>施行'
        )
        == 20
    )
    assert html.count('class="cite"') == 20


def test_it_flags_citing_articles_as_soon_as_the_change_is_committed(
    citing, django_capture_on_commit_callbacks
):
    provision = Provision.objects.get(law__slug="minfadian", number=680)
    with django_capture_on_commit_callbacks(execute=True):
        provision.text = "修改后的文本。"
        provision.save()
    # Nobody opened the admin: the flag is already there.
    assert flags() == {"引用六百七十五条": False, "引用六百八十条": True, "没有引用": False}
    assert Change.objects.get().propagated
