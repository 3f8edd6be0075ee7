"""The shell around the pure engine: frozen specs from the database, the validator's verdict on
a stored tree, the path report editors sign off, and re-rendering after a fixture load."""

from urllib.parse import urlencode

from kb.core.content_version import content_changed
from kb.guide.engine import ChoiceSpec, NodeSpec, TreeSpec, all_paths
from kb.guide.models import Choice, Node, Tree
from kb.guide.validate import Problem, validate


def rerender_all() -> int:
    """Re-render every tree and node (loaddata saves raw, skipping save()); returns nodes."""
    trees, nodes = list(Tree.objects.all()), list(Node.objects.all())
    for obj in [*trees, *nodes]:
        obj.render()
    Tree.objects.bulk_update(trees, ["intro_html"])
    Node.objects.bulk_update(nodes, ["help_html", "answer_html", "next_steps_html"], batch_size=100)
    content_changed()
    return len(nodes)


def load_spec(tree) -> tuple[TreeSpec, dict]:
    """Two queries: the tree's nodes and its choices. Returns the spec and the nodes by slug."""
    # The letter an outcome offers comes along (a reverse one-to-one: no extra query).
    nodes = list(tree.nodes.select_related("letter_offer__letter"))
    slug_of = {n.pk: n.slug for n in nodes}
    choices: dict[int, list] = {}
    for c in Choice.objects.filter(node__tree=tree).order_by("order", "pk"):
        target = slug_of.get(c.leads_to_id, f"#{c.leads_to_id}")
        choices.setdefault(c.node_id, []).append(ChoiceSpec(c.value, c.label, target))
    specs = tuple(
        NodeSpec(n.slug, n.kind, n.title, tuple(choices.get(n.pk, ())), bool(n.answer.strip()))
        for n in nodes
    )
    starts = tuple(n.slug for n in nodes if n.is_start)
    return TreeSpec(tree.slug, specs, starts), {n.slug: n for n in nodes}


def problems_for(tree) -> list[Problem]:
    return validate(load_spec(tree)[0])


def path_rows(tree) -> list[dict]:
    """One row per path from the start to its end, for legal sign-off."""
    return [
        {
            "number": number,
            "answers": [(s.node.title, s.choice.label) for s in walk.path],
            "end_slug": walk.current.slug if walk.current else "",
            "end_title": walk.current.title if walk.current else "（路径断开或循环）",
            "is_outcome": bool(walk.current and walk.current.is_outcome),
            "url": f"{tree.get_absolute_url()}?{urlencode(walk.answers)}",
        }
        for number, walk in enumerate(all_paths(load_spec(tree)[0]), start=1)
    ]
