from kb.search.backends import search
from kb.search.models import Synonym


def test_editors_add_synonyms_in_admin(staff_client, make_article):
    make_article(title="花呗逾期了怎么办？")
    assert search("蚂蚁分期").total == 0
    response = staff_client.post(
        "/admin/search/synonym/add/", {"term": "蚂蚁分期", "synonyms": "花呗、借呗"}
    )
    assert response.status_code == 302
    assert Synonym.objects.get(term="蚂蚁分期").synonym_list() == ["花呗", "借呗"]
    assert search("蚂蚁分期").hits[0].title == "花呗逾期了怎么办？"


def test_the_index_is_read_only_in_admin(staff_client, make_article):
    make_article(title="花呗逾期了怎么办？")
    assert staff_client.get("/admin/search/searchdocument/").status_code == 200
    assert staff_client.get("/admin/search/searchdocument/add/").status_code == 403
