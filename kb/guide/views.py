"""The guide's pages: one question per page, the reader's answers in the query string. A question
costs three queries (tree, nodes, choices); an outcome adds its provisions and articles."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from kb.articles.models import Article
from kb.core.feedback import take_answer
from kb.core.origin import require_same_origin
from kb.core.preview import private, published_or_preview
from kb.guide.engine import Walk, max_remaining, walk
from kb.guide.models import Node, OutcomeFeedback, Tree
from kb.guide.services import load_spec

MAX_QUERY_LENGTH = 2000


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    trees = Tree.objects.published().only("slug", "title", "intro_html")
    return render(request, "guide/index.html", {"trees": trees})


@require_safe
def tree(request: HttpRequest, slug: str) -> HttpResponse:
    tree = published_or_preview(request, Tree.objects.all(), slug, "向导不存在或尚未发布")
    response = _step(request, tree)
    return response if tree.is_published() else private(response)  # a staff preview


def _step(request: HttpRequest, tree: Tree) -> HttpResponse:
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return _invalid(request, tree, "这个链接太长，不是本站生成的向导链接。")
    spec, nodes = load_spec(tree)
    result = walk(spec, {k: v for k, v in request.GET.items() if not k.startswith("_")})
    if result.error:
        message = (
            f"链接里对“{result.current.title}”的回答不是它的选项之一。这个链接可能已过期或被改动过。"
            if result.error == "unknown-choice"
            else "这个向导的结构有问题，暂时无法继续。我们会尽快修复。"
        )
        return _invalid(request, tree, message, _url(tree, result.answers) if result.path else "")
    if result.current is None:  # only a draft can lack its single start question
        return _invalid(request, tree, "这个向导还没有唯一的起始问题，暂时无法使用。")
    # A 修改 link (`_change`) shows an earlier question again, the later answers kept.
    change = request.GET.get("_change")
    changing = next((i for i, s in enumerate(result.path) if s.node.slug == change), None)
    submitted = request.GET.get("_step", "")
    if changing is None and query != urlencode(result.answers) and submitted != result.current.slug:
        return redirect(_url(tree, result.answers))
    if changing is None and result.current.is_outcome:
        return render(request, "guide/outcome.html", _outcome(tree, nodes, result))
    context = _question(tree, spec, nodes, result, changing, submitted)
    status = 400 if context["missing_choice"] else 200
    return render(request, "guide/question.html", context, status=status)


def _question(tree: Tree, spec, nodes: dict, result: Walk, changing, submitted: str) -> dict:
    """The question at step `changing` (a 修改 link) or, when None, the next one."""
    at = len(result.path) if changing is None else changing
    step = None if changing is None else result.path[at]
    node = step.node if step else result.current
    return {
        "tree": tree,
        "node": nodes[node.slug],
        "choices": [
            {"value": c.value, "label": c.label, "checked": bool(step) and c == step.choice}
            for c in node.choices
        ],
        "hidden": [(k, v) for k, v in result.answers.items() if k != node.slug],
        "step_number": at + 1,
        "remaining": max_remaining(spec, node.slug) - 1,
        "answered": _answered(tree, result, at),
        "missing_choice": submitted == node.slug and step is None,
        "back_url": _url(tree, dict(list(result.answers.items())[:at])) if at else "",
    }


def _outcome(tree: Tree, nodes: dict, result: Walk) -> dict:
    node = nodes[result.current.slug]
    articles = Article.objects.published().filter(guide_nodes=node)
    return {
        "tree": tree,
        "node": node,
        "provisions": node.provisions.select_related("law"),  # in the laws' order
        "articles": articles.only("title", "slug", "short_answer"),
        "answered": _answered(tree, result, len(result.path)),
        "permalink": _url(tree, result.answers),
    }


def _answered(tree: Tree, result: Walk, upto: int) -> list[dict]:
    """“你的回答”: each earlier answer with its 修改 link (which keeps the later answers)."""
    return [
        {
            "question": step.node.title,
            "answer": step.choice.label,
            "change_url": _url(tree, result.answers, _change=step.node.slug),
        }
        for step in result.path[:upto]
    ]


def _url(tree: Tree, answers: dict, **extra) -> str:
    query = urlencode({**answers, **extra})
    return f"{tree.get_absolute_url()}?{query}" if query else tree.get_absolute_url()


def _invalid(request: HttpRequest, tree: Tree, message: str, last_valid_url="") -> HttpResponse:
    context = {"tree": tree, "message": message, "last_valid_url": last_valid_url}
    return render(request, "guide/invalid.html", context, status=400)


@require_same_origin
@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    node = get_object_or_404(
        Node.objects.select_related("tree"),
        tree__in=Tree.objects.published(),
        tree__slug=slug,
        slug=request.POST.get("node", "")[:40],
        kind=Node.Kind.OUTCOME,
    )
    return take_answer(
        request,
        OutcomeFeedback,
        f"guide-feedback:{node.pk}",
        "guide/feedback.html",
        {"tree": node.tree, "node": node},
        reverse("guide:feedback-thanks", args=[slug]),
        node=node,
    )


@require_safe
def feedback_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    tree = get_object_or_404(Tree.objects.published().only("slug", "title"), slug=slug)
    return render(request, "guide/feedback.html", {"tree": tree, "thanks": True})
