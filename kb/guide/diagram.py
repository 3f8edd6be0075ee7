"""A server-rendered SVG diagram of a question tree: pure Python, no Django, no JavaScript.

Nodes are laid out in rows by their longest distance from the start, so every arrow of a valid
tree points down. Nodes the validator complains about are outlined in red.
"""

from html import escape

from kb.guide.engine import TreeSpec

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 190, 58, 24, 70, 20
FILL = {"question": "#e8f0fb", "outcome": "#e7f5ea"}


def layers(tree: TreeSpec) -> dict[str, int]:
    """Row of each node: longest path from the start; unreachable nodes go in a last row."""
    nodes = tree.by_slug
    row: dict[str, int] = {}
    if tree.start is not None:
        row[tree.start.slug] = 0
    for _ in range(len(nodes)):  # relax at most N times: terminates on cycles too
        changed = False
        for node in tree.nodes:
            if node.slug not in row:
                continue
            for choice in node.choices:
                if choice.target in nodes and row.get(choice.target, -1) < row[node.slug] + 1:
                    if row[node.slug] + 1 < len(nodes):
                        row[choice.target] = row[node.slug] + 1
                        changed = True
        if not changed:
            break
    last = max(row.values(), default=-1) + 1
    return {n.slug: row.get(n.slug, last) for n in tree.nodes}


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def render_svg(tree: TreeSpec, flagged: frozenset[str] = frozenset()) -> str:
    rows = layers(tree)
    by_row: dict[int, list[str]] = {}
    for node in tree.nodes:
        by_row.setdefault(rows[node.slug], []).append(node.slug)
    widest = max((len(v) for v in by_row.values()), default=1)
    width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    height = MARGIN * 2 + len(by_row) * BOX_H + max(len(by_row) - 1, 0) * GAP_Y
    parents: dict[str, list[str]] = {}
    for node in tree.nodes:
        for choice in node.choices:
            parents.setdefault(choice.target, []).append(node.slug)
    pos: dict[str, tuple[int, int]] = {}
    for r, slugs in sorted(by_row.items()):
        slugs = _by_parent_position(slugs, parents, pos)
        row_w = len(slugs) * BOX_W + (len(slugs) - 1) * GAP_X
        x0 = (width - row_w) // 2
        for i, slug in enumerate(slugs):
            pos[slug] = (x0 + i * (BOX_W + GAP_X), MARGIN + r * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(tree.slug)} 的结构图" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    parts += _edges(tree, pos)
    parts += _boxes(tree, pos, flagged)
    parts.append("</svg>")
    return "\n".join(parts)


def _by_parent_position(slugs: list[str], parents: dict, pos: dict) -> list[str]:
    """Order a row by the mean x of each node's already placed parents: fewer crossings."""

    def key(item):
        index, slug = item
        xs = [pos[p][0] for p in parents.get(slug, ()) if p in pos]
        return (sum(xs) / len(xs) if xs else float("inf"), index)

    return [slug for _, slug in sorted(enumerate(slugs), key=key)]


def _edges(tree: TreeSpec, pos: dict) -> list[str]:
    out = []
    for node in tree.nodes:
        x1, y1 = pos[node.slug]
        for choice in node.choices:
            if choice.target not in pos:
                continue
            x2, y2 = pos[choice.target]
            ax, ay, bx, by = x1 + BOX_W // 2, y1 + BOX_H, x2 + BOX_W // 2, y2
            out.append(
                f'<line x1="{ax}" y1="{ay}" x2="{bx}" y2="{by}" stroke="#777" stroke-width="1.2" '
                'marker-end="url(#arrow)"/>'
            )
            mx, my = ax + (bx - ax) // 3, ay + (by - ay) // 3
            out.append(
                f'<text x="{mx}" y="{my}" text-anchor="middle" fill="#333" stroke="#fff" '
                f'stroke-width="3" paint-order="stroke">{escape(_clip(choice.label, 10))}</text>'
            )
    return out


def _boxes(tree: TreeSpec, pos: dict, flagged: frozenset[str]) -> list[str]:
    out = []
    start = tree.start.slug if tree.start else None
    for node in tree.nodes:
        x, y = pos[node.slug]
        stroke = "#c0392b" if node.slug in flagged else "#4a4a4a"
        width = 3 if node.slug == start or node.slug in flagged else 1
        out.append(
            f"<g><title>{escape(node.title)}</title>"
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{FILL.get(node.kind, "#eee")}" stroke="{stroke}" stroke-width="{width}"/>'
            f'<text x="{x + 8}" y="{y + 18}" fill="#555">{escape(node.slug)}'
            f"{' · 起始' if node.slug == start else ''}{' · 结果' if node.is_outcome else ''}</text>"
            f'<text x="{x + 8}" y="{y + 40}" fill="#111" font-size="13">{escape(_clip(node.title, 13))}</text></g>'
        )
    return out
