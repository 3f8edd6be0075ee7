"""Pending revisions: a 编辑's changes to a published article wait until a 审核 applies them
through Article.save(), so HTML, citations, search, page cache and history follow as usual."""

import datetime

from django.contrib.messages import SUCCESS, WARNING
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from kb.articles.models import Article, ArticleRevision, Category
from kb.core.workflow import can_publish

FIELDS = ArticleRevision.FIELDS
M2M = {"tags", "related"}
OWN_PENDING = (
    "你对这篇文章有一份待审核修改：下面的表单显示的是你的修改稿，再次保存会更新这份修改稿。"
    "审核通过前读者看到的仍是当前版本。"
)
EDITOR_HELP = (
    "这篇文章已发布。你保存的修改不会直接上线，而是作为待审核修改提交，"
    "由“审核”组的成员应用后读者才能看到；在此之前读者看到的仍是当前版本。"
    "状态请保持“已发布”：只有审核人员可以撤下文章。常见问题由审核人员修改。"
)
NOTE_MAX = 500


class RevisionError(Exception):
    """A revision that cannot be applied any more; the message is for the reviewer."""


def is_live(article: Article) -> bool:
    """Published in the database (readers see it, or will at its publish time)."""
    return article.pk is not None and Article.objects.publishable().filter(pk=article.pk).exists()


def _json(name: str, value):
    """A field value as a revision stores it: pks, ISO dates (UTC, whole seconds)."""
    if name in M2M:
        return sorted(getattr(v, "pk", v) for v in value)
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return getattr(value, "pk", value)


def same_value(name: str, a, b) -> bool:
    if name == "published_at" and a and b:
        # The admin's zh-hans time input shows hours and minutes: seconds are not an edit.
        return parse_datetime(a).replace(second=0) == parse_datetime(b).replace(second=0)
    if isinstance(a, str) and isinstance(b, str):
        return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()
    return a == b


def live_values(article: Article) -> dict:
    """The stored article's values of every revisable field, as a revision stores them."""
    stored = model_to_dict(Article.objects.get(pk=article.pk), FIELDS)
    return {name: _json(name, value) for name, value in stored.items()}


def pending_for(article, author=None):
    """Pending revisions of `article` (an Article, its pk, or OuterRef("pk")), by `author`."""
    rows = ArticleRevision.objects.filter(article=article, status=ArticleRevision.Status.PENDING)
    return rows.filter(author=author) if author is not None else rows


def has_pending() -> Exists:
    """Annotation for an Article queryset: whether the article has a pending revision."""
    return Exists(pending_for(OuterRef("pk")))


@transaction.atomic
def submit_revision(article: Article, cleaned_data: dict, author) -> str:
    """Store the fields of `cleaned_data` that differ from the live article as `author`'s
    pending revision (created, updated, or withdrawn when nothing differs any more).
    Returns the message for the editor."""
    live = live_values(article)
    proposed = {name: _json(name, cleaned_data[name]) for name in FIELDS if name in cleaned_data}
    changes = {name: v for name, v in proposed.items() if not same_value(name, v, live[name])}
    existing = pending_for(article, author).select_for_update().first()
    if not changes:
        if existing is None:
            return "内容与线上版本相同，没有需要提交审核的修改。"
        existing.delete()
        return "内容与线上版本相同，你的待审核修改已撤回。"
    base = {name: live[name] for name in changes}
    if existing is None:
        ArticleRevision.objects.create(article=article, changes=changes, base=base, author=author)
        return "修改已提交审核，审核通过前读者看到的仍是当前版本。"
    existing.changes, existing.base = changes, base
    existing.save(update_fields=["changes", "base", "updated_at"])
    return "你的待审核修改已更新，审核通过前读者看到的仍是当前版本。"


def _locked_pending(revision: ArticleRevision, user) -> ArticleRevision:
    if not can_publish(user):
        raise PermissionDenied("只有“审核”组的成员可以应用或驳回待审核修改。")
    locked = ArticleRevision.objects.select_for_update().get(pk=revision.pk)
    if locked.status != ArticleRevision.Status.PENDING:
        raise RevisionError("这份修改已经处理过了（已应用或已驳回）。")
    return locked


def _close(revision: ArticleRevision, status: str, user, note: str = "") -> None:
    revision.status, revision.reviewer, revision.note = status, user, note
    revision.decided_at = timezone.now()
    revision.save(update_fields=["status", "reviewer", "decided_at", "note", "updated_at"])


@transaction.atomic
def apply_revision(revision: ArticleRevision, user) -> Article:
    """Save the proposed values into the article as `user` (a reviewer)."""
    revision = _locked_pending(revision, user)
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    changes = revision.changes
    for name, value in changes.items():
        if name not in M2M:
            field = Article._meta.get_field(name)
            setattr(article, field.attname, field.to_python(value))
    if "category" in changes and not Category.objects.filter(pk=article.category_id).exists():
        raise RevisionError("提议的分类已被删除，无法应用这份修改。")
    if (
        "slug" in changes
        and Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists()
    ):
        raise RevisionError(f"网址标识“{article.slug}”已被另一篇文章使用，无法应用这份修改。")
    article._history_user = user
    article._change_reason = "应用待审核修改"
    article.save()
    if "tags" in changes:
        article.tags.set(article.tags.model.objects.filter(pk__in=changes["tags"]))
    if "related" in changes:
        article.related.set(
            Article.objects.filter(pk__in=changes["related"]).exclude(pk=article.pk)
        )
    _close(revision, ArticleRevision.Status.APPLIED, user)
    return article


@transaction.atomic
def reject_revision(revision: ArticleRevision, user, note: str = "") -> None:
    """Close the revision without touching the article; `note` tells its author why."""
    revision = _locked_pending(revision, user)
    if len(note.strip()) > NOTE_MAX:
        raise RevisionError(f"审核意见最多 {NOTE_MAX} 字。")
    _close(revision, ArticleRevision.Status.REJECTED, user, note.strip())


def latest_decision_notice(article_id: int, author) -> tuple[str, int] | None:
    """For `author` reopening an article: what became of their newest revision of it, as
    (message, messages level); None while it is pending or if they never proposed one."""
    latest = ArticleRevision.objects.filter(article_id=article_id, author=author).first()
    if latest is None or latest.status == ArticleRevision.Status.PENDING:
        return None
    when = timezone.localtime(latest.decided_at).strftime("%Y-%m-%d %H:%M")
    if latest.status == ArticleRevision.Status.APPLIED:
        return f"你上次提交的修改已于 {when} 由审核应用，读者现在看到的是修改后的内容。", SUCCESS
    notice = f"你上次提交的修改已于 {when} 被驳回，文章保持原样。"
    return notice + (f"审核意见：{latest.note}" if latest.note else ""), WARNING
