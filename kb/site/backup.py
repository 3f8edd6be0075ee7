"""One-file backups: every database row (dumpdata) plus the uploaded media, in a .tar.gz.

`make_backup(path)` writes `data.json` (all models, primary keys kept) and `media/…` (every file
under MEDIA_ROOT). `restore_backup(path)` checks the archive first, then, in one transaction,
empties every table and loads `data.json` — if anything fails the database is left exactly as it
was — and finally writes the media files back; files added since the backup are moved out of
MEDIA_ROOT into a dated folder beside it (kept, not deleted). A restored database equals the backed-up one row
for row, history and users included.
"""

import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from kb.core.content_version import content_changed

DATA = "data.json"
MEDIA = "media"


def dump_database() -> bytes:
    out = io.StringIO()
    # The page cache's content version is not content: a restore starts a new one (from the
    # clock), so no page cached before the restore can be served after it.
    call_command(
        "dumpdata",
        "--all",
        "--exclude",
        "core.contentversion",
        format="exactjson",  # times to the microsecond: restore gives them back exactly
        stdout=out,
        verbosity=0,
    )
    return out.getvalue().encode()


def make_backup(path: Path) -> dict:
    data = dump_database()
    media_root = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(DATA)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        for file in files:
            tar.add(
                file, arcname=f"{MEDIA}/{file.relative_to(media_root).as_posix()}", recursive=False
            )
    return {"rows": len(json.loads(data)), "media": len(files)}


def _read_archive(path: Path) -> tuple[bytes, list[tuple[str, bytes]]]:
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = tar.getmembers()
            names = {m.name for m in members}
            if DATA not in names:
                raise CommandError(f"{path.name}：不是本站的备份文件（缺少 {DATA}）。")
            media = []
            for member in members:
                parts = PurePosixPath(member.name).parts
                if member.name == DATA or not member.isfile():
                    continue
                if parts[0] != MEDIA or ".." in parts or member.name.startswith("/"):
                    raise CommandError(
                        f"{path.name}：备份里有不安全的路径 {member.name!r}，已拒绝。"
                    )
                media.append(("/".join(parts[1:]), tar.extractfile(member).read()))
            data = tar.extractfile(DATA).read()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise CommandError(f"{path.name}：无法读取备份文件（{exc}）。") from exc
    try:
        json.loads(data)
    except ValueError as exc:
        raise CommandError(f"{path.name}：{DATA} 不是有效的 JSON（{exc}）。") from exc
    return data, media


def _empty_all_tables() -> None:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=False
    )
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred FK checks pending in this transaction.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)


def restore_backup(path: Path) -> dict:
    data, media = _read_archive(path)
    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / DATA
        fixture.write_bytes(data)
        try:
            with transaction.atomic():
                _empty_all_tables()
                call_command("loaddata", str(fixture), verbosity=0)
                content_changed()
        except Exception as exc:
            raise CommandError(f"{path.name}：恢复失败，数据库未作任何改动（{exc}）。") from exc
    media_root = Path(settings.MEDIA_ROOT)
    set_aside = _set_aside_extra_media(media_root, {relative for relative, _ in media})
    for relative, content in media:
        target = media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return {"rows": len(json.loads(data)), "media": len(media), "set_aside": set_aside}


def _set_aside_extra_media(media_root: Path, keep: set[str]) -> Path | None:
    """Move files the backup does not have out of MEDIA_ROOT, so the restored site serves
    exactly the backed-up media; they go to a dated folder beside it, never deleted."""
    if not media_root.exists():
        return None
    extra = [
        p
        for p in media_root.rglob("*")
        if p.is_file() and p.relative_to(media_root).as_posix() not in keep
    ]
    if not extra:
        return None
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = media_root.parent / f"{media_root.name}-set-aside-by-restore-{stamp}"
    for file in extra:
        target = folder / file.relative_to(media_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(file), str(target))
    return folder
