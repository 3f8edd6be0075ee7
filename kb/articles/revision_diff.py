"""What a pending revision changes, as a reviewer reads it: each field live and proposed."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kb.articles.models import Article, ArticleRevision, Category
from kb.articles.revisions import FIELDS, live_values, same_value
from kb.core.history import line_diff


def changed_labels(revision: ArticleRevision) -> str:
    """The changed fields' names, e.g. “标题、正文”."""
    return "、".join(
        str(Article._meta.get_field(name).verbose_name)
        for name in FIELDS
        if name in revision.changes
    )


@dataclass
class DiffRow:
    label: str
    old: SafeString
    new: SafeString
    moved: bool  # the live value changed after the revision was submitted


def _display(name: str, value) -> str:
    if value in (None, "", []):
        return "（空）"
    if name == "category":
        category = Category.objects.filter(pk=value).first()
        return category.name if category else "（已删除的分类）"
    if name == "tags":
        names = Article.tags.field.related_model.objects.filter(pk__in=value)
        return "、".join(names.values_list("name", flat=True))
    if name == "related":
        return "、".join(Article.objects.filter(pk__in=value).values_list("title", flat=True))
    if name == "published_at":
        return timezone.localtime(parse_datetime(value)).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def revision_diff(revision: ArticleRevision) -> list[DiffRow]:
    """Per changed field: the live value now and the proposed one (line diff for long text)."""
    live = live_values(revision.article)
    rows = []
    for name in FIELDS:
        if name not in revision.changes:
            continue
        label = str(Article._meta.get_field(name).verbose_name)
        old, new = live[name], revision.changes[name]
        if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
            old_html, new_html = line_diff(old.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
        else:
            old_html = mark_safe(f"<del>{escape(_display(name, old))}</del>")
            new_html = mark_safe(f"<ins>{escape(_display(name, new))}</ins>")
        moved = name in revision.base and not same_value(name, revision.base[name], old)
        rows.append(DiffRow(label, old_html, new_html, moved))
    return rows
