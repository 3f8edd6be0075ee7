import json
import re

from tests.laws.factories import make_law, make_provisions


def jsonld(html: str) -> list:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_a_provision_page_describes_itself_as_legislation(client, db):
    law = make_law()
    (provision,) = make_provisions(law, [675])
    blocks = jsonld(client.get(provision.get_absolute_url()).content.decode())
    data = blocks[0]
    assert data["@type"] == "Legislation"
    assert data["name"] == "《民法典》第六百七十五条"
    assert data["text"] == provision.text
    assert data["url"] == "http://testserver/laws/minfadian/675/"
    assert data["isPartOf"]["name"] == "中华人民共和国民法典"
    assert data["isPartOf"]["legislationJurisdiction"] == "CN"
    crumbs = [c["name"] for c in blocks[1]["itemListElement"]]
    assert crumbs == ["首页", "法律条文", "民法典", "第六百七十五条"]


def test_a_law_page_describes_the_whole_law(client, db):
    law = make_law()
    make_provisions(law, [675])
    data = jsonld(client.get(law.get_absolute_url()).content.decode())[0]
    assert data["@type"] == "Legislation"
    assert data["name"] == "中华人民共和国民法典"
    assert data["legislationDate"] == "2020-05-28"
