"""The laws' pages, in a fixed number of queries (the provision page's view is in kb.articles)."""

import re

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from kb.laws.models import Law, Provision

NUMBER_RE = re.compile(r"^(\d{1,5})(?:-(\d{1,3}))?$")
MAX_RANGE = 300  # provisions on one range page


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    laws = list(Law.objects.annotate(provision_count=Count("provisions")).order_by("order", "id"))
    groups = [
        {"label": label, "laws": [law for law in laws if law.kind == kind]}
        for kind, label in Law.Kind.choices
    ]
    return render(request, "laws/index.html", {"groups": [g for g in groups if g["laws"]]})


@require_safe
def law_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole law, with a heading wherever 编/分编/章/节 changes, and a table of contents."""
    law = get_object_or_404(Law, slug=slug)
    provisions, toc, current = list(law.provisions.order_by("order")), [], ()
    for p in provisions:
        place = (p.part, p.subpart, p.chapter, p.section)
        p.headings = [
            {"level": level, "text": text, "anchor": f"h{p.slug}-{level}"}
            for level, text in enumerate(place)
            if text and place[: level + 1] != current[: level + 1]
        ]
        toc += p.headings
        current = place
    return render(request, "laws/law.html", {"law": law, "provisions": provisions, "toc": toc})


def parse_number(text: str) -> tuple[int, int]:
    """A provision slug: 675 → (675, 0); 293-1 (第二百九十三条之一) → (293, 1)."""
    match = NUMBER_RE.match(text)
    if match is None:
        raise Http404("条号格式不对")
    return int(match.group(1)), int(match.group(2) or 0)


def provision_context(law_slug: str, number: str) -> dict:
    """The provision, its neighbours and its text history (no articles: see kb.articles)."""
    num, sub = parse_number(number)
    provision = get_object_or_404(
        Provision.objects.select_related("law"), law__slug=law_slug, number=num, sub_number=sub
    )
    siblings = provision.law.provisions.only("number", "sub_number", "label", "law")
    return {
        "law": provision.law,
        "provision": provision,
        "previous": siblings.filter(order__lt=provision.order).order_by("-order").first(),
        "next": siblings.filter(order__gt=provision.order).order_by("order").first(),
        "history": list(provision.changes.all()),  # text changes, the newest first
    }


@require_safe
def provision_range(request: HttpRequest, slug: str, first: str, last: str) -> HttpResponse:
    """A cited range 第X条至第Y条: every provision from the first to the last, in two queries."""
    start, end = parse_number(first), parse_number(last)
    if end <= start:
        raise Http404("范围的结束条文必须在开始条文之后")
    law = get_object_or_404(Law, slug=slug)
    rows = list(law.provisions.filter(number__gte=start[0], number__lte=end[0]).order_by("order"))
    ends = [p for p in rows if (p.number, p.sub_number) in (start, end)]
    if len(ends) != 2:
        raise Http404("这部法律文件中没有这一范围的起止条文")
    provisions = [p for p in rows if ends[0].order <= p.order <= ends[1].order]
    if len(provisions) > MAX_RANGE:
        raise Http404(f"范围过大：一页最多列出 {MAX_RANGE} 条")
    context = {"law": law, "provisions": provisions, "first": ends[0], "last": ends[1]}
    return render(request, "laws/range.html", context)
