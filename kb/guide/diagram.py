"""A server-rendered SVG diagram of a question tree (pure Python): rows by longest distance from
the start, so a valid tree's arrows all point down; flagged nodes are outlined in red."""

from collections.abc import Iterator
from html import escape

from kb.guide.engine import TreeSpec

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 190, 58, 24, 70, 20
FILL = {"question": "#e8f0fb", "outcome": "#e7f5ea"}


def layers(tree: TreeSpec) -> dict[str, int]:
    """Row of each node: its longest distance from the start; unreachable nodes go last."""
    nodes = tree.by_slug
    row = {tree.start.slug: 0} if tree.start else {}
    for _ in nodes:  # relax N times: rows stay below N, so this ends on cycles too
        for node in tree.nodes:
            for choice in node.choices:
                if node.slug in row and choice.target in nodes:
                    below = row[node.slug] + 1
                    if row.get(choice.target, -1) < below < len(nodes):
                        row[choice.target] = below
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

    def parents_x(item):  # a row is ordered by where its parents stand: fewer crossings
        xs = [pos[p][0] for p in parents.get(item[1], ()) if p in pos]
        return (sum(xs) / len(xs) if xs else float("inf"), item[0])

    for r, slugs in sorted(by_row.items()):
        slugs = [slug for _, slug in sorted(enumerate(slugs), key=parents_x)]
        x0 = (width - len(slugs) * BOX_W - (len(slugs) - 1) * GAP_X) // 2
        for i, slug in enumerate(slugs):
            pos[slug] = (x0 + i * (BOX_W + GAP_X), MARGIN + r * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(tree.slug)} 的结构图" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    return "\n".join([*parts, *_edges(tree, pos), *_boxes(tree, pos, flagged), "</svg>"])


def _edges(tree: TreeSpec, pos: dict) -> Iterator[str]:
    for node in tree.nodes:
        for choice in node.choices:
            if choice.target not in pos:
                continue
            (x1, y1), (x2, y2) = pos[node.slug], pos[choice.target]
            ax, ay, bx, by = x1 + BOX_W // 2, y1 + BOX_H, x2 + BOX_W // 2, y2
            mx, my = ax + (bx - ax) // 3, ay + (by - ay) // 3
            yield (
                f'<line x1="{ax}" y1="{ay}" x2="{bx}" y2="{by}" stroke="#777" stroke-width="1.2" '
                'marker-end="url(#arrow)"/>'
                f'<text x="{mx}" y="{my}" text-anchor="middle" fill="#333" stroke="#fff" '
                f'stroke-width="3" paint-order="stroke">{escape(_clip(choice.label, 10))}</text>'
            )


def _boxes(tree: TreeSpec, pos: dict, flagged: frozenset[str]) -> Iterator[str]:
    start = tree.start.slug if tree.start else None
    for node in tree.nodes:
        x, y = pos[node.slug]
        stroke = "#c0392b" if node.slug in flagged else "#4a4a4a"
        width = 3 if node.slug == start or node.slug in flagged else 1
        yield (
            f"<g><title>{escape(node.title)}</title>"
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{FILL.get(node.kind, "#eee")}" stroke="{stroke}" stroke-width="{width}"/>'
            f'<text x="{x + 8}" y="{y + 18}" fill="#555">{escape(node.slug)}'
            f"{' · 起始' if node.slug == start else ''}{' · 结果' if node.is_outcome else ''}</text>"
            f'<text x="{x + 8}" y="{y + 40}" fill="#111" font-size="13">{escape(_clip(node.title, 13))}</text></g>'
        )
