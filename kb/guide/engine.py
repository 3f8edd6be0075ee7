"""The question-tree engine: pure Python, no Django, no database.

A tree arrives as a frozen TreeSpec (built from the database by kb.guide.services) and the
reader's answers arrive as a mapping {node slug: choice value} taken from the GET query.
`walk()` replays the answers from the start node, like GOV.UK smart answers: unknown keys are
ignored, answers that no longer lie on the path are dropped, and the first answer that is not a
choice of its question stops the walk with an error.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

QUESTION = "question"
OUTCOME = "outcome"
MAX_VALUE_LENGTH = 40


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
        return self.kind == OUTCOME

    def choice(self, value: str) -> ChoiceSpec | None:
        return next((c for c in self.choices if c.value == value), None)


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
class Tampered:
    node: NodeSpec
    value: str
    reason: str


@dataclass(frozen=True)
class Walk:
    """Where the answers lead: the answered path, the current node, or the first bad answer."""

    path: tuple[Step, ...]
    current: NodeSpec | None
    error: Tampered | None = None
    ignored: tuple[str, ...] = field(default=())

    @property
    def at_outcome(self) -> bool:
        return self.error is None and self.current is not None and self.current.is_outcome

    @property
    def answers(self) -> dict[str, str]:
        """The answers that still apply, in path order: the canonical query of this step."""
        return {s.node.slug: s.choice.value for s in self.path}

    def answers_before(self, slug: str) -> dict[str, str]:
        out = {}
        for step in self.path:
            if step.node.slug == slug:
                break
            out[step.node.slug] = step.choice.value
        return out

    def step_for(self, slug: str) -> Step | None:
        return next((s for s in self.path if s.node.slug == slug), None)


def walk(tree: TreeSpec, answers: Mapping[str, str]) -> Walk:
    nodes = tree.by_slug
    node = tree.start
    path: list[Step] = []
    seen: set[str] = set()
    while node is not None and not node.is_outcome:
        if node.slug in seen:
            return Walk(tuple(path), node, Tampered(node, "", "cycle"))
        seen.add(node.slug)
        value = answers.get(node.slug)
        if value is None:
            break
        choice = node.choice(value) if len(value) <= MAX_VALUE_LENGTH else None
        if choice is None:
            return Walk(tuple(path), node, Tampered(node, value, "unknown-choice"))
        path.append(Step(node, choice))
        node = nodes.get(choice.target)
        if node is None:
            return Walk(
                tuple(path), path[-1].node, Tampered(path[-1].node, value, "missing-target")
            )
    used = set(seen)
    ignored = tuple(k for k in answers if k not in used)
    return Walk(tuple(path), node, None, ignored)


def max_remaining(tree: TreeSpec, slug: str) -> int:
    """Most questions still to answer from this node (0 at an outcome); safe on cycles."""
    nodes = tree.by_slug
    memo: dict[str, int] = {}

    def depth(s: str, trail: frozenset) -> int:
        node = nodes.get(s)
        if node is None or node.is_outcome or s in trail:
            return 0
        if s not in memo:
            memo[s] = 1 + max((depth(c.target, trail | {s}) for c in node.choices), default=0)
        return memo[s]

    return depth(slug, frozenset())


@dataclass(frozen=True)
class PathReport:
    steps: tuple[Step, ...]
    end: NodeSpec | None

    @property
    def answers(self) -> dict[str, str]:
        return {s.node.slug: s.choice.value for s in self.steps}


def all_paths(tree: TreeSpec, limit: int = 5000) -> list[PathReport]:
    """Every path from the start to an end (an outcome, a dead end or a cycle), depth first."""
    nodes = tree.by_slug
    out: list[PathReport] = []
    start = tree.start
    if start is None:
        return out

    def visit(node: NodeSpec, steps: tuple[Step, ...], trail: frozenset) -> None:
        if len(out) >= limit:
            return
        if node.is_outcome or not node.choices or node.slug in trail:
            out.append(PathReport(steps, node if node.slug not in trail else None))
            return
        for choice in node.choices:
            target = nodes.get(choice.target)
            step = (*steps, Step(node, choice))
            if target is None:
                out.append(PathReport(step, None))
            else:
                visit(target, step, trail | {node.slug})

    visit(start, (), frozenset())
    return out
