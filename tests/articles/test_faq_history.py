"""A FAQ entry's own page in the admin: its history (who changed the answer, a diff) and revert,
under the same rule as on the article's page (a 编辑 cannot change a live article's FAQ)."""

from django.urls import reverse

from kb.articles.models import FAQ
from tests.admin_form import form_data

OLD = "通常会在逾期后上报征信。"
NEW = "逾期后通常会上报征信，具体以平台规则为准。"


def change_answer(client, faq, answer):
    url = reverse("admin:articles_faq_change", args=[faq.pk])
    data = form_data(client.get(url).content.decode(), "faq_form", answer=answer)
    return client.post(url, data)


def revert_url(faq, record):
    return reverse("admin:articles_faq_simple_history", args=[faq.pk, record.history_id])


def test_a_reviewer_sees_who_changed_an_answer_and_restores_the_old_one(
    client, role_user, make_article, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    article = make_article(title="借呗逾期会上征信吗")
    faq = FAQ.objects.create(article=article, question="会上征信吗？", answer=OLD)
    reviewer = role_user("审核")
    client.force_login(reviewer)
    assert change_answer(client, faq, NEW).status_code == 302
    history = client.get(reverse("admin:articles_faq_history", args=[faq.pk])).content.decode()
    assert reviewer.username in history
    assert OLD in history and NEW in history  # the change, old and new answer
    first = faq.history.earliest()
    page = client.get(revert_url(faq, first))
    response = client.post(
        revert_url(faq, first), form_data(page.content.decode(), "historicalfaq_form")
    )
    assert response.status_code == 302
    faq.refresh_from_db()
    assert faq.answer == OLD and faq.history.count() == 3  # the revert is a new version
    client.logout()
    assert OLD in client.get(article.get_absolute_url()).content.decode()


def test_an_editor_can_neither_change_nor_revert_a_live_article_s_faq(
    client, role_user, make_article
):
    faq = FAQ.objects.create(article=make_article(), question="会上征信吗？", answer=OLD)
    faq.answer = NEW
    faq.save()
    client.force_login(role_user("编辑"))
    page = client.get(reverse("admin:articles_faq_change", args=[faq.pk]))
    assert page.status_code == 200 and 'name="answer"' not in page.content.decode()  # read-only
    history = client.get(reverse("admin:articles_faq_history", args=[faq.pk]))
    assert history.status_code == 200 and NEW in history.content.decode()
    first = faq.history.earliest()
    response = client.post(revert_url(faq, first), {"question": "会上征信吗？", "answer": OLD})
    assert response.status_code == 403
    assert client.get(reverse("admin:articles_faq_add")).status_code == 403
    faq.refresh_from_db()
    assert faq.answer == NEW


def test_an_editor_changes_a_draft_s_faq_on_its_own_page(client, role_user, make_article):
    from kb.articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    live = make_article()
    faq = FAQ.objects.create(article=draft, question="会上征信吗？", answer=OLD)
    client.force_login(role_user("编辑"))
    url = reverse("admin:articles_faq_change", args=[faq.pk])
    data = form_data(client.get(url).content.decode(), "faq_form", answer=NEW)
    data["article"] = str(live.pk)  # an entry cannot be moved onto a live article
    assert client.post(url, data).status_code == 302
    faq.refresh_from_db()
    assert faq.answer == NEW and faq.article == draft


def test_the_article_page_in_the_admin_links_each_faq_to_its_own_page(staff_client, make_article):
    article = make_article()
    faq = FAQ.objects.create(article=article, question="会上征信吗？", answer=OLD)
    html = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert reverse("admin:articles_faq_change", args=[faq.pk]) in html.content.decode()
