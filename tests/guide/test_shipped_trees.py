"""The trees in fixtures/guide*.json: load them, validate them, and walk every path over HTTP
against the expected outcome map in expected_paths.json (data, not code)."""

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from kb.guide.engine import all_paths
from kb.guide.models import Choice, Node, Tree
from kb.guide.services import load_spec, rerender_all
from kb.guide.validate import validate

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
EXPECTED = json.loads((Path(__file__).parent / "expected_paths.json").read_text(encoding="utf-8"))


def _files(stem: str) -> list[Path]:
    """The fixture files load_content reads for this stem, in its order (guide.json, guide_4_…)."""
    return sorted(FIXTURES.glob(f"{stem}*.json"))


def _missing_references() -> list[str]:
    """What the guide fixtures point at that the laws / article fixtures do not (yet) provide."""
    files = {name: _files(name) for name in ("laws", "articles", "guide")}
    absent = [f"{name}.json" for name, paths in files.items() if not paths]
    if absent:
        return absent
    data = {
        name: [o for p in paths for o in json.loads(p.read_text(encoding="utf-8"))]
        for name, paths in files.items()
    }
    slugs = {o["fields"]["slug"] for o in data["articles"] if o["model"] == "articles.article"}
    provisions = {
        (o["fields"]["law"][0], o["fields"]["number"], o["fields"]["sub_number"])
        for o in data["laws"]
        if o["model"] == "laws.provision"
    }
    missing = []
    for obj in data["guide"]:
        if obj["model"] == "guide.node":
            missing += [f"article {a[0]}" for a in obj["fields"]["articles"] if a[0] not in slugs]
            missing += [
                f"provision {tuple(p)}"
                for p in obj["fields"]["provisions"]
                if tuple(p) not in provisions
            ]
    return sorted(set(missing))


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """Load the fixtures once for this module (slow: ~2,000 provisions), roll back at the end."""
    missing = _missing_references()
    if missing:
        pytest.skip(f"fixtures not complete yet, guide.json needs: {', '.join(missing)}")
    with django_db_blocker.unblock(), transaction.atomic():
        for name in ("laws", "articles", "guide"):
            for path in _files(name):
                call_command("loaddata", str(path), verbosity=0)
        rerender_all()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def shipped(_loaded, db):
    return {t.slug: t for t in Tree.objects.all()}


def test_it_ships_the_agreed_trees_published_and_valid(shipped):
    assert set(shipped) == set(EXPECTED)
    for tree in shipped.values():
        assert tree.is_published()
        assert validate(load_spec(tree)[0]) == [], tree.slug


def test_the_expected_map_covers_every_path(shipped):
    for slug, tree in shipped.items():
        found = {urlencode(p.answers): p.current.slug for p in all_paths(load_spec(tree)[0])}
        assert found == EXPECTED[slug], slug


def test_every_path_reaches_its_expected_outcome_over_http(client, shipped):
    for slug, paths in EXPECTED.items():
        for query, outcome in paths.items():
            pairs = [tuple(part.split("=")) for part in query.split("&")]
            for n in range(len(pairs)):  # every question on the way renders
                prefix = urlencode(pairs[:n])
                response = client.get(f"/guide/{slug}/" + (f"?{prefix}" if prefix else ""))
                assert response.status_code == 200, (slug, prefix)
                assert 'type="radio"' in response.content.decode()
            response = client.get(f"/guide/{slug}/?{query}")
            assert response.status_code == 200, (slug, query)
            assert f'data-outcome="{outcome}"' in response.content.decode(), (slug, query)


def test_every_outcome_cites_law_and_links_published_articles(client, shipped):
    for node in Node.objects.filter(kind=Node.Kind.OUTCOME).prefetch_related(
        "provisions__law", "articles"
    ):
        assert node.answer_html and node.next_steps_html, node.slug
        assert node.provisions.exists(), node.slug
        assert any(a.is_published() for a in node.articles.all()), node.slug
        assert "《" in node.answer_html and 'href="/laws/' in node.answer_html, node.slug


def test_interest_outcomes_link_the_rate_checker(shipped):
    for slug in ("wangdai-duanqi", "bei-qisu", "tousu-wangdai"):
        node = Node.objects.get(slug=slug)
        assert 'href="/tools/rate/"' in node.answer_html + node.next_steps_html, slug


def test_loading_the_content_again_changes_nothing(shipped):
    from kb.site.content import load_content

    counts = (Tree.objects.count(), Node.objects.count(), Choice.objects.count())
    html = Node.objects.get(slug="bei-qisu").answer_html
    output = load_content()  # the second load: the fixtures are already in
    assert f"rendered {counts[1]} guide nodes" in output
    assert (Tree.objects.count(), Node.objects.count(), Choice.objects.count()) == counts
    assert Node.objects.get(slug="bei-qisu").answer_html == html


def test_no_outcome_promises_what_the_law_does_not(shipped):
    for node in Node.objects.filter(kind=Node.Kind.OUTCOME):
        text = node.answer + node.next_steps
        for promise in ("一定会", "肯定会", "必然", "保证能", "不会坐牢", "不会因此坐牢"):
            assert promise not in text, (node.slug, promise)


def test_the_hotline_12378_is_only_offered_for_banks(shipped):
    for node in Node.objects.filter(kind=Node.Kind.OUTCOME):
        for line in (node.answer + "\n" + node.next_steps).splitlines():
            if "12378" in line:
                assert "银行" in line, (node.slug, line)


def test_the_court_documents_tree_gives_each_deadline_with_its_provision(shipped):
    deadlines = {
        "wenshu-dabianqi-nei": (
            "15日",
            "《民事诉讼法》第一百二十八条",
            "/laws/minshi-susongfa/128/",
        ),
        "wenshu-zhifuling-yiyi": (
            "15日",
            "《民事诉讼法》第二百二十七条",
            "/laws/minshi-susongfa/227/",
        ),
        "wenshu-panjue": ("15日", "《民事诉讼法》第一百七十一条", "/laws/minshi-susongfa/171/"),
        "wenshu-zhixing": ("十五日", "《民事诉讼法》第二百三十六条", "/laws/minshi-susongfa/236/"),
    }
    for slug, (deadline, citation, url) in deadlines.items():
        node = Node.objects.get(tree__slug="shoudao-fayuan-wenshu", slug=slug)
        assert deadline in node.answer and citation in node.answer, slug
        assert f'href="{url}"' in node.answer_html, slug
