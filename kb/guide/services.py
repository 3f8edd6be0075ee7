"""The thin shell around the pure engine: build frozen specs from the database, render the
Markdown fields, publish only valid trees, and the path report editors sign off."""

import csv
import io
from urllib.parse import urlencode

from django.db import transaction

from kb.core.content_version import content_changed
from kb.guide.engine import ChoiceSpec, NodeSpec, PathReport, TreeSpec, all_paths
from kb.guide.models import Choice, Node, Tree
from kb.guide.rendering import render_node_fields, render_tree_fields
from kb.guide.validate import Problem, validate


def rerender_all() -> int:
    """Re-render every tree and node (loaddata saves raw, skipping save()); returns nodes."""
    for tree in Tree.objects.all():
        render_tree_fields(tree)
        Tree.objects.filter(pk=tree.pk).update(intro_html=tree.intro_html)
    count = 0
    for node in Node.objects.all().iterator():
        render_node_fields(node)
        Node.objects.filter(pk=node.pk).update(
            help_html=node.help_html,
            answer_html=node.answer_html,
            next_steps_html=node.next_steps_html,
        )
        count += 1
    content_changed()
    return count


def build_spec(tree, nodes, choices) -> TreeSpec:
    """A frozen TreeSpec from model rows: two lists, no further queries."""
    slug_of = {n.pk: n.slug for n in nodes}
    by_node: dict[int, list] = {}
    for choice in sorted(choices, key=lambda c: (c.order, c.pk)):
        target = slug_of.get(choice.leads_to_id, f"#{choice.leads_to_id}")
        by_node.setdefault(choice.node_id, []).append(
            ChoiceSpec(choice.value, choice.label, target)
        )
    specs = tuple(
        NodeSpec(n.slug, n.kind, n.title, tuple(by_node.get(n.pk, ())), bool(n.answer.strip()))
        for n in nodes
    )
    return TreeSpec(tree.slug, specs, tuple(n.slug for n in nodes if n.is_start))


def load_spec(tree) -> tuple[TreeSpec, dict]:
    """Two queries: the tree's nodes and its choices. Returns the spec and nodes by slug."""
    # The letter an outcome offers comes along (a reverse one-to-one: no extra query).
    nodes = list(tree.nodes.select_related("letter_offer__letter"))
    choices = list(
        Choice.objects.filter(node__tree=tree).only(
            "node_id", "value", "label", "order", "leads_to_id"
        )
    )
    return build_spec(tree, nodes, choices), {n.slug: n for n in nodes}


def problems_for(tree) -> list[Problem]:
    return validate(load_spec(tree)[0])


def publish(tree) -> list[Problem]:
    """Publish the tree if it is valid; otherwise leave it unchanged and return the problems."""
    with transaction.atomic():
        problems = problems_for(tree)
        if not problems and tree.status != tree.Status.PUBLISHED:
            tree.status = tree.Status.PUBLISHED
            tree._change_reason = "批量操作：发布"
            tree.save()  # through save(): the change lands in the tree's history
            content_changed()
    return problems


def unpublish(trees) -> int:
    """Set each published tree back to draft with save(), so history records it."""
    changed = 0
    for tree in trees:
        if tree.status != tree.Status.DRAFT:
            tree.status = tree.Status.DRAFT
            tree._change_reason = "批量操作：撤回为草稿"
            tree.save()
            changed += 1
    if changed:
        content_changed()
    return changed


def invalid_trees(published_only: bool = False) -> list[tuple[object, list[Problem]]]:
    trees = Tree.objects.published() if published_only else Tree.objects.all()
    return [(t, p) for t in trees if (p := problems_for(t))]


def path_rows(tree) -> list[dict]:
    """One row per path from the start to its end, for legal sign-off."""
    spec, nodes = load_spec(tree)
    rows = []
    for number, report in enumerate(all_paths(spec), start=1):
        rows.append(_row(tree, number, report, nodes))
    return rows


def _row(tree, number: int, report: PathReport, nodes: dict) -> dict:
    end = report.end
    return {
        "number": number,
        "answers": [(s.node.title, s.choice.label) for s in report.steps],
        "answers_text": " › ".join(f"{s.node.title}：{s.choice.label}" for s in report.steps),
        "end_slug": end.slug if end else "",
        "end_title": end.title if end else "（路径断开或循环）",
        "is_outcome": bool(end and end.is_outcome),
        "url": f"{tree.get_absolute_url()}?{urlencode(report.answers)}",
    }


def path_csv(tree) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["序号", "回答", "结果标识", "结果标题", "网址"])
    for row in path_rows(tree):
        writer.writerow(
            [row["number"], row["answers_text"], row["end_slug"], row["end_title"], row["url"]]
        )
    return "\ufeff" + buffer.getvalue()
