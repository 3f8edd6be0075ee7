"""Pages cached by one release of the code are not served by the next (kb/core/release.py)."""

from kb.core import release


def test_its_fingerprint_changes_with_any_template_or_code_file(tmp_path):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>旧模板</p>", encoding="utf-8")
    files = [page]
    before = release.fingerprint(files, tmp_path)
    assert release.fingerprint(files, tmp_path) == before
    page.write_text("<p>新模板</p>", encoding="utf-8")
    assert release.fingerprint(files, tmp_path) != before


def test_it_covers_the_code_the_templates_and_the_static_manifest(settings):
    from pathlib import Path

    files = {
        p.relative_to(settings.BASE_DIR).as_posix()
        for p in release.release_files(Path(settings.BASE_DIR))
    }
    assert "templates/base.html" in files
    assert "kb/articles/views.py" in files


def test_a_new_release_renders_its_pages_afresh(client, make_article, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 300
    url = make_article(title="借呗逾期的后果").get_absolute_url()
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    monkeypatch.setattr(release, "release_id", lambda: "next-release")
    fresh = client.get(url, HTTP_IF_NONE_MATCH=cached["ETag"])
    assert fresh.status_code == 200  # the old release's ETag no longer validates
    assert fresh["X-Page-Cache"] == "miss" and fresh["ETag"] != cached["ETag"]
