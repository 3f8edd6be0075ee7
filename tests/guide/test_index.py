from kb.guide.models import Tree


def test_it_lists_published_trees_only(client, make_tree):
    make_tree(slug="open-tree")
    make_tree(slug="draft-tree", status=Tree.Status.DRAFT)
    html = client.get("/guide/").content.decode()
    assert "测试向导 open-tree" in html and 'href="/guide/open-tree/"' in html
    assert "draft-tree" not in html


def test_it_costs_a_fixed_number_of_queries(client, make_tree, django_assert_num_queries):
    make_tree(slug="a-tree")
    make_tree(slug="b-tree")
    with django_assert_num_queries(2):  # +1: the page cache's content version
        assert client.get("/guide/").status_code == 200


def test_the_sitemap_lists_published_trees(client, make_tree):
    make_tree(slug="open-tree")
    make_tree(slug="draft-tree", status=Tree.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/guide/open-tree/" in xml and "/guide/</loc>" in xml
    assert "draft-tree" not in xml
