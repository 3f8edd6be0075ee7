"""fixtures/laws.json loads like `loaddata` would, skips unchanged rows, and keeps changed text
in history; a malformed file names itself and leaves the database unchanged."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from kb.laws.law_fixture import load_laws_fixture
from kb.laws.models import Change, Law, Provision
from kb.site.content import load_content

pytestmark = pytest.mark.django_db

LAWS = [
    {
        "model": "laws.law",
        "fields": {
            "slug": "ceshi-fa",
            "title": "中华人民共和国测试法",
            "short_title": "测试法",
            "aliases": "测法",
            "kind": "law",
            "document_number": "主席令第一号",
            "adopted_date": "2020-05-28",
            "effective_date": "2021-01-01",
            "last_amended_date": None,
            "status": "in_force",
            "source": "测试来源",
            "order": 1,
        },
    },
    {
        "model": "laws.provision",
        "fields": {
            "law": ["ceshi-fa"],
            "number": 1,
            "sub_number": 0,
            "label": "第一条",
            "chapter": "第一章 总则",
            "text": "第一款。\n第二款。",
            "order": 1,
        },
    },
    {
        "model": "laws.provision",
        "fields": {
            "law": ["ceshi-fa"],
            "number": 1,
            "sub_number": 1,
            "label": "第一条之一",
            "chapter": "第一章 总则",
            "text": "插入的一条。",
            "order": 2,
        },
    },
]


def write(tmp_path, rows, name="laws.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot() -> list:
    laws = list(Law.objects.order_by("slug").values())
    provisions = list(
        Provision.objects.order_by("law__slug", "number", "sub_number").values(
            "law__slug", "number", "sub_number", "label", "part", "chapter", "text", "order"
        )
    )
    for law in laws:
        law.pop("id")
    return [laws, provisions]


def test_it_stores_the_same_rows_as_loaddata(tmp_path):
    path = write(tmp_path, LAWS)
    with transaction.atomic():
        call_command("loaddata", str(path), verbosity=0)
        expected = snapshot()
        transaction.set_rollback(True)
    assert not Law.objects.exists()
    assert load_laws_fixture(path) == {"created": 3, "updated": 0, "unchanged": 0}
    assert snapshot() == expected
    assert Provision.objects.get(sub_number=1).paragraphs() == ["插入的一条。"]


def test_it_changes_nothing_the_second_time(tmp_path):
    path = write(tmp_path, LAWS)
    load_laws_fixture(path)
    before = snapshot()
    assert load_laws_fixture(path) == {"created": 0, "updated": 0, "unchanged": 3}
    assert snapshot() == before
    assert not Change.objects.exists()


def test_it_keeps_the_old_text_when_the_fixture_changes_a_provision(tmp_path):
    load_laws_fixture(write(tmp_path, LAWS))
    changed = json.loads(json.dumps(LAWS))
    changed[1]["fields"]["text"] = "改过的第一款。\n第二款。"
    changed[0]["fields"]["status"] = "amended"
    assert load_laws_fixture(write(tmp_path, changed)) == {
        "created": 0,
        "updated": 2,
        "unchanged": 1,
    }
    text = Change.objects.get(kind=Change.Kind.TEXT)
    assert (text.provision.label, text.old_value) == ("第一条", "第一款。\n第二款。")
    assert text.new_value == "改过的第一款。\n第二款。"
    status = Change.objects.get(kind=Change.Kind.STATUS)
    assert (status.old_value, status.new_value) == ("in_force", "amended")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda rows: rows[2]["fields"].update(law=["wei-zhi"]), "第 3 个对象：找不到法律"),
        (lambda rows: rows[0]["fields"].update(effective_date="2021-13-01"), "effective_date"),
        (lambda rows: rows[1]["fields"].update(bianhao=1), "第 2 个对象：未知字段 bianhao"),
        (lambda rows: rows.append({"model": "articles.article", "fields": {}}), "不支持的模型"),
        (lambda rows: rows[2]["fields"].pop("number"), "条文缺少 law 或 number"),
    ],
)
def test_load_content_refuses_a_malformed_laws_file_and_changes_nothing(
    settings, tmp_path, mutate, message
):
    settings.BASE_DIR = tmp_path
    (tmp_path / "fixtures").mkdir()
    load_laws_fixture(write(tmp_path, LAWS))
    before = snapshot()
    rows = json.loads(json.dumps(LAWS))
    rows[1]["fields"]["text"] = "这次不该写进去。"
    mutate(rows)
    write(tmp_path / "fixtures", rows)
    with pytest.raises(CommandError, match=f"laws.json：无法载入，数据库未作任何改动。.*{message}"):
        load_content()
    assert snapshot() == before
    assert not Change.objects.exists()
