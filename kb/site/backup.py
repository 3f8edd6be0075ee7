"""One-file backups: every database row and the uploaded media, in a .tar.gz.

A restore empties every table and loads the rows in one transaction (on any error the database
is left as it was), then writes the media back; files added since the backup are moved into a
dated folder beside MEDIA_ROOT, never deleted.
"""

import datetime
import io
import itertools
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from kb.core.content_version import content_changed
from kb.core.models import ContentVersion

DATA = "data.json"


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond (DjangoJSONEncoder cuts them to the millisecond)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def dump_database() -> bytes:
    """Every row, as `dumpdata --all` would. The content version is not content: a restore
    starts a new one, so no page cached before it is served after it."""
    models = [m for m in apps.get_models() if not m._meta.proxy and m is not ContentVersion]
    rows = itertools.chain(*(m._base_manager.using("default").order_by("pk") for m in models))
    return serializers.serialize("json", rows, cls=ExactJSONEncoder).encode()


def make_backup(path: Path) -> dict:
    data = dump_database()
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(DATA)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        if media_root.exists():
            tar.add(media_root, arcname="media")
    return {"rows": len(json.loads(data)), "media": _count_files(media_root)}


def restore_backup(path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        try:
            with tarfile.open(path, "r:gz") as tar:
                tar.extractall(tmp, filter="data")  # refuses paths that leave the folder
        except tarfile.FilterError as exc:
            raise CommandError(f"{path.name}：备份里有不安全的路径（{exc}），已拒绝。") from exc
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise CommandError(f"{path.name}：无法读取备份文件（{exc}）。") from exc
        data, media = Path(tmp) / DATA, Path(tmp) / "media"
        if not data.is_file():
            raise CommandError(f"{path.name}：不是本站的备份文件（缺少 {DATA}）。")
        try:
            with transaction.atomic():
                _empty_all_tables()
                call_command("loaddata", str(data), verbosity=0)
                content_changed()
        except Exception as exc:
            raise CommandError(f"{path.name}：恢复失败，数据库未作任何改动（{exc}）。") from exc
        set_aside = _set_aside_extra_media(Path(settings.MEDIA_ROOT), media)
        if media.exists():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        rows = len(json.loads(data.read_bytes()))
        return {"rows": rows, "media": _count_files(media), "set_aside": set_aside}


def _count_files(folder: Path) -> int:
    return sum(p.is_file() for p in folder.rglob("*"))


def _empty_all_tables() -> None:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred FK checks pending in this transaction.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)


def _set_aside_extra_media(media_root: Path, backed_up: Path) -> Path | None:
    """Move the files the backup does not have into a dated folder beside MEDIA_ROOT."""
    extra = [
        p
        for p in media_root.rglob("*")
        if p.is_file() and not (backed_up / p.relative_to(media_root)).is_file()
    ]
    if not extra:
        return None
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = media_root.parent / f"{media_root.name}-set-aside-by-restore-{stamp}"
    for file in extra:
        target = folder / file.relative_to(media_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(file, target)
    return folder
