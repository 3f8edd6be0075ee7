"""The letter pages: the list, a letter's form and the filled letter (page or .docx). They only
read; the reader's answers live only in the request and in its private response."""

from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kb.core.hant import to_traditional
from kb.core.preview import private, published_or_preview
from kb.laws.models import Provision
from kb.letters.compose import Cited, compose
from kb.letters.forms import FORMS
from kb.letters.models import Clause, Letter
from kb.letters.word import docx_bytes
from kb.rates.calc import NoSolution

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROVISIONS = Provision.objects.select_related("law").order_by("law__order", "law_id", "order")
TEXTS = Letter.objects.annotate(slug=F("kind")).prefetch_related(  # slug: for the lookup
    Prefetch("provisions", PROVISIONS),
    Prefetch("clauses", Clause.objects.prefetch_related(Prefetch("provisions", PROVISIONS))),
)


def _cited(provisions) -> list[Cited]:
    return [Cited(str(p), p.get_absolute_url(), tuple(p.paragraphs())) for p in provisions.all()]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    letters = Letter.objects.published().only("kind", "title", "summary")
    return render(request, "letters/index.html", {"letters": letters})


@require_safe
def letter(request: HttpRequest, kind: str, docx: bool = False) -> HttpResponse:
    """The form and, once answered (the submit button "go"), the letter; or it as a .docx."""
    text = published_or_preview(request, TEXTS, kind, "没有这种文书，或者它还没有发布")
    params, choices = request.GET, [(c.key, c.label) for c in text.clauses.all()]
    initial = {**params.dict(), "clauses": params.getlist("clauses")}  # a link may pre-fill it
    form = FORMS[kind](params if "go" in params else None, initial=initial, clauses=choices)
    letter = None
    if form.is_valid():
        chosen = [
            (c.text, _cited(c.provisions)) for c in text.clauses.all() if c.key in form.chosen()
        ]
        try:
            letter = compose(text, _cited(text.provisions), chosen, form.cleaned_data)
        except NoSolution as problem:
            form.add_error(problem.field, problem.message)
    if docx and letter:
        to = to_traditional if getattr(request, "hant", False) else str
        response = HttpResponse(docx_bytes(letter, to), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{kind}.docx"'
    else:
        docx_url = f"{request.path[:-1]}.docx?{request.GET.urlencode()}"
        context = {"text": text, "form": form, "letter": letter, "docx_url": docx_url}
        status = 400 if form.errors or docx else 200
        response = render(request, "letters/letter.html", context, status=status)
        if not (request.GET or docx) and text.is_published():
            return response
    # The reader's answers, or a staff preview: nothing caches or indexes it, no Referer carries it.
    response["Referrer-Policy"] = "no-referrer"
    return private(response)
