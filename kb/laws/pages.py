"""Prepared data for the laws pages, each in a fixed number of queries."""

import re
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import Http404

from kb.laws.models import Change, Law, Provision

NUMBER_RE = re.compile(r"^(\d{1,5})(?:-(\d{1,3}))?$")
MAX_RANGE = 300  # provisions on one range page
LEVELS = ("part", "subpart", "chapter", "section")


@dataclass
class Heading:
    level: int  # 0 编, 1 分编, 2 章, 3 节
    text: str
    anchor: str


@dataclass
class Entry:
    headings: list[Heading] = field(default_factory=list)
    provision: Provision | None = None


def index_context() -> dict:
    laws = list(Law.objects.annotate(provision_count=Count("provisions")).order_by("order", "id"))
    groups = []
    for kind, label in Law.Kind.choices:
        members = [law for law in laws if law.kind == kind]
        if members:
            groups.append({"label": label, "laws": members})
    return {"groups": groups}


def law_context(slug: str) -> dict:
    law = Law.objects.filter(slug=slug).first()
    if law is None:
        raise Http404("没有这部法律文件")
    entries, toc, current = [], [], ("", "", "", "")
    for p in law.provisions.all().order_by("order"):
        entry = Entry(provision=p)
        place = tuple(getattr(p, name) for name in LEVELS)
        for level, text in enumerate(place):
            if text and (text != current[level] or place[:level] != current[:level]):
                heading = Heading(level, text, f"h{p.slug}-{level}")
                entry.headings.append(heading)
                toc.append(heading)
        current = place
        entries.append(entry)
    return {"law": law, "entries": entries, "toc": toc, "count": len(entries)}


def parse_number(text: str) -> tuple[int, int]:
    match = NUMBER_RE.match(text)
    if match is None:
        raise Http404("条号格式不对")
    return int(match.group(1)), int(match.group(2) or 0)


def provision_context(law_slug: str, number: str) -> dict:
    """The provision, its neighbours and its text history (no articles: see kb.articles)."""
    num, sub = parse_number(number)
    provision = (
        Provision.objects.select_related("law")
        .filter(law__slug=law_slug, number=num, sub_number=sub)
        .first()
    )
    if provision is None:
        raise Http404("没有这一条")
    siblings = (
        Provision.objects.filter(law_id=provision.law_id)
        .select_related("law")
        .only("number", "sub_number", "label", "law__slug")
    )
    return {
        "law": provision.law,
        "provision": provision,
        "previous": siblings.filter(order__lt=provision.order).order_by("-order").first(),
        "next": siblings.filter(order__gt=provision.order).order_by("order").first(),
        "history": list(provision.changes.filter(kind=Change.Kind.TEXT).order_by("-changed_at")),
    }


def range_context(law_slug: str, first: str, last: str) -> dict:
    """A cited range 第X条至第Y条: every provision from the first to the last, in two queries."""
    start, end = parse_number(first), parse_number(last)
    if end <= start:
        raise Http404("范围的结束条文必须在开始条文之后")
    law = Law.objects.filter(slug=law_slug).first()
    if law is None:
        raise Http404("没有这部法律文件")
    rows = list(law.provisions.filter(number__gte=start[0], number__lte=end[0]).order_by("order"))
    ends = [p for p in rows if (p.number, p.sub_number) in (start, end)]
    if len(ends) != 2:
        raise Http404("这部法律文件中没有这一范围的起止条文")
    provisions = [p for p in rows if ends[0].order <= p.order <= ends[1].order]
    if len(provisions) > MAX_RANGE:
        raise Http404(f"范围过大：一页最多列出 {MAX_RANGE} 条")
    for p in provisions:
        p.law = law  # for get_absolute_url without another query
    return {"law": law, "provisions": provisions, "first": ends[0], "last": ends[1]}
