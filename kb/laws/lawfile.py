"""Parse a statute file (fixtures/statutes/laws/) into dicts named like the Law and Provision
fields. No Django.

YAML front matter: title, short_title (names separated by "/"), kind and status in Chinese,
source, dates (YYYY-MM-DD or "unknown…"/"none…"), order. Body: the title and its adoption and
amendment lines up to <!-- INFO END --> (repeated in a multi-part file); headings of any depth
(第X编/分编/章/节, or unnumbered: 总则, 合同编, 附则); 第X条 lines, each further line one 款 (or
一、二、三 items in a file with no 第X条). Lines before the first provision are the preamble;
footnotes (①…) and text under a 附件 heading after the provisions are the appendix.
"""

import datetime
import re
from operator import itemgetter

import yaml

from kb.laws.citations import cn_number

KINDS = {"法律", "行政法规", "司法解释", "部门规章", "规范性文件"}
STATUSES = {"有效", "已修改", "已废止", "尚未生效"}
DATES = ("adopted_date", "promulgation_date", "effective_date", "latest_amendment_date")
CN_DIGITS = "零〇一二三四五六七八九十百千两"
ARTICLE_RE = re.compile(rf"^(第([{CN_DIGITS}]+)条(?:之([{CN_DIGITS}]+))?)[ \u3000]+(\S.*)$")
ARTICLE_START_RE = re.compile(rf"^第[{CN_DIGITS}]+条")
ITEM_RE = re.compile(rf"^([{CN_DIGITS}]+)、(\S.*)$")
HEADING_RE = re.compile(r"^(#{1,6})(?:\s+(.*?))?\s*$")
LEVEL_RE = re.compile(rf"^第[{CN_DIGITS}]+(分编|编|章|节)")
LEVELS = {None: "part", "编": "part", "分编": "subpart", "章": "chapter", "节": "section"}
FOOTNOTE_RE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")
number_of = itemgetter("number", "sub_number")


class LawFileError(ValueError):
    def __init__(self, line: int, message: str):  # `line` is 1-based in the whole file
        super().__init__(f"第 {line} 行：{message}")


def parse_law_file(text: str) -> tuple[dict, list[dict]]:
    """The law's fields (kind and status in Chinese) and its provisions."""
    lines = text.split("\n")
    law, start = _front_matter(lines)
    return law, _parse_body(lines, start, law)


def _front_matter(lines: list[str]) -> tuple[dict, int]:
    if lines[0].strip() != "---":
        raise LawFileError(1, "文件必须以 YAML 头（---）开始")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise LawFileError(1, "YAML 头没有结束标记（---）")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LawFileError((mark.line + 2) if mark else 1, f"YAML 头无法解析：{exc}") from None
    if not isinstance(meta, dict):
        raise LawFileError(2, "YAML 头必须是“字段: 值”的形式")

    def line_of(key: str) -> int:
        return next((i + 1 for i in range(1, end) if lines[i].startswith(f"{key}:")), 1)

    def raw(key: str) -> str:
        return str(meta.get(key) or "").strip()

    def text(key: str) -> str:
        return "" if raw(key).lower().startswith(("unknown", "none")) else raw(key)

    for key in ("title", "short_title", "kind", "status", "source"):
        if not raw(key):
            raise LawFileError(line_of(key), f"YAML 头缺少字段 {key}")
    for key, allowed in (("kind", KINDS), ("status", STATUSES)):
        if meta[key] not in allowed:
            raise LawFileError(line_of(key), f"{key} 的值“{meta[key]}”不在 {sorted(allowed)} 之中")
    if not isinstance(meta.get("order", 0), int):
        raise LawFileError(line_of("order"), f"order 的值“{meta['order']}”不是整数")
    short, *aliases = dict.fromkeys(n.strip() for n in raw("short_title").split("/") if n.strip())
    law = {
        **{key: raw(key) for key in ("title", "kind", "status", "source")},
        "short_title": short,
        "aliases": "、".join(a for a in aliases if a != raw("title")),
        **{key: text(key) for key in ("issuing_body", "document_number")},
        "version_note": text("version"),
        "order": meta.get("order", 0),
    }
    for key in DATES:  # YAML reads 2020-05-28 as a date, whose str() is the same text
        try:
            law[key] = datetime.date.fromisoformat(text(key)) if text(key) else None
        except ValueError:
            message = f"{key} 的值“{text(key)}”不是 YYYY-MM-DD 格式的日期"
            raise LawFileError(line_of(key), message) from None
    law["last_amended_date"] = law.pop("latest_amendment_date")
    return law, end + 1


def _parse_body(lines: list[str], start: int, law: dict) -> list[dict]:
    numbered = any(ARTICLE_START_RE.match(line) for line in lines[start:])
    place = dict.fromkeys(("part", "subpart", "chapter", "section"), "")
    provisions: list[dict] = []
    law.update(history=[], preamble=[], appendix=[])
    in_header, headers, current = False, 0, None  # a multi-part file repeats the title block
    trailing = False  # after the provisions, under an unnumbered heading (附件)
    for lineno, line in enumerate(lines[start:], start + 1):
        line = line.strip()
        if not line.strip("\u200b") or line.startswith("<!--"):  # U+200B alone: blank
            in_header = in_header and line != "<!-- INFO END -->"
            continue
        heading = HEADING_RE.match(line)
        if heading and heading.group(2) == law["title"]:
            in_header, headers = True, headers + 1
        elif heading:
            if heading.group(2):  # the 民法典 附则 file has an empty "##" line
                trailing = _apply_heading(heading.group(2), place)
            current = None
        elif in_header:
            if headers == 1:
                law["history"].append(line)
        elif FOOTNOTE_RE.match(line):
            law["appendix"].append(line)
        elif provision := _provision_start(line, numbered, lineno):
            if provisions and number_of(provision) <= number_of(provisions[-1]):
                order = f"{provision['label']} 没有接在 {provisions[-1]['label']} 之后"
                raise LawFileError(lineno, f"条号 {order}（重复或顺序错误）")
            provisions.append(current := {**provision, **place, "order": len(provisions) + 1})
            trailing = False
        elif trailing:
            law["appendix"].append(line)
        elif current is not None:
            current["text"] += "\n" + line
        elif not provisions:
            law["preamble"].append(line)
        else:
            raise LawFileError(lineno, "这一行不属于任何条文")
    if not provisions:
        raise LawFileError(len(lines), "没有找到任何条文（第X条 或 一、二、三）")
    for key in ("history", "preamble", "appendix"):
        law[key] = "\n".join(law[key])
    return provisions


def _apply_heading(text: str, place: dict) -> bool:
    """Update 编/分编/章/节 from a heading; return True if it starts a trailing appendix."""
    text = re.sub(r"\s+", " ", text)
    match = LEVEL_RE.match(text)
    if match is None and text.startswith("附件"):
        return True
    level = LEVELS[match.group(1) if match else None]
    names = list(place)
    for name in names[names.index(level) :]:
        place[name] = ""
    place[level] = text
    return False


def _provision_start(line: str, numbered: bool, lineno: int) -> dict | None:
    if numbered:
        if not ARTICLE_START_RE.match(line):
            return None
        match = ARTICLE_RE.match(line)
        if match is None:
            raise LawFileError(lineno, f"条文开头格式不对（应为“第X条 正文”）：{line[:30]}")
        label, number, sub, text = match.groups()
    elif match := ITEM_RE.match(line):
        (number, text), sub, label = match.groups(), None, match.group(1)
    else:
        return None
    try:
        numbers = [cn_number(n) if n else 0 for n in (number, sub)]
    except ValueError as exc:
        raise LawFileError(lineno, f"无法识别的条号数字“{exc}”") from None
    return {"number": numbers[0], "sub_number": numbers[1], "label": label, "text": text}
