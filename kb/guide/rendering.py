"""A tree's and a node's stored HTML, from their Markdown, through the one pipeline."""

from kb.articles.rendering import render_markdown


def render_tree_fields(tree) -> None:
    tree.intro_html = render_markdown(tree.intro).html


def render_node_fields(node) -> None:
    node.help_html = render_markdown(node.help).html if node.help else ""
    node.answer_html = render_markdown(node.answer).html if node.answer else ""
    node.next_steps_html = render_markdown(node.next_steps).html if node.next_steps else ""
