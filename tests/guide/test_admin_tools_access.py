"""The tree diagram and the path report are for editors with rights on trees only."""

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.parametrize("suffix", ["diagram/", "paths/", "paths.csv"])
def test_it_refuses_the_editor_tools_to_staff_without_guide_rights(client, make_tree, suffix):
    tree = make_tree()
    clerk = get_user_model().objects.create_user("clerk", password="pw-for-tests-1", is_staff=True)
    client.force_login(clerk)
    assert client.get(f"/admin/guide/tree/{tree.pk}/{suffix}").status_code == 403


@pytest.mark.parametrize("suffix", ["diagram/", "paths/", "paths.csv"])
def test_it_refuses_the_editor_tools_to_a_logged_in_reader(client, make_tree, suffix):
    tree = make_tree()
    reader = get_user_model().objects.create_user("reader", password="pw-for-tests-1")
    client.force_login(reader)
    response = client.get(f"/admin/guide/tree/{tree.pk}/{suffix}")
    assert response.status_code == 302 and "/login/" in response["Location"]
