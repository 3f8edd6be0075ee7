"""Law and Provision admins: lists, search, filters, and editing text keeps history."""

import pytest

from kb.laws.models import Change, Provision
from tests.laws.factories import make_law, make_provisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(settings):
    law = make_law()
    make_provisions(law, [675, 680])
    return f"/{settings.ADMIN_PATH}/laws/"


def test_it_lists_and_searches_laws_and_provisions(staff_client, base):
    assert "民法典" in staff_client.get(base + "law/?q=民法典").content.decode()
    html = staff_client.get(base + "provision/?q=675").content.decode()
    assert "第六百七十五条" in html and "第六百八十条" not in html
    assert staff_client.get(base + "provision/?law__kind__exact=law").status_code == 200
    assert staff_client.get(base + "change/").status_code == 200


def test_it_keeps_the_old_text_when_an_editor_edits_a_provision(staff_client, base):
    provision = Provision.objects.get(number=675)
    old = provision.text
    form = staff_client.get(base + f"provision/{provision.pk}/change/")
    assert "一款一行" in form.content.decode()  # the help text
    data = {
        "label": provision.label,
        "part": "",
        "subpart": "",
        "chapter": provision.chapter,
        "section": "",
        "text": "编辑后的文本。",
        "order": provision.order,
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
    }
    response = staff_client.post(base + f"provision/{provision.pk}/change/", data)
    assert response.status_code == 302
    change = Change.objects.get(provision=provision)
    assert (change.old_value, change.new_value) == (old, "编辑后的文本。")
