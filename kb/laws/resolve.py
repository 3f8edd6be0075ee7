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
    wanted = Q(pk__in=[])  # matches nothing, and costs no query when nothing is cited
    for c in citations:
        if c.law is not None:
            wanted |= Q(law__slug=c.law, number__range=(c.number, (c.last or c.provision)[0]))
    rows = list(
        Provision.objects.filter(wanted)
        .select_related("law")
        .only("number", "sub_number", "label", "text", "order", "law__slug", "law__short_title")
        .order_by("law_id", "order")
    )
    by_key = {(p.law.slug, p.number, p.sub_number): p for p in rows}
    short = {p.law.slug: p.law.short_title for p in rows}
    out = []
    for c in citations:
        first, last = (by_key.get((c.law, *key)) for key in (c.provision, c.last or c.provision))
        if c.law is None:
            out.append(Resolved(c, (), f"本站尚未收录《{c.law_name}》"))
        elif first is None or last is None:
            missing = "这一条" if c.last is None else "这一范围的起止条文"
            out.append(Resolved(c, (), f"《{short.get(c.law, c.law_name)}》中没有{missing}"))
        else:
            span = (p for p in rows if p.law.slug == c.law and first.order <= p.order <= last.order)
            out.append(Resolved(c, tuple(span)))
    return out
