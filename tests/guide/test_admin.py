"""Editors: nothing broken can be published; diagram and path report for staff only."""

import csv
import io

import pytest

from kb.guide.models import Choice, Node, Tree

from .conftest import SMALL


@pytest.fixture
def broken_tree(make_tree):
    """A draft tree whose 'harass' question has only one choice left."""
    tree = make_tree(slug="broken", status=Tree.Status.DRAFT)
    Choice.objects.filter(node__tree=tree, node__slug="harass", value="no").delete()
    return tree


def tree_form(tree, **changes):
    nodes = list(tree.nodes.all())
    data = {
        "title": tree.title,
        "slug": tree.slug,
        "intro": tree.intro,
        "status": tree.status,
        "order": tree.order,
        "nodes-TOTAL_FORMS": len(nodes),
        "nodes-INITIAL_FORMS": len(nodes),
        "nodes-MIN_NUM_FORMS": 0,
        "nodes-MAX_NUM_FORMS": 1000,
    }
    for i, node in enumerate(nodes):
        data.update(
            {
                f"nodes-{i}-id": node.pk,
                f"nodes-{i}-tree": tree.pk,
                f"nodes-{i}-slug": node.slug,
                f"nodes-{i}-kind": node.kind,
                f"nodes-{i}-title": node.title,
                f"nodes-{i}-order": node.order,
            }
        )
        if node.is_start:
            data[f"nodes-{i}-is_start"] = "on"
    data.update(changes)
    return data


def test_it_refuses_to_publish_an_invalid_tree_from_the_form(staff_client, broken_tree):
    url = f"/admin/guide/tree/{broken_tree.pk}/change/"
    response = staff_client.post(url, tree_form(broken_tree, status="published"), follow=True)
    broken_tree.refresh_from_db()
    assert broken_tree.status == Tree.Status.DRAFT
    html = response.content.decode()
    assert "未保存" in html and "问题“harass”至少要有两个选项" in html


def test_it_publishes_a_valid_tree_from_the_form(staff_client, make_tree):
    tree = make_tree(slug="fine", status=Tree.Status.DRAFT)
    response = staff_client.post(
        f"/admin/guide/tree/{tree.pk}/change/", tree_form(tree, status="published")
    )
    assert response.status_code == 302
    tree.refresh_from_db()
    assert tree.status == Tree.Status.PUBLISHED


def test_it_refuses_an_inline_edit_that_breaks_a_published_tree(staff_client, make_tree):
    tree = make_tree(slug="live")
    data = tree_form(tree)
    index = next(i for i, n in enumerate(tree.nodes.all()) if n.slug == "out-short")
    data[f"nodes-{index}-kind"] = "question"  # an outcome turned into a question with no choices
    staff_client.post(f"/admin/guide/tree/{tree.pk}/change/", data)
    assert Node.objects.get(tree=tree, slug="out-short").kind == "outcome"


def test_the_publish_action_refuses_invalid_trees_with_their_problems(
    staff_client, broken_tree, make_tree
):
    good = make_tree(slug="good", status=Tree.Status.DRAFT)
    response = staff_client.post(
        "/admin/guide/tree/",
        {"action": "publish", "_selected_action": [broken_tree.pk, good.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "《测试向导 broken》未发布" in html and "至少要有两个选项" in html
    assert Tree.objects.get(pk=broken_tree.pk).status == Tree.Status.DRAFT
    assert Tree.objects.get(pk=good.pk).status == Tree.Status.PUBLISHED


def test_the_change_form_shows_validation_problems(staff_client, broken_tree):
    html = staff_client.get(f"/admin/guide/tree/{broken_tree.pk}/change/").content.decode()
    assert "发布前需要修正" in html and "至少要有两个选项" in html


def test_the_node_form_refuses_to_break_a_published_tree(staff_client, make_tree):
    tree = make_tree(slug="live")
    node = Node.objects.get(tree=tree, slug="harass")
    data = node_form(node, **{"choices-1-DELETE": "on"})
    response = staff_client.post(f"/admin/guide/node/{node.pk}/change/", data, follow=True)
    assert node.choices.count() == len(SMALL["harass"])
    assert "未保存" in response.content.decode()


def test_the_diagram_is_an_svg_for_staff(staff_client, make_tree):
    tree = make_tree()
    response = staff_client.get(f"/admin/guide/tree/{tree.pk}/diagram/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and html.count("<rect") == len(SMALL)


def test_the_path_report_lists_every_path(staff_client, make_tree):
    tree = make_tree()
    html = staff_client.get(f"/admin/guide/tree/{tree.pk}/paths/").content.decode()
    assert "共 5 条" in html and "标题 out-sued" in html


def test_the_path_report_downloads_as_csv(staff_client, make_tree):
    tree = make_tree()
    response = staff_client.get(f"/admin/guide/tree/{tree.pk}/paths.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "回答", "结果标识", "结果标题", "网址"]
    assert len(rows) == 6
    assert [
        "3",
        "标题 days：超过 30 天 › 标题 sued：被起诉了",
        "out-sued",
        "标题 out-sued",
        "/guide/test-tree/?days=long&sued=yes",
    ] in rows


@pytest.mark.parametrize("suffix", ["diagram/", "paths/", "paths.csv"])
def test_the_editor_tools_are_refused_to_anonymous_users(client, make_tree, suffix):
    tree = make_tree()
    response = client.get(f"/admin/guide/tree/{tree.pk}/{suffix}")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_publish_and_unpublish_actions_record_each_tree_in_its_history(
    staff_client, staff_user, make_tree
):
    tree = make_tree(slug="recorded", status=Tree.Status.DRAFT)
    for action, status in [("publish", "published"), ("unpublish", "draft")]:
        staff_client.post("/admin/guide/tree/", {"action": action, "_selected_action": [tree.pk]})
        assert Tree.objects.get(pk=tree.pk).status == status
        latest = tree.history.latest()
        assert (latest.status, latest.history_user) == (status, staff_user)
    assert [r.status for r in tree.history.all()][:2] == ["draft", "published"]


@pytest.fixture
def editor_client(client, role_user):
    client.force_login(role_user("编辑"))
    return client


def test_an_editor_cannot_publish_a_tree_by_action_or_form(editor_client, make_tree):
    tree = make_tree(slug="editor-draft", status=Tree.Status.DRAFT)
    changelist = editor_client.get("/admin/guide/tree/").content.decode()
    assert 'value="publish"' not in changelist
    editor_client.post("/admin/guide/tree/", {"action": "publish", "_selected_action": [tree.pk]})
    assert Tree.objects.get(pk=tree.pk).status == Tree.Status.DRAFT
    response = editor_client.post(
        f"/admin/guide/tree/{tree.pk}/change/", tree_form(tree, status="published")
    )
    assert response.status_code == 200
    assert "只有“审核”组的成员可以发布问答向导" in response.content.decode()
    assert Tree.objects.get(pk=tree.pk).status == Tree.Status.DRAFT


def test_an_editor_cannot_unpublish_a_live_tree(editor_client, make_tree):
    tree = make_tree(slug="editor-live")
    assert tree.status == Tree.Status.PUBLISHED
    editor_client.post("/admin/guide/tree/", {"action": "unpublish", "_selected_action": [tree.pk]})
    assert Tree.objects.get(pk=tree.pk).status == Tree.Status.PUBLISHED


def node_form(node, **changes) -> dict:
    choices = list(node.choices.all())
    data = {
        "tree": node.tree_id,
        "slug": node.slug,
        "kind": node.kind,
        "title": node.title,
        "is_start": "on" if node.is_start else "",
        "order": node.order,
        "help": node.help,
        "answer": node.answer,
        "next_steps": node.next_steps,
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": len(choices),
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for i, choice in enumerate(choices):
        data.update(
            {
                f"choices-{i}-id": choice.pk,
                f"choices-{i}-node": node.pk,
                f"choices-{i}-order": choice.order,
                f"choices-{i}-label": choice.label,
                f"choices-{i}-value": choice.value,
                f"choices-{i}-leads_to": choice.leads_to_id,
            }
        )
    data.update(changes)
    return data


def test_an_editor_cannot_change_a_question_of_a_live_tree(editor_client, make_tree):
    node = Node.objects.get(tree=make_tree(slug="live-for-editor"), slug="harass")
    url = f"/admin/guide/node/{node.pk}/change/"
    response = editor_client.post(url, node_form(node, title="改过的问题"))
    assert response.status_code == 200
    assert "只有“审核”组的成员可以修改已发布向导的问题和结果" in response.content.decode()
    assert Node.objects.get(pk=node.pk).title == "标题 harass"


def test_an_editor_may_change_a_draft_tree_but_not_move_a_node_into_a_live_one(
    editor_client, make_tree
):
    draft = make_tree(slug="draft-for-editor", status=Tree.Status.DRAFT)
    live = make_tree(slug="live-target")
    node = Node.objects.get(tree=draft, slug="harass")
    url = f"/admin/guide/node/{node.pk}/change/"
    assert editor_client.post(url, node_form(node, title="改过的问题")).status_code == 302
    assert Node.objects.get(pk=node.pk).title == "改过的问题"
    moved = editor_client.post(url, node_form(Node.objects.get(pk=node.pk), tree=live.pk))
    assert moved.status_code == 200
    assert "只有“审核”组的成员可以修改已发布向导的问题和结果" in moved.content.decode()
    assert Node.objects.get(pk=node.pk).tree_id == draft.pk
