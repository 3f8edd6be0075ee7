"""The question-tree engine (pure Python): `walk()` replays the reader's answers {node slug: choice
value} from the start; keys off the path are ignored, the first bad answer stops the walk."""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ChoiceSpec:
    value: str
    label: str
    target: str


@dataclass(frozen=True)
class NodeSpec:
    slug: str
    kind: str
    title: str
    choices: tuple[ChoiceSpec, ...] = ()
    has_answer: bool = True

    @property
    def is_outcome(self) -> bool:
        return self.kind == "outcome"


@dataclass(frozen=True)
class TreeSpec:
    slug: str
    nodes: tuple[NodeSpec, ...]
    starts: tuple[str, ...] = ()

    @property
    def by_slug(self) -> dict[str, NodeSpec]:
        return {n.slug: n for n in self.nodes}

    @property
    def start(self) -> NodeSpec | None:
        return self.by_slug.get(self.starts[0]) if len(self.starts) == 1 else None


@dataclass(frozen=True)
class Step:
    node: NodeSpec
    choice: ChoiceSpec


@dataclass(frozen=True)
class Walk:
    """The answered steps and where they lead: the next question, an outcome, or None. With
    `error` ("unknown-choice", "missing-target" or "cycle"), `current` is the question stuck on."""

    path: tuple[Step, ...]
    current: NodeSpec | None
    error: str = ""

    @property
    def answers(self) -> dict[str, str]:
        """The answers that still apply, in path order: the canonical query of this step."""
        return {s.node.slug: s.choice.value for s in self.path}


def walk(tree: TreeSpec, answers: Mapping[str, str]) -> Walk:
    nodes, node = tree.by_slug, tree.start
    path: list[Step] = []
    while node is not None and not node.is_outcome:
        if any(s.node.slug == node.slug for s in path):
            return Walk(tuple(path), node, "cycle")
        value = answers.get(node.slug)
        if value is None:
            break
        choice = next((c for c in node.choices if c.value == value), None)
        if choice is None:
            return Walk(tuple(path), node, "unknown-choice")
        path.append(Step(node, choice))
        if choice.target not in nodes:
            return Walk(tuple(path), node, "missing-target")
        node = nodes[choice.target]
    return Walk(tuple(path), node)


def max_remaining(tree: TreeSpec, slug: str) -> int:
    """Most questions still to answer from this node (0 at an outcome); safe on cycles."""
    nodes, memo = tree.by_slug, {}

    def depth(s: str, trail: frozenset) -> int:
        node = nodes.get(s)
        if node is None or node.is_outcome or s in trail:
            return 0
        if s not in memo:
            memo[s] = 1 + max((depth(c.target, trail | {s}) for c in node.choices), default=0)
        return memo[s]

    return depth(slug, frozenset())


def all_paths(tree: TreeSpec, limit: int = 5000) -> list[Walk]:
    """Every walk from the start to its end, depth first: `current` is the node it ends on, or
    None where the path breaks off or loops."""
    nodes, out = tree.by_slug, []

    def visit(node: NodeSpec | None, steps: tuple[Step, ...]) -> None:
        if len(out) >= limit:
            return
        if node is None or node.is_outcome or not node.choices:
            out.append(Walk(steps, node))
        elif any(s.node.slug == node.slug for s in steps):
            out.append(Walk(steps, None))
        else:
            for choice in node.choices:
                visit(nodes.get(choice.target), (*steps, Step(node, choice)))

    if tree.start is not None:
        visit(tree.start, ())
    return out
