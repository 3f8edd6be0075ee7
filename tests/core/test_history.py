"""Every edit of an article, a provision or a guide tree is kept: who, when, a diff, revert."""

from django.urls import reverse
from django.utils import timezone

from kb.articles.models import Article
from kb.guide.models import Tree
from kb.laws.models import Law, Provision
from tests.admin_form import form_data

OLD_BODY = "## 要点\n\n逾期会产生罚息。\n\n第二段不变。"
NEW_BODY = "## 要点\n\n逾期会产生罚息和违约金。\n\n第二段不变。"


def whole_minute():
    """The admin edits dates to the minute; start from one so only the body differs."""
    return timezone.now().replace(second=0, microsecond=0) - timezone.timedelta(days=1)


def edit_body(client, article, body):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url).content.decode(), "article_form", body=body)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_it_records_who_changed_an_article_and_when(staff_client, staff_user, make_article):
    article = make_article(body=OLD_BODY, published_at=whole_minute())
    edit_body(staff_client, article, NEW_BODY)
    records = list(Article.objects.get(pk=article.pk).history.all())
    assert len(records) == 2
    latest, first = records
    assert latest.history_user == staff_user
    assert latest.history_type == "~" and first.history_type == "+"
    assert latest.history_date >= first.history_date
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(first).changes}
    assert changes == {"body": (OLD_BODY, NEW_BODY)}


def test_it_shows_a_line_diff_on_the_history_page(staff_client, make_article):
    article = make_article(body=OLD_BODY, published_at=whole_minute())
    edit_body(staff_client, article, NEW_BODY)
    page = staff_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<del>逾期会产生罚息。</del>" in html
    assert "<ins>逾期会产生罚息和违约金。</ins>" in html
    assert "第二段不变" not in html.split("change-history")[1]


def test_it_reverts_to_an_earlier_version_from_the_admin(staff_client, make_article):
    article = make_article(body=OLD_BODY, published_at=whole_minute())
    edit_body(staff_client, article, NEW_BODY)
    first = article.history.earliest()
    url = reverse("admin:articles_article_simple_history", args=[article.pk, first.history_id])
    page = staff_client.get(url)
    assert page.status_code == 200
    response = staff_client.post(url, form_data(page.content.decode(), "historicalarticle_form"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == OLD_BODY
    assert "罚息。" in article.body_html and "违约金" not in article.body_html
    assert article.history.count() == 3


def test_it_keeps_the_history_of_provision_text(db):
    law = Law.objects.create(slug="minfadian", title="中华人民共和国民法典", short_title="民法典")
    provision = Provision.objects.create(law=law, number=675, label="第六百七十五条", text="旧文本")
    provision.text = "新文本"
    provision.save()
    latest, first = provision.history.all()
    assert (first.text, latest.text) == ("旧文本", "新文本")
    first.instance.save()
    provision.refresh_from_db()
    assert provision.text == "旧文本"


def test_it_keeps_the_history_of_guide_trees(db):
    tree = Tree.objects.create(slug="yuqi-hou-hui-zenyang", title="逾期了接下来会怎样")
    tree.title = "逾期以后会怎样"
    tree.save()
    assert [r.title for r in tree.history.all()] == ["逾期以后会怎样", "逾期了接下来会怎样"]


def test_it_reverts_a_guide_tree_from_the_admin(staff_client, db):
    tree = Tree.objects.create(slug="cuishou-saorao-zenme-ban", title="遇到催收骚扰怎么办")
    tree.title = "被催收骚扰时怎么办"
    tree.save()
    first = tree.history.earliest()
    url = reverse("admin:guide_tree_simple_history", args=[tree.pk, first.history_id])
    page = staff_client.get(url)
    assert page.status_code == 200
    response = staff_client.post(url, form_data(page.content.decode(), "historicaltree_form"))
    assert response.status_code == 302
    tree.refresh_from_db()
    assert tree.title == "遇到催收骚扰怎么办"


def test_it_shows_the_history_pages_of_laws_and_provisions(staff_client, db):
    law = Law.objects.create(slug="xingfa", title="中华人民共和国刑法", short_title="刑法")
    provision = Provision.objects.create(
        law=law, number=293, sub_number=1, label="第二百九十三条之一", text="旧"
    )
    law.status = law.status
    law.save()
    for name, obj in [("admin:laws_law_history", law), ("admin:laws_provision_history", provision)]:
        assert staff_client.get(reverse(name, args=[obj.pk])).status_code == 200
    assert law.revisions.count() == 2


def test_it_has_a_migration_for_every_history_table(db):
    from django.core.management import call_command

    for app in ("laws", "articles", "guide", "core", "editorial"):
        call_command("makemigrations", app, "--check", "--dry-run", verbosity=0)


def revert_url(article, record):
    return reverse("admin:articles_article_simple_history", args=[article.pk, record.history_id])


def test_it_refuses_an_editor_reverting_to_a_published_version(client, role_user, make_article):
    from kb.articles.models import Article as A

    article = make_article(body=OLD_BODY, published_at=whole_minute())
    published = article.history.latest()
    article.status, article.body = A.Status.REVIEW, NEW_BODY
    article.save()
    client.force_login(role_user("编辑"))
    page = client.get(revert_url(article, published))
    assert page.status_code == 200
    response = client.post(
        revert_url(article, published), form_data(page.content.decode(), "historicalarticle_form")
    )
    assert response.status_code == 200
    assert "只有“审核”组的成员可以发布文章" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.body) == (A.Status.REVIEW, NEW_BODY)
    assert not A.objects.published().exists()
    assert article.history.count() == 2


def test_it_refuses_an_editor_scheduling_a_publication(client, role_user, make_article):
    from kb.articles.models import Article as A

    article = make_article(status=A.Status.REVIEW, published_at=whole_minute())
    client.force_login(role_user("编辑"))
    url = reverse("admin:articles_article_change", args=[article.pk])
    tomorrow = timezone.localtime() + timezone.timedelta(days=1)
    data = form_data(
        client.get(url).content.decode(),
        "article_form",
        status="published",
        published_at_0=tomorrow.strftime("%Y-%m-%d"),
        published_at_1="08:00:00",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "只有“审核”组的成员可以发布文章" in response.content.decode()
    article.refresh_from_db()
    assert article.status == A.Status.REVIEW


def test_a_revert_rebuilds_the_citation_links(staff_client, make_article):
    from kb.articles.models import ArticleCitation
    from tests.laws.factories import make_law, make_provisions

    make_provisions(make_law(), [675, 680])
    article = make_article(body="依照《民法典》第六百七十五条。", published_at=whole_minute())
    edit_body(staff_client, article, "依照《民法典》第六百八十条。")

    def cited():
        rows = ArticleCitation.objects.filter(article=article)
        return list(rows.values_list("provision__number", flat=True))

    assert cited() == [680]
    first = article.history.earliest()
    page = staff_client.get(revert_url(article, first))
    response = staff_client.post(
        revert_url(article, first), form_data(page.content.decode(), "historicalarticle_form")
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    article.refresh_from_db()
    assert article.body == "依照《民法典》第六百七十五条。"
    assert cited() == [675]
    assert "/laws/minfadian/675/" in article.body_html and "/680/" not in article.body_html
    public = staff_client.get(article.get_absolute_url()).content.decode()
    assert "第六百七十五条" in public
    assert article.history.count() == 3


def write_fixtures(folder, body: str) -> None:
    import json

    rows = [
        {"model": "articles.category", "fields": {"name": "逾期后果", "slug": "yuqi-houguo"}},
        {
            "model": "articles.article",
            "fields": {
                "title": "逾期一天会怎样？",
                "slug": "yuqi-yi-tian",
                "short_answer": "通常先产生罚息。",
                "body": body,
                "status": "published",
                "published_at": "2024-03-01T08:00:00Z",
                "updated_at": "2024-03-01T08:00:00Z",
                "category": ["yuqi-houguo"],
            },
        },
    ]
    (folder / "articles.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def test_it_keeps_the_loaded_text_of_fixture_content_in_history(staff_client, settings, tmp_path):
    from kb.site.content import load_content

    settings.BASE_DIR = tmp_path
    (tmp_path / "fixtures").mkdir()
    write_fixtures(tmp_path / "fixtures", OLD_BODY)
    load_content()
    article = Article.objects.get(slug="yuqi-yi-tian")
    loaded = article.history.get()
    assert (loaded.body, loaded.history_change_reason) == (OLD_BODY, "载入初始内容")
    edit_body(staff_client, article, NEW_BODY)
    page = staff_client.get(revert_url(article, loaded))
    staff_client.post(
        revert_url(article, loaded), form_data(page.content.decode(), "historicalarticle_form")
    )
    article.refresh_from_db()
    assert article.body == OLD_BODY  # the loaded text could be restored


def test_it_records_a_change_made_by_reloading_a_fixture(settings, tmp_path, db):
    from kb.site.content import load_content

    settings.BASE_DIR = tmp_path
    (tmp_path / "fixtures").mkdir()
    write_fixtures(tmp_path / "fixtures", OLD_BODY)
    load_content()
    load_content()  # unchanged: no new entry
    article = Article.objects.get(slug="yuqi-yi-tian")
    assert article.history.count() == 1
    write_fixtures(tmp_path / "fixtures", NEW_BODY)
    load_content()
    latest, first = article.history.all()
    assert (first.body, latest.body, latest.history_type) == (OLD_BODY, NEW_BODY, "~")


def test_it_refuses_a_revert_by_a_user_who_may_only_view(client, role_user, db):
    law = Law.objects.create(slug="minfadian", title="中华人民共和国民法典", short_title="民法典")
    provision = Provision.objects.create(law=law, number=675, label="第六百七十五条", text="旧文本")
    provision.text = "新文本"
    provision.save()
    first = provision.history.earliest()
    url = reverse("admin:laws_provision_simple_history", args=[provision.pk, first.history_id])
    client.force_login(role_user("编辑"))  # may view provisions and their history, not change them
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "law": law.pk,
        "number": 675,
        "sub_number": 0,
        "label": "第六百七十五条",
        "text": "旧文本",
        "order": 0,
    }
    assert client.post(url, data).status_code == 403
    provision.refresh_from_db()
    assert provision.text == "新文本"
    assert provision.history.count() == 2


def test_it_records_who_changed_a_faq_answer_and_keeps_the_old_one(
    staff_client, staff_user, make_article
):
    article = make_article(published_at=whole_minute())
    faq = article.faqs.create(question="会上征信吗？", answer="旧的回答。")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(
        staff_client.get(url).content.decode(), "article_form", **{"faqs-0-answer": "新的回答。"}
    )
    assert staff_client.post(url, data).status_code == 302
    latest, first = faq.history.all()
    assert (first.answer, latest.answer) == ("旧的回答。", "新的回答。")
    assert latest.history_user == staff_user
