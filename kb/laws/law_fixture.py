"""Loading fixtures/laws.json in a few queries, without silent edits of statute text.

`loaddata` looks every provision up by its natural key one at a time (three queries each, about
6,000 for the shipped laws) and overwrites changed text with a raw save that leaves no history.
This loader reads the existing rows once, skips rows that are already identical, creates new
rows in bulk and saves changed rows through `Model.save()`, so a changed provision text or law
status is kept as a `laws.Change` (and later flags the citing articles 需复核).

It runs inside load_content's transaction: any error leaves the database unchanged. New rows are
bulk-created without signals; load_content rebuilds the search index afterwards.
"""

import json
from pathlib import Path

from django.db import models

from kb.core.content_version import content_changed
from kb.laws.models import Law, Provision

LAW, PROVISION = "laws.law", "laws.provision"


class LawFixtureError(ValueError):
    pass


def load_laws_fixture(path: Path) -> dict[str, int]:
    """Load a laws fixture (natural keys, as dumped per the README); return row counts."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise LawFixtureError("文件顶层应是对象列表。")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    laws = {law.slug: law for law in Law.objects.all()}
    for index, row in enumerate(rows, 1):
        if _model(row, index) == LAW:
            _apply(Law, laws.get(_law_slug(row, index)), row, index, counts, laws)
    existing = {(p.law_id, p.number, p.sub_number): p for p in Provision.objects.all()}
    new: list[Provision] = []
    for index, row in enumerate(rows, 1):
        if _model(row, index) != PROVISION:
            continue
        fields = _fields(Provision, row, index, laws)
        key = (fields["law_id"], fields["number"], fields.get("sub_number", 0))
        current = existing.get(key)
        if current is None:
            provision = Provision(**fields)
            existing[key] = provision
            new.append(provision)
            counts["created"] += 1
        else:
            _update(current, fields, counts)
    Provision.objects.bulk_create(new)
    if counts["created"] or counts["updated"]:
        content_changed()
    return counts


def _model(row, index: int) -> str:
    model = row.get("model") if isinstance(row, dict) else None
    if model not in (LAW, PROVISION):
        raise LawFixtureError(f"第 {index} 个对象：不支持的模型 {model!r}。")
    if not isinstance(row.get("fields"), dict):
        raise LawFixtureError(f"第 {index} 个对象：缺少 fields。")
    return model


def _law_slug(row, index: int) -> str:
    slug = row["fields"].get("slug")
    if not slug:
        raise LawFixtureError(f"第 {index} 个对象：法律缺少 slug。")
    return slug


def _fields(model: type[models.Model], row, index: int, laws: dict[str, Law]) -> dict:
    values = {}
    for name, raw in row["fields"].items():
        try:
            field = model._meta.get_field(name)
        except Exception as exc:
            raise LawFixtureError(f"第 {index} 个对象：未知字段 {name}。") from exc
        if isinstance(field, models.ForeignKey):
            slug = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
            if slug not in laws:
                raise LawFixtureError(f"第 {index} 个对象：找不到法律 {raw!r}。")
            values[field.attname] = laws[slug].pk
        else:
            try:
                values[field.attname] = field.to_python(raw)
            except Exception as exc:
                raise LawFixtureError(
                    f"第 {index} 个对象：字段 {name} 的值 {raw!r} 无效。"
                ) from exc
    if model is Provision and ("law_id" not in values or "number" not in values):
        raise LawFixtureError(f"第 {index} 个对象：条文缺少 law 或 number。")
    return values


def _apply(model, current, row, index, counts, laws) -> None:
    fields = _fields(model, row, index, laws)
    if current is None:
        law = model(**fields)
        law.save()
        laws[law.slug] = law
        counts["created"] += 1
    else:
        _update(current, fields, counts)


def _update(current: models.Model, fields: dict, counts: dict[str, int]) -> None:
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if not changed:
        counts["unchanged"] += 1
        return
    for name in changed:
        setattr(current, name, fields[name])
    current.save()  # Law.save / Provision.save keep the old status or text as a Change
    counts["updated"] += 1
