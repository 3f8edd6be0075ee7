"""What the letter pages show: the published letters, a letter's form and the filled letter.

A letter page reads the letter's text with its clauses and cited provisions (four queries,
whatever their number) and writes nothing: the reader's answers live only in the request.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, QueryDict

from kb.laws.models import Provision
from kb.letters.compose import Cited, ClauseText, Letter, PlanError, Template, compose
from kb.letters.forms import FORMS, LetterForm
from kb.letters.models import Clause
from kb.letters.models import Letter as LetterText

SUBMIT = "go"  # the submit button's name: without it, a query only pre-fills the form


@dataclass
class Visit:
    text: LetterText
    template: Template
    form: LetterForm
    submitted: bool
    letter: Letter | None = None

    @property
    def invalid(self) -> bool:
        return self.submitted and self.letter is None


def published_letters() -> list[LetterText]:
    return list(LetterText.objects.published().only("kind", "title", "summary"))


def _provisions():
    return Provision.objects.select_related("law").order_by("law__order", "law_id", "order")


def text_for(request: HttpRequest, kind: str) -> LetterText:
    """The published letter text of this kind, or any for staff (the one preview branch)."""
    if kind not in FORMS:
        raise Http404("没有这种文书")
    qs = LetterText.objects.all()
    if not (request.user.is_authenticated and request.user.is_staff):
        qs = qs.published()
    text = (
        qs.filter(kind=kind)
        .prefetch_related(
            Prefetch("provisions", queryset=_provisions()),
            Prefetch(
                "clauses",
                queryset=Clause.objects.prefetch_related(
                    Prefetch("provisions", queryset=_provisions())
                ),
            ),
        )
        .first()
    )
    if text is None:
        raise Http404("这种文书还没有发布")
    return text


def _cited(p: Provision) -> Cited:
    return Cited(f"《{p.law.short_title}》{p.label}", p.get_absolute_url(), tuple(p.paragraphs()))


def template_of(text: LetterText) -> Template:
    return Template(
        kind=text.kind,
        title=text.title,
        body=text.body,
        provisions=tuple(_cited(p) for p in text.provisions.all()),
        clauses=tuple(
            ClauseText(c.key, c.label, c.text, tuple(_cited(p) for p in c.provisions.all()))
            for c in text.clauses.all()
        ),
    )


def visit(request: HttpRequest, kind: str) -> Visit:
    text = text_for(request, kind)
    template = template_of(text)
    form_class = FORMS[kind]
    clauses = [(c.key, c.label) for c in template.clauses]
    params = request.GET
    if SUBMIT not in params:  # a blank form, or one pre-filled by a link (a guide outcome)
        initial = {
            k: v[: getattr(form_class.base_fields[k], "max_length", None) or 40]
            for k, v in params.items()
            if k in form_class.base_fields
        }
        if "clauses" in params:
            initial["clauses"] = params.getlist("clauses")
        form = form_class(initial=initial, clauses=clauses)
        return Visit(text, template, form, submitted=False)
    form = form_class(params, clauses=clauses)
    visit_ = Visit(text, template, form, submitted=True)
    if form.is_valid():
        try:
            visit_.letter = compose(template, form.cleaned_data, form.selected_clauses())
        except PlanError as problem:
            form.add_error(problem.field, problem.message)
    return visit_


def query_of(params: QueryDict, form_class: type[LetterForm]) -> str:
    """The reader's answers as a query string (known fields only), for the .docx link."""
    pairs = [
        (name, value) for name in form_class.base_fields for value in params.getlist(name) if value
    ]
    return urlencode([*pairs, (SUBMIT, "1")])
