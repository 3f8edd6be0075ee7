"""Match parsed citations to provisions in the database (two queries, however many citations)."""

from dataclasses import dataclass

from django.db.models import Q

from kb.laws.citations import Citation, Registry
from kb.laws.models import Law, Provision


@dataclass(frozen=True)
class Resolved:
    citation: Citation
    provisions: tuple[Provision, ...]  # empty when unresolved
    reason: str = ""


def current_registry() -> Registry:
    laws = Law.objects.only("slug", "title", "short_title", "aliases")
    return Registry.build({law.slug: law.names() for law in laws})


def resolve(citations: list[Citation]) -> list[Resolved]:
    """Each citation with its provisions (a range gives several), or the reason it has none."""
    wanted = Q()
    for c in citations:
        if c.law is None:
            continue
        if c.last is None:
            wanted |= Q(law__slug=c.law, number=c.number, sub_number=c.sub)
        else:
            wanted |= Q(law__slug=c.law, number__gte=c.number, number__lte=c.last[0])
    rows: list[Provision] = []
    if wanted:
        rows = list(
            Provision.objects.filter(wanted)
            .select_related("law")
            .only("number", "sub_number", "label", "text", "order", "law__slug", "law__short_title")
            .order_by("law_id", "order")
        )
    by_key = {(p.law.slug, p.number, p.sub_number): p for p in rows}
    short = {p.law.slug: p.law.short_title for p in rows}
    return [_one(c, rows, by_key, short) for c in citations]


def _one(c: Citation, rows, by_key, short) -> Resolved:
    if c.law is None:
        return Resolved(c, (), f"本站尚未收录《{c.law_name}》")
    first = by_key.get((c.law, c.number, c.sub))
    if c.last is None:
        if first is None:
            return Resolved(c, (), f"《{short.get(c.law, c.law_name)}》中没有这一条")
        return Resolved(c, (first,))
    last = by_key.get((c.law, *c.last))
    if first is None or last is None:
        return Resolved(c, (), f"《{short.get(c.law, c.law_name)}》中没有这一范围的起止条文")
    span = tuple(p for p in rows if p.law.slug == c.law and first.order <= p.order <= last.order)
    return Resolved(c, span)
