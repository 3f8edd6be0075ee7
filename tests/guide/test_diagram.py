"""The server-rendered SVG diagram (pure)."""

from kb.guide.diagram import layers, render_svg

from .conftest import make_spec


def test_it_puts_every_arrow_of_a_valid_tree_downwards(small_spec):
    rows = layers(small_spec)
    for node in small_spec.nodes:
        for choice in node.choices:
            assert rows[choice.target] > rows[node.slug]


def test_it_draws_one_box_per_node_and_one_arrow_per_choice(small_spec):
    svg = render_svg(small_spec)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == len(small_spec.nodes)
    assert svg.count("<line") == sum(len(n.choices) for n in small_spec.nodes)


def test_it_escapes_labels_and_marks_flagged_nodes():
    spec = make_spec({"a": [("x", "<script>", "o"), ("y", "b&c", "o")], "o": None}, start="a")
    svg = render_svg(spec, frozenset({"o"}))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "b&amp;c" in svg
    assert 'stroke="#c0392b"' in svg


def test_it_terminates_on_a_cycle():
    spec = make_spec(
        {"a": [("x", "x", "b"), ("y", "y", "b")], "b": [("x", "x", "a"), ("y", "y", "a")]},
        start="a",
    )
    assert "<svg" in render_svg(spec)
