from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kb.guide.models import Choice, Tree


def run(*args):
    out = StringIO()
    call_command("check_guides", *args, stdout=out)
    return out.getvalue()


def test_it_reports_valid_trees(make_tree):
    make_tree(slug="fine")
    assert "OK      fine" in run()


def test_it_reports_a_broken_draft_without_failing(make_tree):
    tree = make_tree(slug="wip", status=Tree.Status.DRAFT)
    Choice.objects.filter(node__tree=tree, node__slug="harass", value="no").delete()
    output = run()
    assert "INVALID wip" in output and "[too-few-choices]" in output
    with pytest.raises(CommandError):
        run("--strict")


def test_it_fails_on_a_broken_published_tree(make_tree):
    tree = make_tree(slug="live")
    Choice.objects.filter(node__tree=tree, node__slug="harass", value="no").delete()
    with pytest.raises(CommandError, match="live"):
        run()


def test_it_reports_a_choice_leading_into_another_tree(make_tree):
    live = make_tree(slug="live")
    other = make_tree(slug="other", status=Tree.Status.DRAFT)
    Choice.objects.filter(node__tree=live, node__slug="harass", value="no").update(
        leads_to=other.nodes.get(slug="out-short")
    )
    output = StringIO()
    with pytest.raises(CommandError, match="live"):
        call_command("check_guides", stdout=output)
    assert "INVALID live" in output.getvalue() and "[foreign-target]" in output.getvalue()
