from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from kb.core.hant import to_traditional
from kb.letters import pages
from kb.letters.blocks import convert
from kb.letters.forms import FORMS
from kb.letters.word import docx_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _private(response: HttpResponse) -> HttpResponse:
    """The reader's answers are in this response: no shared cache or search engine keeps it."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    # Links followed from the letter must not carry its address (and the reader's values in
    # it) to the next page's logs as a Referer.
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "letters/index.html", {"letters": pages.published_letters()})


@require_safe
def letter(request: HttpRequest, kind: str) -> HttpResponse:
    visit = pages.visit(request, kind)
    context = {
        "text": visit.text,
        "form": visit.form,
        "letter": visit.letter,
        "docx_url": f"{request.path[:-1]}.docx?{pages.query_of(request.GET, FORMS[kind])}",
    }
    response = render(request, "letters/letter.html", context, status=400 if visit.invalid else 200)
    # Answers in the query, or a staff preview of an unpublished text: for this reader only.
    return _private(response) if request.GET or not visit.text.is_published() else response


@require_safe
def docx(request: HttpRequest, kind: str) -> HttpResponse:
    visit = pages.visit(request, kind)
    if visit.letter is None:
        context = {"text": visit.text, "form": visit.form, "letter": None}
        return _private(render(request, "letters/letter.html", context, status=400))
    title, blocks = visit.letter.title, visit.letter.blocks
    if getattr(request, "hant", False):
        title, blocks = to_traditional(title), convert(blocks, to_traditional)
    response = HttpResponse(docx_bytes(title, blocks), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{kind}.docx"'
    return _private(response)
