"""A malformed fixture or law file fails with a clear message and leaves the database unchanged."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kb.articles.models import Article, Category
from kb.laws.models import Law
from kb.site.content import load_content

GOOD_LAWS = [
    {
        "model": "laws.law",
        "fields": {"slug": "ceshi-fa", "title": "测试法", "short_title": "测试法"},
    },
]


@pytest.fixture
def fixtures_dir(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    folder = tmp_path / "fixtures"
    folder.mkdir()
    (folder / "laws.json").write_text(json.dumps(GOOD_LAWS, ensure_ascii=False), encoding="utf-8")
    return folder


def test_it_loads_a_well_formed_folder(fixtures_dir, db):
    load_content()
    assert Law.objects.filter(slug="ceshi-fa").exists()


def test_it_refuses_broken_json_and_keeps_the_laws_out(fixtures_dir, db):
    (fixtures_dir / "articles.json").write_text(
        '[{"model": "articles.article", "fields": {', encoding="utf-8"
    )
    with pytest.raises(CommandError, match="articles.json：无法载入，数据库未作任何改动"):
        load_content()
    assert not Law.objects.filter(slug="ceshi-fa").exists()


def test_it_refuses_rows_that_break_constraints(fixtures_dir, make_article):
    existing = make_article(title="已有的文章")
    rows = [
        {
            "model": "articles.article",
            "fields": {"title": "缺少分类的文章", "slug": "que-shao-fen-lei", "body": "x"},
        }
    ]
    (fixtures_dir / "articles.json").write_text(
        json.dumps(rows, ensure_ascii=False), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="articles.json"):
        load_content()
    assert list(Article.objects.all()) == [existing]
    assert Category.objects.count() == 1
    assert not Law.objects.exists()


def test_it_refuses_a_malformed_law_file(tmp_path, db):
    law_file = tmp_path / "ceshi-fa.md"
    law_file.write_text("---\ntitle: [unclosed\n---\n第一条 内容\n", encoding="utf-8")
    with pytest.raises(CommandError, match="ceshi-fa.md"):
        call_command("import_law", str(law_file))
    assert not Law.objects.exists()
