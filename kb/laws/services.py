"""Writes to laws and provisions (from a statute file or fixtures/laws.json): identical rows are
skipped, changed ones saved through Model.save(), which keeps the old text or status as a Change."""

from collections import Counter

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from kb.core.content_version import content_changed
from kb.laws.models import Law, Provision

VALUE_OF = {label: value for value, label in [*Law.Kind.choices, *Law.Status.choices]}


class MissingProvisions(ValueError):
    """The file lacks provisions the database has; deleting them needs explicit consent."""


def save_row(obj: models.Model, fields: dict, counts: Counter) -> None:
    """Create `obj` with `fields`, or save what changed; count it as created/updated/unchanged."""
    changed = {name: value for name, value in fields.items() if getattr(obj, name) != value}
    if obj.pk and not changed:
        counts["unchanged"] += 1
        return
    counts["updated" if obj.pk else "created"] += 1
    for name, value in changed.items():
        setattr(obj, name, value)
    obj.save()


def save_provisions(law: Law, rows: list[dict], counts: Counter, reason: str) -> list[Provision]:
    """Create or update the law's provisions from `rows`; return those `rows` lack."""
    existing = {(p.number, p.sub_number): p for p in law.provisions.all()}
    new = []
    for row in rows:
        current = existing.pop((row["number"], row.get("sub_number", 0)), None)
        if current is None:
            new.append(Provision(law=law, **row))
        else:
            save_row(current, row, counts)
    bulk_create_with_history(new, Provision, batch_size=500, default_change_reason=reason)
    counts["created"] += len(new)
    return list(existing.values())


@transaction.atomic
def import_law(slug: str, law: dict, provisions: list[dict], delete_missing=False) -> str:
    """Create or update one law from a statute file; delete missing provisions only if asked."""
    fields = {**law, "kind": VALUE_OF[law["kind"]], "status": VALUE_OF[law["status"]]}
    for name in ("source", "issuing_body", "document_number", "version_note"):
        fields[name] = fields[name][: Law._meta.get_field(name).max_length]
    row = Law.objects.filter(slug=slug).first() or Law(slug=slug)
    save_row(row, fields, Counter())
    counts = Counter()
    missing = save_provisions(row, provisions, counts, "导入法律文件")
    if missing and not delete_missing:
        labels = "、".join(p.label for p in missing[:10])
        raise MissingProvisions(f"{slug}: 文件中没有已收录的 {labels} 等 {len(missing)} 条")
    Provision.objects.filter(pk__in=[p.pk for p in missing]).delete()
    content_changed()
    return (
        f"{slug}: {counts['created']} 条新增，{counts['updated']} 条修改，"
        f"{len(missing)} 条删除，{counts['unchanged']} 条未变"
    )
