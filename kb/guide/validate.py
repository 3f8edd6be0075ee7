"""The question-tree validator (pure Python): `validate(tree)` lists every structural problem of
a TreeSpec with a Chinese message for editors; an empty list means the tree may be published."""

from collections.abc import Iterator
from dataclasses import dataclass

from kb.guide.engine import TreeSpec

MESSAGES = {
    "empty": "向导还没有任何节点。",
    "no-start": "没有起始问题：请把一个问题勾选为“起始问题”。",
    "many-starts": "起始问题只能有一个，现在有 {count} 个：{names}。",
    "start-is-outcome": "起始节点“{node}”必须是问题，不能是结果。",
    "outcome-has-choices": "结果“{node}”不能有选项。",
    "outcome-without-answer": "结果“{node}”还没有写“回答”。",
    "too-few-choices": "问题“{node}”至少要有两个选项，现在只有 {count} 个。",
    "duplicate-value": "问题“{node}”有重复的选项值“{value}”。",
    "foreign-target": "问题“{node}”的选项“{label}”指向的节点不属于本向导。",
    "unreachable": "节点“{node}”从起始问题走不到。",
    "cycle": "出现循环：“{node}”的选项“{label}”又回到了“{target}”。",
}


@dataclass(frozen=True)
class Problem:
    code: str
    node: str
    message: str


def problem(code: str, node: str = "", **values) -> Problem:
    return Problem(code, node, MESSAGES[code].format(node=node, **values))


def validate(tree: TreeSpec) -> list[Problem]:
    return list(_problems(tree))


def _problems(tree: TreeSpec) -> Iterator[Problem]:
    nodes, start = tree.by_slug, tree.start
    if not tree.nodes:
        yield problem("empty")
    elif not tree.starts:
        yield problem("no-start")
    elif len(tree.starts) > 1:
        yield problem("many-starts", count=len(tree.starts), names="、".join(tree.starts))
    elif start is not None and start.is_outcome:
        yield problem("start-is-outcome", start.slug)
    for node in tree.nodes:
        slug, values = node.slug, [c.value for c in node.choices]
        if node.is_outcome and node.choices:
            yield problem("outcome-has-choices", slug)
        if node.is_outcome and not node.has_answer:
            yield problem("outcome-without-answer", slug)
        if not node.is_outcome and len(values) < 2:
            yield problem("too-few-choices", slug, count=len(values))
        for value in sorted({v for v in values if values.count(v) > 1}):
            yield problem("duplicate-value", slug, value=value)
        for choice in node.choices:
            if choice.target not in nodes:
                yield problem("foreign-target", slug, label=choice.label)

    state: dict[str, int] = {}  # depth-first search: 1 = on the current trail, 2 = done

    def visit(slug: str) -> Iterator[Problem]:
        state[slug] = 1
        for choice in nodes[slug].choices:
            if state.get(choice.target) == 1:
                yield problem("cycle", slug, label=choice.label, target=choice.target)
            elif choice.target in nodes and choice.target not in state:
                yield from visit(choice.target)
        state[slug] = 2

    if start is not None:
        yield from visit(start.slug)
        yield from (problem("unreachable", n.slug) for n in tree.nodes if n.slug not in state)
    for node in tree.nodes:
        if node.slug not in state:
            yield from visit(node.slug)
