"""Editors keep the letter texts: a placeholder typo blocks publishing; only 审核 publishes;
every save is kept in the history."""

import pytest
from django.urls import reverse

from kb.letters.models import Clause, Letter
from tests.admin_form import form_data


def change_form(client, letter: Letter, **overrides) -> dict:
    page = client.get(reverse("admin:letters_letter_change", args=[letter.pk]))
    assert page.status_code == 200
    return form_data(page.content.decode(), "letter_form", **overrides)


def save(client, letter: Letter, **overrides):
    url = reverse("admin:letters_letter_change", args=[letter.pk])
    return client.post(url, change_form(client, letter, **overrides))


def test_a_placeholder_typo_blocks_publishing(staff_client, letters):
    letter = letters["credit-objection"]
    typo = letter.body.replace("{姓名}", "{姓明}", 1)
    response = save(staff_client, letter, body=typo, status="published")
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "未知的占位符 {姓明}" in html and "{姓名}" in html
    letter.refresh_from_db()
    assert "{姓明}" not in letter.body


def test_a_typo_in_a_draft_is_saved_and_blocks_it_later(staff_client, letters):
    letter = letters["credit-objection"]
    typo = letter.body + "\n{答复其限}"
    assert save(staff_client, letter, body=typo, status="draft").status_code == 302
    letter.refresh_from_db()
    assert letter.status == "draft" and "{答复其限}" in letter.body
    html = save(staff_client, letter, status="published").content.decode()
    assert "未知的占位符 {答复其限}" in html
    letter.refresh_from_db()
    assert letter.status == "draft"


def test_a_stray_brace_blocks_publishing(staff_client, letters):
    letter = letters["credit-objection"]
    html = save(staff_client, letter, body=letter.body + "\n申请人：{姓名").content.decode()
    assert "不成对的花括号" in html


def test_a_typo_in_a_clause_blocks_publishing(staff_client, letters):
    letter = letters["civil-defence"]
    data = change_form(staff_client, letter)
    index = [c.key for c in letter.clauses.all()].index("partial-repayment")
    data[f"clauses-{index}-text"] = "答辩人已还{已还金颔}元。"
    url = reverse("admin:letters_letter_change", args=[letter.pk])
    html = staff_client.post(url, data).content.decode()
    assert "未知的占位符 {已还金颔}" in html
    assert "{已还金颔}" not in Clause.objects.get(letter=letter, key="partial-repayment").text


def test_a_good_edit_is_saved_with_history(staff_client, letters):
    letter = letters["credit-objection"]
    body = letter.body.replace("特提出异议", "现提出异议")
    assert save(staff_client, letter, body=body).status_code == 302
    letter.refresh_from_db()
    assert "现提出异议" in letter.body
    assert letter.history.count() >= 2
    assert letter.history.first().history_user.username == "editor"


@pytest.fixture
def editor_client(client, role_user):
    client.force_login(role_user("编辑"))
    return client


def test_an_editor_cannot_publish_but_can_submit_for_review(editor_client, letters):
    letter = letters["credit-objection"]
    letter.status = "draft"
    letter.save()
    html = save(editor_client, letter, status="published").content.decode()
    assert "只有“审核”组的成员可以发布文书模板" in html
    assert save(editor_client, letter, status="review").status_code == 302
    letter.refresh_from_db()
    assert letter.status == "review"


def test_a_reviewer_can_publish(client, role_user, letters):
    client.force_login(role_user("审核"))
    letter = letters["stop-harassment"]
    letter.status = "review"
    letter.save()
    assert save(client, letter, status="published").status_code == 302
    letter.refresh_from_db()
    assert letter.is_published()


def test_the_history_page_shows_a_revertable_version(staff_client, letters):
    letter = letters["credit-objection"]
    save(staff_client, letter, summary="新的说明。")
    url = reverse("admin:letters_letter_history", args=[letter.pk])
    html = staff_client.get(url).content.decode()
    assert "新的说明。" in html or "什么时候用" in html
    first = letter.history.order_by("history_date").first()
    revert = reverse("admin:letters_letter_simple_history", args=[letter.pk, first.history_id])
    assert staff_client.get(revert).status_code == 200
