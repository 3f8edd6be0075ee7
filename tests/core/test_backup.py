"""`backup` then `restore` gives back every row and every uploaded file; a bad archive changes nothing."""

import io
import json
import tarfile

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from kb.articles.models import Article, Tag
from kb.laws.models import Law, Provision
from kb.site.backup import dump_database


def snapshot() -> list:
    """Every row, in a stable order (PostgreSQL returns many-to-many lists in any order)."""
    rows = json.loads(dump_database())
    for row in rows:
        row["fields"] = {
            k: sorted(v, key=str) if isinstance(v, list) else v for k, v in row["fields"].items()
        }
    return sorted(rows, key=lambda row: (row["model"], str(row["pk"])))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "uploads").mkdir(parents=True)
    return settings.MEDIA_ROOT


@pytest.fixture
def content(make_article, staff_user, media):
    law = Law.objects.create(slug="minfadian", title="中华人民共和国民法典", short_title="民法典")
    provision = Provision.objects.create(
        law=law, number=675, label="第六百七十五条", text="借款人应当按照约定的期限返还借款。"
    )
    tag = Tag.objects.create(name="借呗")
    article = make_article(
        body="依据《民法典》第六百七十五条，借款应按期返还。\n\n![](/media/uploads/a.png)"
    )
    article.tags.add(tag)
    article.body = article.body + "\n\n补充一段。"
    article.save()
    (media / "uploads" / "a.png").write_bytes(b"\x89PNG fake image bytes")
    return article, provision


def test_it_restores_every_row_and_file_after_changes(content, media, tmp_path, make_article):
    article, provision = content
    article_pk = article.pk
    before = snapshot()
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive))

    article.delete()
    provision.text = "被误改的文本"
    provision.save()
    make_article(title="备份之后新写的文章")
    Group.objects.get(name="编辑").delete()
    (media / "uploads" / "a.png").unlink()

    call_command("restore", str(archive))
    assert snapshot() == before
    assert Article.objects.get(pk=article_pk).history.count() == 2
    assert Provision.objects.get(pk=provision.pk).text.startswith("借款人")
    assert (media / "uploads" / "a.png").read_bytes() == b"\x89PNG fake image bytes"


def test_it_keeps_the_database_when_the_archive_is_corrupt(content, tmp_path):
    before = snapshot()
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="无法读取备份文件"):
        call_command("restore", str(broken))
    assert snapshot() == before


def test_it_rolls_back_when_the_data_does_not_load(content, tmp_path):
    before = snapshot()
    bad = tmp_path / "bad.tar.gz"
    rows = json.dumps(
        [{"model": "articles.article", "pk": 1, "fields": {"title": "缺少必填字段"}}]
    ).encode()
    with tarfile.open(bad, "w:gz") as tar:
        info = tarfile.TarInfo("data.json")
        info.size = len(rows)
        tar.addfile(info, io.BytesIO(rows))
    with pytest.raises(CommandError, match="数据库未作任何改动"):
        call_command("restore", str(bad))
    assert snapshot() == before


def test_it_refuses_archives_that_write_outside_media(content, tmp_path):
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        for name, payload in [("data.json", b"[]"), ("media/../../escape.txt", b"x")]:
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    with pytest.raises(CommandError, match="不安全的路径"):
        call_command("restore", str(evil))
    assert not (tmp_path / "escape.txt").exists()


def test_it_keeps_times_to_the_microsecond(content, tmp_path):
    article, _ = content
    exact = timezone.now().replace(microsecond=123) - timezone.timedelta(days=3)
    Article.objects.filter(pk=article.pk).update(published_at=exact)
    call_command("backup", str(tmp_path / "site.tar.gz"), stdout=io.StringIO())
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())
    call_command("restore", str(tmp_path / "site.tar.gz"), stdout=io.StringIO())
    assert Article.objects.get(pk=article.pk).published_at == exact


def test_it_sets_aside_media_added_after_the_backup(content, media, tmp_path):
    call_command("backup", str(tmp_path / "site.tar.gz"), stdout=io.StringIO())
    (media / "uploads" / "later.png").write_bytes(b"added after the backup")
    out = io.StringIO()
    call_command("restore", str(tmp_path / "site.tar.gz"), stdout=out)
    assert not (media / "uploads" / "later.png").exists()
    assert (media / "uploads" / "a.png").exists()
    kept = list(media.parent.glob("media-set-aside-by-restore-*/uploads/later.png"))
    assert [p.read_bytes() for p in kept] == [b"added after the backup"]
    assert str(kept[0].parents[1]) in out.getvalue()
