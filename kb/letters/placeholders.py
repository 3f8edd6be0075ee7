"""Placeholders in letter texts: finding them and checking them. Pure Python: no Django here."""

import re
from collections.abc import Iterable

PLACEHOLDER = re.compile(r"\{([^{}\n]{0,40})\}")
STRAY = re.compile(r"[{}]")


def names_in(text: str) -> list[str]:
    """Every placeholder name in the text, in order (stripped of spaces)."""
    return [m.group(1).strip() for m in PLACEHOLDER.finditer(text)]


def problems(text: str, known: Iterable[str], where: str = "正文") -> list[str]:
    """Chinese messages for unknown placeholder names and unmatched braces; [] when fine."""
    known = set(known)
    messages = []
    unknown = sorted({name for name in names_in(text) if name not in known})
    if unknown:
        listed = "、".join(f"{{{name}}}" for name in unknown)
        allowed = "、".join(f"{{{name}}}" for name in sorted(known))
        messages.append(
            f"{where}里有未知的占位符 {listed}：可能是笔误。这类文书可用的占位符是：{allowed}。"
        )
    if STRAY.search(PLACEHOLDER.sub("", text)):
        messages.append(f"{where}里有不成对的花括号 {{ 或 }}：占位符要写成 {{姓名}} 这样。")
    return messages
