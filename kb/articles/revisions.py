"""Pending revisions: a 编辑's changes to a published article wait for a 审核 to apply them.

A user without the publish permission who saves a published article (scheduled ones too) does
not change it: `submit_revision` stores the fields they changed as an ArticleRevision, one
pending revision per author and article (saving again updates it). Readers keep seeing the
reviewed version. A reviewer reads its diff (kb/articles/revision_diff.py), then
`apply_revision` saves the article through Article.save() — body_html, citations, search
index, page cache and edit history follow as for any edit, the history entry naming the
reviewer — or `reject_revision`.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from kb.articles.models import Article, ArticleRevision, Category
from kb.core.workflow import can_publish

# The article fields a revision can change, in the order the diff shows them. Not `status`:
# a published article stays published (only 审核 takes one offline).
FIELDS = [
    "title",
    "slug",
    "category",
    "short_answer",
    "body",
    "published_at",
    "reviewed_at",
    "needs_review",
    "source",
    "editor",
    "tags",
    "related",
]
M2M = {"tags", "related"}

SUBMITTED = "修改已提交审核，审核通过前读者看到的仍是当前版本。"
UPDATED = "你的待审核修改已更新，审核通过前读者看到的仍是当前版本。"
WITHDRAWN = "内容与线上版本相同，你的待审核修改已撤回。"
UNCHANGED = "内容与线上版本相同，没有需要提交审核的修改。"
OWN_PENDING = (
    "你对这篇文章有一份待审核修改：下面的表单显示的是你的修改稿，再次保存会更新这份修改稿。"
    "审核通过前读者看到的仍是当前版本。"
)
EDITOR_HELP = (
    "这篇文章已发布。你保存的修改不会直接上线，而是作为待审核修改提交，"
    "由“审核”组的成员应用后读者才能看到；在此之前读者看到的仍是当前版本。"
    "状态请保持“已发布”：只有审核人员可以撤下文章。常见问题由审核人员修改。"
)
APPLIED_REASON = "应用待审核修改"
NOT_ALLOWED = "只有“审核”组的成员可以应用或驳回待审核修改。"
NOTE_MAX = 500
ALREADY_DECIDED = "这份修改已经处理过了（已应用或已驳回）。"
RECENT_DAYS = 30  # the editor's panel counts decisions this recent


class RevisionError(Exception):
    """A revision that cannot be applied any more; the message is for the reviewer."""


def is_live(article: Article) -> bool:
    """Published in the database (readers see it, or will at its publish time)."""
    return article.pk is not None and Article.objects.publishable().filter(pk=article.pk).exists()


def diverts(user, article: Article) -> bool:
    """Whether a save of `article` by `user` becomes a pending revision."""
    return not can_publish(user) and is_live(article)


def _json(name: str, value):
    """A field value as stored in a revision (JSON: pks, ISO dates, sorted pk lists)."""
    if name in M2M:
        return sorted(getattr(v, "pk", v) for v in value)
    if name == "category":
        return getattr(value, "pk", value)
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # The admin's date and time inputs carry no microseconds.
        return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def same_value(name: str, a, b) -> bool:
    if name == "published_at" and a and b:
        # The admin's zh-hans time input shows hours and minutes: seconds are not an edit.
        return parse_datetime(a).replace(second=0) == parse_datetime(b).replace(second=0)
    if isinstance(a, str) and isinstance(b, str):
        return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()
    return a == b


def live_values(article: Article) -> dict:
    """The stored article's values of every revisable field, as a revision stores them."""
    fresh = Article.objects.get(pk=article.pk)
    values = {name: _json(name, getattr(fresh, name)) for name in FIELDS if name not in M2M}
    values["category"] = fresh.category_id
    for name in M2M:
        values[name] = sorted(getattr(fresh, name).values_list("pk", flat=True))
    return values


def pending_for(article, author=None):
    """Pending revisions of `article` (an Article, its pk, or OuterRef("pk")), by `author`."""
    rows = ArticleRevision.objects.filter(article=article, status=ArticleRevision.Status.PENDING)
    return rows.filter(author=author) if author is not None else rows


def has_pending() -> Exists:
    """Annotation for an Article queryset: whether the article has a pending revision."""
    return Exists(pending_for(OuterRef("pk")))


@transaction.atomic
def submit_revision(
    article: Article, cleaned_data: dict, author
) -> tuple[str, ArticleRevision | None]:
    """Store the fields of `cleaned_data` that differ from the live article as `author`'s
    pending revision (created, updated, or withdrawn when nothing differs any more).
    Returns the message for the editor and the revision (None when none is left)."""
    live = live_values(article)
    proposed = {name: _json(name, cleaned_data[name]) for name in FIELDS if name in cleaned_data}
    changes = {name: v for name, v in proposed.items() if not same_value(name, v, live[name])}
    existing = (
        pending_for(article, author).select_for_update().first() if author is not None else None
    )
    if not changes:
        if existing is not None:
            existing.delete()
            return WITHDRAWN, None
        return UNCHANGED, None
    base = {name: live[name] for name in changes}
    if existing is not None:
        existing.changes, existing.base = changes, base
        existing.save(update_fields=["changes", "base", "updated_at"])
        return UPDATED, existing
    revision = ArticleRevision.objects.create(
        article=article, changes=changes, base=base, author=author
    )
    return SUBMITTED, revision


def initial_from(revision: ArticleRevision) -> dict:
    """Form initial values showing the revision's proposal (for its author reopening it)."""
    initial = {}
    for name, value in revision.changes.items():
        if name == "published_at":
            value = timezone.localtime(parse_datetime(value))
        elif name == "reviewed_at" and value:
            value = parse_date(value)
        initial[name] = value
    return initial


def _check_reviewer(user) -> None:
    if not can_publish(user):
        raise PermissionDenied(NOT_ALLOWED)


def _locked_pending(revision: ArticleRevision) -> ArticleRevision:
    locked = ArticleRevision.objects.select_for_update().get(pk=revision.pk)
    if locked.status != ArticleRevision.Status.PENDING:
        raise RevisionError(ALREADY_DECIDED)
    return locked


def apply_revision(revision: ArticleRevision, user) -> Article:
    """Save the proposed values into the article as `user` (a reviewer)."""
    _check_reviewer(user)
    with transaction.atomic():
        revision = _locked_pending(revision)
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        changes = revision.changes
        for name, value in changes.items():
            if name in M2M:
                continue
            if name == "category":
                if not Category.objects.filter(pk=value).exists():
                    raise RevisionError("提议的分类已被删除，无法应用这份修改。")
                article.category_id = value
            elif name == "published_at":
                article.published_at = parse_datetime(value)
            elif name == "reviewed_at":
                article.reviewed_at = parse_date(value) if value else None
            elif name == "slug":
                if Article.objects.filter(slug=value).exclude(pk=article.pk).exists():
                    raise RevisionError(f"网址标识“{value}”已被另一篇文章使用，无法应用这份修改。")
                article.slug = value
            else:
                setattr(article, name, value)
        article._history_user = user
        article._change_reason = APPLIED_REASON
        article.save()
        if "tags" in changes:
            article.tags.set(article.tags.model.objects.filter(pk__in=changes["tags"]))
        if "related" in changes:
            article.related.set(
                Article.objects.filter(pk__in=changes["related"]).exclude(pk=article.pk)
            )
        revision.status = ArticleRevision.Status.APPLIED
        revision.reviewer, revision.decided_at = user, timezone.now()
        revision.save(update_fields=["status", "reviewer", "decided_at", "updated_at"])
    return article


def reject_revision(revision: ArticleRevision, user, note: str = "") -> None:
    """Close the revision without touching the article; `note` tells its author why."""
    _check_reviewer(user)
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise RevisionError(f"审核意见最多 {NOTE_MAX} 字。")
    with transaction.atomic():
        revision = _locked_pending(revision)
        revision.status = ArticleRevision.Status.REJECTED
        revision.reviewer, revision.decided_at, revision.note = user, timezone.now(), note
        revision.save(update_fields=["status", "reviewer", "decided_at", "note", "updated_at"])


def latest_decision_notice(article_id: int, author) -> tuple[str, bool] | None:
    """For `author` reopening an article: what became of their newest revision of it, as
    (message, rejected); None while it is pending or if they never proposed one."""
    latest = ArticleRevision.objects.filter(article_id=article_id, author=author).first()
    if latest is None or latest.status == ArticleRevision.Status.PENDING:
        return None
    when = timezone.localtime(latest.decided_at).strftime("%Y-%m-%d %H:%M")
    if latest.status == ArticleRevision.Status.APPLIED:
        return f"你上次提交的修改已于 {when} 由审核应用，读者现在看到的是修改后的内容。", False
    notice = f"你上次提交的修改已于 {when} 被驳回，文章保持原样。"
    return notice + (f"审核意见：{latest.note}" if latest.note else ""), True


def recent_decisions(author, days: int = RECENT_DAYS) -> dict[str, int]:
    """How many of `author`'s revisions were applied and rejected in the last `days` days,
    and how many still wait: the editor's panel on the admin's start page."""
    since = timezone.now() - datetime.timedelta(days=days)
    status = ArticleRevision.Status
    return ArticleRevision.objects.filter(author=author).aggregate(
        applied=Count("pk", filter=Q(status=status.APPLIED, decided_at__gte=since)),
        rejected=Count("pk", filter=Q(status=status.REJECTED, decided_at__gte=since)),
        pending=Count("pk", filter=Q(status=status.PENDING)),
    )
