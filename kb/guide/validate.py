"""The question-tree validator: pure Python, no Django, no database.

`validate(tree)` returns every structural problem of a TreeSpec, each with a Chinese message for
editors. An empty list means the tree may be published.
"""

from dataclasses import dataclass

from kb.guide.engine import TreeSpec


@dataclass(frozen=True)
class Problem:
    code: str
    node: str
    message: str

    def __str__(self) -> str:
        return self.message


def validate(tree: TreeSpec) -> list[Problem]:
    problems = _check_start(tree)
    for node in tree.nodes:
        problems += _check_node(tree, node)
    problems += _check_reachable(tree)
    problems += _check_cycles(tree)
    return problems


def _check_start(tree: TreeSpec) -> list[Problem]:
    if not tree.nodes:
        return [Problem("empty", "", "向导还没有任何节点。")]
    if not tree.starts:
        return [Problem("no-start", "", "没有起始问题：请把一个问题勾选为“起始问题”。")]
    if len(tree.starts) > 1:
        names = "、".join(tree.starts)
        return [
            Problem(
                "many-starts", "", f"起始问题只能有一个，现在有 {len(tree.starts)} 个：{names}。"
            )
        ]
    start = tree.start
    if start is not None and start.is_outcome:
        return [
            Problem(
                "start-is-outcome", start.slug, f"起始节点“{start.slug}”必须是问题，不能是结果。"
            )
        ]
    return []


def _check_node(tree: TreeSpec, node) -> list[Problem]:
    out = []
    nodes = tree.by_slug
    if node.is_outcome:
        if node.choices:
            out.append(Problem("outcome-has-choices", node.slug, f"结果“{node.slug}”不能有选项。"))
        if not node.has_answer:
            out.append(
                Problem("outcome-without-answer", node.slug, f"结果“{node.slug}”还没有写“回答”。")
            )
    elif len(node.choices) < 2:
        out.append(
            Problem(
                "too-few-choices",
                node.slug,
                f"问题“{node.slug}”至少要有两个选项，现在只有 {len(node.choices)} 个。",
            )
        )
    values = [c.value for c in node.choices]
    for value in sorted({v for v in values if values.count(v) > 1}):
        out.append(
            Problem("duplicate-value", node.slug, f"问题“{node.slug}”有重复的选项值“{value}”。")
        )
    for choice in node.choices:
        if choice.target not in nodes:
            out.append(
                Problem(
                    "foreign-target",
                    node.slug,
                    f"问题“{node.slug}”的选项“{choice.label}”指向的节点不属于本向导。",
                )
            )
    return out


def _check_reachable(tree: TreeSpec) -> list[Problem]:
    start = tree.start
    if start is None:
        return []
    nodes = tree.by_slug
    seen, todo = {start.slug}, [start.slug]
    while todo:
        for choice in nodes[todo.pop()].choices:
            if choice.target in nodes and choice.target not in seen:
                seen.add(choice.target)
                todo.append(choice.target)
    return [
        Problem("unreachable", n.slug, f"节点“{n.slug}”从起始问题走不到。")
        for n in tree.nodes
        if n.slug not in seen
    ]


def _check_cycles(tree: TreeSpec) -> list[Problem]:
    nodes = tree.by_slug
    state: dict[str, int] = {}  # 1 = on the current DFS trail, 2 = done
    found: list[Problem] = []

    def visit(slug: str) -> None:
        state[slug] = 1
        for choice in nodes[slug].choices:
            target = choice.target
            if target not in nodes:
                continue
            if state.get(target) == 1:
                found.append(
                    Problem(
                        "cycle",
                        slug,
                        f"出现循环：“{slug}”的选项“{choice.label}”又回到了“{target}”。",
                    )
                )
            elif target not in state:
                visit(target)
        state[slug] = 2

    for node in tree.nodes:
        if node.slug not in state:
            visit(node.slug)
    return found
