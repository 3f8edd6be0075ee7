"""Writes to laws and provisions: importing a parsed statute file, safely and repeatably."""

from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from kb.core.content_version import content_changed
from kb.laws.lawfile import ParsedLaw
from kb.laws.models import Law, Provision

# Extra names editors use, beyond the title and the front matter's short titles. Only names
# that can mean one document here (the citation parser drops any name shared by two laws),
# and none holding 、 or a comma: those separate the aliases.
ALIASES = {
    "xiaobaofa": ["消保法", "消法"],
    "zhengxin-tiaoli": ["征信条例"],
    "gebaofa": ["个保法"],
    "minjian-jiedai": ["民间借贷司法解释", "新民间借贷司法解释"],
    "zhixing-chafeng-dongjie": [
        "查封扣押冻结财产规定",
        "查扣冻规定",
        "查封规定",
    ],
    "xinyongka-jieshi-2018-jueding": [
        "妨害信用卡管理刑事案件解释修改决定",
        "信用卡司法解释修改决定",
        "信用卡解释修改决定",
    ],
}
# Display order inside each kind on /laws/.
ORDER = [
    "minfadian",
    "xiaobaofa",
    "gebaofa",
    "xingfa",
    "minshi-susongfa",
    "falv-yuanzhu-fa",
    "zhengxin-tiaoli",
    "minjian-jiedai",
    "pifu-2020-27",
    "zhixing-chafeng-dongjie",
    "xinyongka-jieshi-2018-jueding",
]
KIND_BY_LABEL = {label: value for value, label in Law.Kind.choices}
STATUS_BY_LABEL = {label: value for value, label in Law.Status.choices}


class MissingProvisions(ValueError):
    """The file lacks provisions the database has; deleting them needs explicit consent."""


@dataclass
class ImportResult:
    law: Law
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"{self.law.slug}: {self.created} 条新增，{self.updated} 条修改，"
            f"{self.deleted} 条删除，{self.unchanged} 条未变"
        )


def law_fields(parsed: ParsedLaw, slug: str) -> dict:
    short, *more = parsed.names
    aliases = [a for a in [*more, *ALIASES.get(slug, [])] if a not in (short, parsed.title)]
    return {
        "title": parsed.title,
        "short_title": short,
        "aliases": "、".join(dict.fromkeys(aliases)),
        "kind": KIND_BY_LABEL[parsed.kind],
        "status": STATUS_BY_LABEL[parsed.status],
        "source": parsed.source[:300],
        "issuing_body": parsed.issuing_body[:120],
        "document_number": parsed.document_number[:120],
        "adopted_date": parsed.dates.get("adopted_date"),
        "promulgation_date": parsed.dates.get("promulgation_date"),
        "effective_date": parsed.dates.get("effective_date"),
        "last_amended_date": parsed.dates.get("latest_amendment_date"),
        "version_note": parsed.version_note[:300],
        "history": "\n".join(parsed.history),
        "preamble": "\n".join(parsed.preamble),
        "appendix": "\n".join(parsed.appendix),
        "order": ORDER.index(slug) + 1 if slug in ORDER else len(ORDER) + 1,
    }


@transaction.atomic
def import_law(parsed: ParsedLaw, slug: str, delete_missing: bool = False) -> ImportResult:
    """Create or update one law and its provisions. Changed text goes through
    Provision.save(), which keeps the old text as a Change (and so flags citing articles).
    Provisions missing from the file are deleted only with delete_missing=True."""
    fields = law_fields(parsed, slug)
    law = Law.objects.filter(slug=slug).first() or Law(slug=slug)
    changed = [k for k, v in fields.items() if getattr(law, k) != v]
    if law.pk is None or changed:
        for key, value in fields.items():
            setattr(law, key, value)
        law.save()
    result = ImportResult(law=law)
    existing = {(p.number, p.sub_number): p for p in law.provisions.all()}
    new_rows = []
    for order, item in enumerate(parsed.provisions, start=1):
        values = {
            "label": item.label,
            "part": item.part,
            "subpart": item.subpart,
            "chapter": item.chapter,
            "section": item.section,
            "text": item.text,
            "order": order,
        }
        current = existing.pop((item.number, item.sub_number), None)
        if current is None:
            new_rows.append(
                Provision(law=law, number=item.number, sub_number=item.sub_number, **values)
            )
        elif any(getattr(current, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            result.updated += 1
        else:
            result.unchanged += 1
    if existing and not delete_missing:
        labels = "、".join(p.label for p in sorted(existing.values(), key=lambda p: p.order)[:10])
        raise MissingProvisions(f"{slug}: 文件中没有已收录的 {labels} 等 {len(existing)} 条")
    # With history rows: a provision's first version is on record like every later one.
    bulk_create_with_history(
        new_rows, Provision, batch_size=500, default_change_reason="导入法律文件"
    )
    result.created = len(new_rows)
    if existing:
        Provision.objects.filter(pk__in=[p.pk for p in existing.values()]).delete()
        result.deleted = len(existing)
    content_changed()
    return result
