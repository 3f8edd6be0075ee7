from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from kb.core.feedback import take_answer
from kb.core.origin import require_same_origin
from kb.guide import pages
from kb.guide.models import OutcomeFeedback, Tree


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/index.html", {"trees": pages.published_trees()})


@require_safe
def tree(request: HttpRequest, slug: str) -> HttpResponse:
    tree_obj = pages.tree_for(request, slug)
    try:
        visit = pages.visit(request, tree_obj)
    except pages.BadQuery as problem:
        context = {
            "tree": tree_obj,
            "message": str(problem),
            "last_valid_url": problem.last_valid_url,
        }
        return render(request, "guide/invalid.html", context, status=400)
    if visit.change and visit.walk.step_for(visit.change):
        return _private(
            request, render(request, "guide/question.html", pages.question_context(visit)), tree_obj
        )
    if not visit.canonical and not (visit.submitted and visit.submitted == visit.walk.current.slug):
        return redirect(pages.url(tree_obj, visit.walk.answers))
    if visit.walk.at_outcome:
        response = render(request, "guide/outcome.html", pages.outcome_context(visit))
    else:
        context = pages.question_context(visit)
        response = render(
            request,
            "guide/question.html",
            context,
            status=400 if context["missing_choice"] else 200,
        )
    return _private(request, response, tree_obj)


def _private(request: HttpRequest, response: HttpResponse, tree_obj) -> HttpResponse:
    if not tree_obj.is_published():
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_same_origin
@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    node = pages.outcome_for_feedback(slug, request.POST.get("node", ""))
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
    tree_obj = get_object_or_404(Tree.objects.published().only("slug", "title"), slug=slug)
    return render(request, "guide/feedback.html", {"tree": tree_obj, "thanks": True})
