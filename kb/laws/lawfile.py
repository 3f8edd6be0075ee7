"""Parse a statute file (YAML front matter + Markdown body) into plain data. No Django.

A statute file looks like this:

    ---
    title: "中华人民共和国民法典"
    short_title: "个人信息保护法/个保法"   (several names separated by "/")
    kind: "法律"  status: "有效"  dates as YYYY-MM-DD, or "unknown" / "none recorded …"
    source: "LawRefBook/Laws … @ <commit>"
    ---
    # 中华人民共和国民法典          the title, then the adoption/amendment lines,
    <!-- INFO END -->               up to this marker (a multi-part file repeats the block)
    ### 第二章 管 辖                 headings of any depth (## to ######); a line holding only
                                    zero-width spaces (U+200B) counts as blank
    ## 第一章 总则                  headings: 第X编 / 第X分编 / 第X章 / 第X节, or an
    第一条 为了……                    unnumbered part such as "总则", "物权编", "附则"
    第二款 text on its own line     every further line up to the next 条 is one 款

A file without any 第X条 (the 2020 批复) is numbered 一、二、三: each item becomes a
provision with that number. Lines before the first provision go to `preamble`; text after
the last provision under an unnumbered heading (附件) and footnotes (①…) go to `appendix`.
"""

import datetime
import re
from dataclasses import dataclass, field

import yaml

from kb.laws.citations import cn_number

KINDS = {"法律", "行政法规", "司法解释", "部门规章", "规范性文件"}
STATUSES = {"有效", "已修改", "已废止", "尚未生效"}
REQUIRED = ("title", "short_title", "kind", "status", "source")
CN_DIGITS = "零〇一二三四五六七八九十百千两"

ARTICLE_RE = re.compile(rf"^第([{CN_DIGITS}]+)条(?:之([{CN_DIGITS}]+))?[ \u3000]+(\S.*)$")
ARTICLE_START_RE = re.compile(rf"^第[{CN_DIGITS}]+条")
ITEM_RE = re.compile(rf"^([{CN_DIGITS}]+)、(\S.*)$")
HEADING_RE = re.compile(r"^(#{1,6})(?:\s+(.*?))?\s*$")
LEVEL_RE = re.compile(rf"^第[{CN_DIGITS}]+(分编|编|章|节)")
FOOTNOTE_RE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")
# Zero-width spaces: the 民事诉讼法 source has lines holding only U+200B between headings.
# Such a line is blank; a zero-width space inside text is kept as it is.
ZERO_WIDTH = "\u200b"
UNKNOWN_DATES = ("unknown", "none")


class LawFileError(ValueError):
    """A malformed statute file; `line` is 1-based in the whole file."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"第 {line} 行：{message}")


@dataclass
class ParsedProvision:
    number: int
    sub_number: int
    label: str
    paragraphs: list[str]
    part: str = ""
    subpart: str = ""
    chapter: str = ""
    section: str = ""
    line: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class ParsedLaw:
    title: str
    names: list[str]
    kind: str
    status: str
    source: str
    issuing_body: str = ""
    document_number: str = ""
    dates: dict[str, datetime.date | None] = field(default_factory=dict)
    version_note: str = ""
    history: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    appendix: list[str] = field(default_factory=list)
    provisions: list[ParsedProvision] = field(default_factory=list)


def parse_law_file(text: str) -> ParsedLaw:
    lines = text.split("\n")
    meta, body_start = _front_matter(lines)
    law = _law_from_meta(meta)
    _parse_body(lines, body_start, law)
    if not law.provisions:
        raise LawFileError(len(lines), "没有找到任何条文（第X条 或 一、二、三）")
    return law


def _front_matter(lines: list[str]) -> tuple[dict, int]:
    if not lines or lines[0].strip() != "---":
        raise LawFileError(1, "文件必须以 YAML 头（---）开始")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise LawFileError(1, "YAML 头没有结束标记（---）") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LawFileError((mark.line + 2) if mark else 1, f"YAML 头无法解析：{exc}") from None
    if not isinstance(meta, dict):
        raise LawFileError(2, "YAML 头必须是“字段: 值”的形式")
    for key in REQUIRED:
        if not str(meta.get(key) or "").strip():
            raise LawFileError(_meta_line(lines, end, key), f"YAML 头缺少字段 {key}")
    for key, allowed in (("kind", KINDS), ("status", STATUSES)):
        if meta[key] not in allowed:
            raise LawFileError(
                _meta_line(lines, end, key), f"{key} 的值“{meta[key]}”不在 {sorted(allowed)} 之中"
            )
    meta["_dates"] = {}
    for key in ("adopted_date", "promulgation_date", "effective_date", "latest_amendment_date"):
        meta["_dates"][key] = _date(meta.get(key), _meta_line(lines, end, key), key)
    return meta, end + 1


def _meta_line(lines: list[str], end: int, key: str) -> int:
    for i in range(1, end):
        if lines[i].startswith(f"{key}:"):
            return i + 1
    return 1


def _date(value, line: int, key: str) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    value = str(value).strip()
    if not value or value.lower().startswith(UNKNOWN_DATES):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise LawFileError(line, f"{key} 的值“{value}”不是 YYYY-MM-DD 格式的日期") from None


def _clean(value) -> str:
    value = "" if value is None else str(value).strip()
    return "" if value.lower().startswith(UNKNOWN_DATES) else value


def _law_from_meta(meta: dict) -> ParsedLaw:
    short = [n.strip() for n in str(meta["short_title"]).split("/") if n.strip()]
    return ParsedLaw(
        title=str(meta["title"]).strip(),
        names=short,
        kind=meta["kind"],
        status=meta["status"],
        source=str(meta["source"]).strip(),
        issuing_body=_clean(meta.get("issuing_body")),
        document_number=_clean(meta.get("document_number")),
        dates=meta["_dates"],
        version_note=_clean(meta.get("version")),
    )


def _parse_body(lines: list[str], start: int, law: ParsedLaw) -> None:
    numbered = any(ARTICLE_START_RE.match(line) for line in lines[start:])
    place = {"part": "", "subpart": "", "chapter": "", "section": ""}
    in_header = False
    headers = 0  # a multi-part file repeats the title block; keep the first one's history
    trailing = False  # after the provisions, under an unnumbered heading (附件)
    current: ParsedProvision | None = None
    for index in range(start, len(lines)):
        lineno, line = index + 1, lines[index].strip()
        if not line.strip(ZERO_WIDTH):
            line = ""
        if not line or line.startswith("<!--"):
            in_header = in_header and line != "<!-- INFO END -->"
            continue
        heading = HEADING_RE.match(line)
        if heading and heading.group(2) == law.title:
            in_header, headers = True, headers + 1
            continue
        if heading:
            if heading.group(2):  # the 民法典 附则 file has an empty "##" line
                trailing = _apply_heading(heading.group(2), place)
            current = None
            continue
        if in_header:
            if headers == 1:
                law.history.append(line)
            continue
        if FOOTNOTE_RE.match(line):
            law.appendix.append(line)
            continue
        provision = _provision_start(line, numbered, lineno)
        if provision is not None:
            _check_order(law.provisions, provision, lineno)
            provision.__dict__.update(place)
            law.provisions.append(provision)
            current, trailing = provision, False
        elif trailing:
            law.appendix.append(line)
        elif current is not None:
            current.paragraphs.append(line)
        elif not law.provisions:
            law.preamble.append(line)
        else:
            raise LawFileError(lineno, "这一行不属于任何条文")


def _apply_heading(text: str, place: dict) -> bool:
    """Update 编/分编/章/节 from a heading; return True if it starts a trailing appendix."""
    text = re.sub(r"\s+", " ", text)
    level = LEVEL_RE.match(text)
    kind = level.group(1) if level else None
    if kind in (None, "编"):
        if kind is None and text.startswith("附件"):
            return True
        place.update(part=text, subpart="", chapter="", section="")
    elif kind == "分编":
        place.update(subpart=text, chapter="", section="")
    elif kind == "章":
        place.update(chapter=text, section="")
    else:
        place.update(section=text)
    return False


def _provision_start(line: str, numbered: bool, lineno: int) -> ParsedProvision | None:
    if numbered:
        if not ARTICLE_START_RE.match(line):
            return None
        match = ARTICLE_RE.match(line)
        if match is None:
            raise LawFileError(lineno, f"条文开头格式不对（应为“第X条 正文”）：{line[:30]}")
        number, sub, rest = match.groups()
        label = line[: line.index("条") + 1] + (f"之{sub}" if sub else "")
        return ParsedProvision(
            _number(number, lineno), _number(sub, lineno) if sub else 0, label, [rest], line=lineno
        )
    match = ITEM_RE.match(line)
    if match is None:
        return None
    return ParsedProvision(
        _number(match.group(1), lineno), 0, match.group(1), [match.group(2)], line=lineno
    )


def _number(text: str, lineno: int) -> int:
    try:
        return cn_number(text)
    except ValueError:
        raise LawFileError(lineno, f"无法识别的条号数字“{text}”") from None


def _check_order(done: list[ParsedProvision], new: ParsedProvision, lineno: int) -> None:
    if not done:
        return
    last = done[-1]
    if (new.number, new.sub_number) <= (last.number, last.sub_number):
        raise LawFileError(lineno, f"条号 {new.label} 没有接在 {last.label} 之后（重复或顺序错误）")
