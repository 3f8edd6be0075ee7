"""Loading fixtures/laws.json with the writes of kb/laws/services.py: `loaddata` would look each
provision up one at a time and overwrite changed text with a raw save that leaves no Change."""

import json
from collections import Counter, defaultdict
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ValidationError

from kb.core.content_version import content_changed
from kb.core.history import LOADED_REASON
from kb.laws.models import Law, Provision
from kb.laws.services import save_provisions, save_row


def load_laws_fixture(path: Path) -> dict[str, int]:
    """Load a laws fixture; return how many rows were created, updated and unchanged."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError("文件顶层应是对象列表。")
    for index, row in enumerate(rows, 1):
        model = row.get("model") if isinstance(row, dict) else None
        if model not in ("laws.law", "laws.provision"):
            raise ValueError(f"第 {index} 个对象：不支持的模型 {model!r}。")
        if not isinstance(row.get("fields"), dict):
            raise ValueError(f"第 {index} 个对象：缺少 fields。")
    counts, provisions = Counter(), defaultdict(list)
    laws = {law.slug: law for law in Law.objects.all()}
    for index, row in sorted(enumerate(rows, 1), key=lambda pair: pair[1]["model"] != "laws.law"):
        model = Law if row["model"] == "laws.law" else Provision
        fields = _fields(model, row["fields"], index, laws)
        if model is Law and fields.get("slug"):
            save_row(laws.setdefault(fields["slug"], Law()), fields, counts)
        elif model is Law:
            raise ValueError(f"第 {index} 个对象：法律缺少 slug。")
        elif "law" in fields and "number" in fields:
            provisions[fields.pop("law")].append(fields)
        else:
            raise ValueError(f"第 {index} 个对象：条文缺少 law 或 number。")
    for law, fields in provisions.items():
        save_provisions(law, fields, counts, LOADED_REASON)
    if counts["created"] or counts["updated"]:
        content_changed()
    return {key: counts[key] for key in ("created", "updated", "unchanged")}


def _fields(model, raw: dict, index: int, laws: dict[str, Law]) -> dict:
    """A row's values as Python objects; `law` (a natural key) becomes the Law."""
    values = {}
    for name, value in raw.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise ValueError(f"第 {index} 个对象：未知字段 {name}。") from None
        if field.is_relation:
            slug = value[0] if isinstance(value, list) and len(value) == 1 else value
            if not isinstance(slug, str) or slug not in laws:
                raise ValueError(f"第 {index} 个对象：找不到法律 {value!r}。")
            values[name] = laws[slug]
        else:
            try:
                values[name] = field.to_python(value)
            except ValidationError:
                raise ValueError(f"第 {index} 个对象：字段 {name} 的值 {value!r} 无效。") from None
    return values
