"""History kept in core's tables before it moved to each app's own is still there, ids kept."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from kb.articles.models import Article, Category
from kb.laws.models import Law

# The last migrations before the history tables moved out of core.
BEFORE_THE_MOVE = [("articles", "0005_article_pages"), ("laws", "0003_admin_help_texts")]


def old_ids(table: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT history_id FROM {table} ORDER BY history_id")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_it_keeps_history_and_revert_links_across_the_move(client, django_user_model):
    category = Category.objects.create(name="网贷逾期")
    article = Article.objects.create(
        title="旧标题", short_answer="简短回答。", body="正文", category=category
    )
    article.title = "新标题"
    article.save()
    law = Law.objects.create(slug="xingfa", title="中华人民共和国刑法", short_title="刑法")
    law.aliases = "刑法典"
    law.save()
    before = list(article.history.values_list("history_id", "title"))
    law_before = list(law.revisions.values_list("history_id", "aliases"))

    for app, name in BEFORE_THE_MOVE:
        call_command("migrate", app, name, verbosity=0)
    # Back in core's table (the move runs backwards too), then forwards again.
    assert old_ids("core_historicalarticle") == sorted(i for i, _ in before)
    call_command("migrate", verbosity=0)

    assert list(article.history.values_list("history_id", "title")) == before
    assert list(law.revisions.values_list("history_id", "aliases")) == law_before
    article.title = "再改一次"
    article.save()
    assert article.history.first().history_id > max(i for i, _ in before)

    staff = django_user_model.objects.create_superuser("chief", "chief@example.com", "x")
    client.force_login(staff)
    oldest = min(i for i, _ in before)
    page = client.get(reverse("admin:articles_article_simple_history", args=[article.pk, oldest]))
    assert page.status_code == 200 and "旧标题" in page.content.decode()
