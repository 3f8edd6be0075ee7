"""Builders for guide tests: a pure TreeSpec from a compact table, and a small tree in the DB."""

import pytest

from kb.guide.engine import ChoiceSpec, NodeSpec, TreeSpec


def make_spec(table: dict, start: str | tuple = "days", slug: str = "t") -> TreeSpec:
    """table: {slug: [(value, label, target), ...]} for questions, {slug: None} for outcomes."""
    nodes = []
    for node_slug, choices in table.items():
        if choices is None:
            nodes.append(NodeSpec(node_slug, "outcome", f"结果 {node_slug}"))
        else:
            specs = tuple(ChoiceSpec(v, label, target) for v, label, target in choices)
            nodes.append(NodeSpec(node_slug, "question", f"问题 {node_slug}", specs))
    starts = (start,) if isinstance(start, str) else tuple(start)
    return TreeSpec(slug, tuple(nodes), starts)


SMALL = {
    "days": [("short", "不到 30 天", "harass"), ("long", "超过 30 天", "sued")],
    "harass": [("yes", "有", "out-harass"), ("no", "没有", "out-short")],
    "sued": [("yes", "被起诉了", "out-sued"), ("no", "没有", "harass")],
    "out-harass": None,
    "out-short": None,
    "out-sued": None,
}


@pytest.fixture
def small_spec():
    return make_spec(SMALL)


@pytest.fixture
def make_tree(db):
    """Build SMALL in the database as a Tree; returns it (published unless told otherwise)."""
    from kb.guide.models import Choice, Node, Tree

    def build(slug="test-tree", status=Tree.Status.PUBLISHED, table=SMALL, start="days"):
        tree = Tree.objects.create(
            slug=slug, title=f"测试向导 {slug}", intro="先回答**几个**问题。", status=status
        )
        nodes = {}
        for order, (node_slug, choices) in enumerate(table.items()):
            kind = Node.Kind.OUTCOME if choices is None else Node.Kind.QUESTION
            nodes[node_slug] = Node.objects.create(
                tree=tree,
                slug=node_slug,
                kind=kind,
                title=f"标题 {node_slug}",
                is_start=node_slug == start,
                help="选一个最接近的。" if kind == Node.Kind.QUESTION else "",
                answer=f"**回答** {node_slug}" if kind == Node.Kind.OUTCOME else "",
                next_steps="1. 先保留证据。" if kind == Node.Kind.OUTCOME else "",
                order=order,
            )
        for node_slug, choices in table.items():
            for order, (value, label, target) in enumerate(choices or ()):
                Choice.objects.create(
                    node=nodes[node_slug],
                    value=value,
                    label=label,
                    order=order,
                    leads_to=nodes[target],
                )
        return tree

    return build
