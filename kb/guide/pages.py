"""Prepared data for the guide pages: each page costs a fixed number of queries.

A step page: the tree, its nodes, its choices (3 queries). An outcome adds its provisions and
its published articles (5 queries).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest

from kb.articles.models import Article
from kb.core.preview import published_or_preview
from kb.guide.engine import Walk, max_remaining, walk
from kb.guide.models import Node, Tree
from kb.guide.services import load_spec

MAX_QUERY_LENGTH = 2000
SUBMITTED = "_step"
CHANGE = "_change"


class BadQuery(Exception):
    """A query the guide cannot use; the message is shown to the reader."""

    def __init__(self, message: str, last_valid_url: str = ""):
        super().__init__(message)
        self.last_valid_url = last_valid_url


@dataclass
class Visit:
    tree: Tree
    spec: object
    nodes: dict
    walk: Walk
    submitted: str
    change: str
    canonical: bool


def published_trees() -> list[Tree]:
    return list(Tree.objects.published().only("slug", "title", "intro_html"))


def tree_for(request: HttpRequest, slug: str) -> Tree:
    """The published tree, or any tree for staff (a preview)."""
    return published_or_preview(request, Tree.objects.all(), slug, "向导不存在或尚未发布")


def outcome_for_feedback(tree_slug: str, node_slug: str) -> Node:
    node = (
        Node.objects.select_related("tree")
        .filter(
            tree__in=Tree.objects.published(),
            tree__slug=tree_slug,
            slug=node_slug[:40],
            kind=Node.Kind.OUTCOME,
        )
        .first()
    )
    if node is None:
        raise Http404("这个结果不存在")
    return node


def visit(request: HttpRequest, tree: Tree) -> Visit:
    raw = request.META.get("QUERY_STRING", "")
    if len(raw) > MAX_QUERY_LENGTH:
        raise BadQuery("这个链接太长，不是本站生成的向导链接。")
    params = {k: v for k, v in request.GET.items() if not k.startswith("_")}
    spec, nodes = load_spec(tree)
    result = walk(spec, params)
    if result.error is not None:
        raise BadQuery(error_message(result), url(tree, result.answers) if result.path else "")
    if result.current is None:  # only a draft can lack its single start question
        raise BadQuery("这个向导还没有唯一的起始问题，暂时无法使用。")
    return Visit(
        tree,
        spec,
        nodes,
        result,
        submitted=request.GET.get(SUBMITTED, ""),
        change=request.GET.get(CHANGE, ""),
        canonical=raw == urlencode(result.answers),
    )


def error_message(result: Walk) -> str:
    node = result.error.node
    if result.error.reason == "unknown-choice":
        return f"链接里对“{node.title}”的回答不是它的选项之一。这个链接可能已过期或被改动过。"
    return "这个向导的结构有问题，暂时无法继续。我们会尽快修复。"


def url(tree: Tree, answers: dict, **extra) -> str:
    query = urlencode({**answers, **extra})
    return f"{tree.get_absolute_url()}?{query}" if query else tree.get_absolute_url()


def answered(v: Visit, upto: str | None = None) -> list[dict]:
    """“你的回答”: each earlier answer with its 修改 link (which keeps the later answers)."""
    rows = []
    for step in v.walk.path:
        if step.node.slug == upto:
            break
        rows.append(
            {
                "question": step.node.title,
                "answer": step.choice.label,
                "change_url": url(v.tree, v.walk.answers, _change=step.node.slug),
            }
        )
    return rows


def question_context(v: Visit) -> dict:
    changing = v.walk.step_for(v.change)
    node = changing.node if changing else v.walk.current
    chosen = changing.choice.value if changing else ""
    before = v.walk.answers_before(node.slug)
    hidden = {
        **before,
        **{k: val for k, val in v.walk.answers.items() if k not in before and k != node.slug},
    }
    number = len(before) + 1
    remaining = max_remaining(v.spec, node.slug) - 1
    return {
        "tree": v.tree,
        "node": v.nodes[node.slug],
        "choices": [
            {"value": c.value, "label": c.label, "checked": c.value == chosen} for c in node.choices
        ],
        "hidden": list(hidden.items()),
        "submitted_name": SUBMITTED,
        "step_number": number,
        "remaining": remaining,
        "answered": answered(v, upto=node.slug),
        "restart_url": v.tree.get_absolute_url(),
        "missing_choice": v.submitted == node.slug and not changing,
        "back_url": url(v.tree, before) if number > 1 else "",
    }


def outcome_context(v: Visit) -> dict:
    node = v.nodes[v.walk.current.slug]
    provisions = list(
        node.provisions.select_related("law").order_by("law__order", "law_id", "order")
    )
    articles = list(
        Article.objects.published().filter(guide_nodes=node).only("title", "slug", "short_answer")
    )
    return {
        "tree": v.tree,
        "node": node,
        "provisions": provisions,
        "articles": articles,
        "answered": answered(v),
        "restart_url": v.tree.get_absolute_url(),
        "permalink": url(v.tree, v.walk.answers),
    }
