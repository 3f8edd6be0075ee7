"""Find statute citations in Chinese legal prose. Pure Python: no Django, no database.

    >>> reg = Registry.build({"minfadian": ["中华人民共和国民法典", "民法典"]})
    >>> [(c.law, c.number, c.raw) for c in find_citations("依照《民法典》第六百七十五条", reg)]
    [('minfadian', 675, '《民法典》第六百七十五条')]

A citation starts with a law: 《any title》, a registered name without 《》 (only when a
provision follows at once), or 本法/该法/同法… meaning the law named just before — only when
its kind agrees with that name (本规定 after a …规定, 本条例 after a …条例), and never for a
本… inside quotation marks or a quoted block: “本解释第六条” quoted from another document
means that document, not the law named before the quotation. Then a
chain of references: 第X条[之N][第X款][第X项], joined by 、和 及 以及 或者 或 ， (a
later element may be just 第X款 or 第X项 of the article before, or a compact list such as
第五百零九、五百一十条), or a range 至 / 到.
Numbers are Chinese (via cn2an) or Arabic. Text inside `backticks` is skipped.
A bracketed title that is not registered still yields citations, with law=None, so the
caller can report "not in our library" rather than silently dropping it.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import cn2an

NUM = r"(?:[零〇一二三四五六七八九十百千]{1,12}|\d{1,5})"
_S = r"[ \t\u3000]*"
ARTICLE = rf"第{_S}(?P<n>{NUM}){_S}条(?:之(?P<sub>{NUM}))?"
PARAGRAPH = rf"第{_S}(?P<p>{NUM}){_S}款"
ITEM = rf"第{_S}(?P<i>{NUM}){_S}项"
REF_RE = re.compile(rf"{_S}(?=第)(?:{ARTICLE})?(?:{_S}{PARAGRAPH})?(?:{_S}{ITEM})?")
JOIN_RE = re.compile(
    rf"{_S}(?:(?P<range>至|到|—|－|~|～){_S}(?=第|[零〇一二三四五六七八九十百千\d])|(?:、|和|及|以及|或者|或|，|,){_S}(?=第))"
)
COMPACT_RE = re.compile(rf"{_S}(?P<head>第){_S}(?P<list>{NUM}(?:{_S}、{_S}{NUM})+){_S}条(?!之)")
NUM_RE = re.compile(NUM)
RANGE_END_RE = re.compile(rf"第?{_S}(?P<n>{NUM}){_S}条(?:之(?P<sub>{NUM}))?")
PRONOUNS = (
    "本法",
    "该法",
    "同法",
    "本条例",
    "该条例",
    "本规定",
    "该规定",
    "该解释",
    "本解释",
    "本批复",
    "该批复",
    "本决定",
    "该决定",
)
OPEN_QUOTES, CLOSE_QUOTES = "“‘「『", "”’」』"
PRC = "中华人民共和国"


@lru_cache(maxsize=4096)
def cn_number(text: str) -> int:
    """六百七十五 / 675 → 675 (Chinese numerals via cn2an). ValueError if not a number."""
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "strict"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(text) from exc


@dataclass(frozen=True)
class Citation:
    """One cited provision (or range of provisions) and where it is in the text."""

    law: str | None  # registry key, None when the title is not registered
    law_name: str  # the name as written, or the name 本法/该法 refers to
    number: int
    sub: int = 0  # 之N
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    last: tuple[int, int] | None = None  # (number, sub) of a range's end, inclusive
    span: tuple[int, int] = (0, 0)
    raw: str = ""

    @property
    def provision(self) -> tuple[int, int]:
        return (self.number, self.sub)


@dataclass(frozen=True)
class Registry:
    """Names → law keys. A name claimed by two laws is ambiguous and dropped."""

    names: Mapping[str, str]
    pattern: re.Pattern = field(compare=False, repr=False, default=None)

    @classmethod
    def build(cls, laws: Mapping[str, Iterable[str]]) -> "Registry":
        owners: dict[str, set[str]] = {}
        for key, names in laws.items():
            for name in names:
                if name and name.strip():
                    owners.setdefault(name.strip(), set()).add(key)
        names = {n: next(iter(keys)) for n, keys in owners.items() if len(keys) == 1}
        bare = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or r"(?!x)x"
        pronouns = "|".join(PRONOUNS)
        pattern = re.compile(
            rf"`[^`\n]*`|《(?P<title>[^《》\n]{{1,80}})》|(?P<pron>{pronouns})|(?P<name>{bare})"
        )
        return cls(names=names, pattern=pattern)

    def key_for(self, title: str) -> str | None:
        title = title.strip()
        key = self.names.get(title)
        if key is None and title.startswith(PRC):
            key = self.names.get(title[len(PRC) :])
        return key


@dataclass
class Scan:
    citations: list[Citation]
    last_law: tuple[str | None, str] | None  # (key, name) of the last law named


def find_citations(text: str, registry: Registry) -> list[Citation]:
    return scan(text, registry).citations


def scan(
    text: str,
    registry: Registry,
    previous: tuple[str | None, str] | None = None,
    quoted: bool = False,
) -> Scan:
    """Find citations; `previous` is the law named before this text (for 本法 across nodes);
    `quoted` says the whole text is quoted from a document (a blockquote)."""
    found: list[Citation] = []
    context = previous
    pos = 0
    while True:
        match = registry.pattern.search(text, pos)
        if match is None:
            return Scan(found, context)
        pos = match.end()
        if match.group("title") is not None:
            title = match.group("title")
            context = (registry.key_for(title), title.strip())
            law = context
        elif match.group("name") is not None:
            law = (registry.names[match.group("name")], match.group("name"))
        elif match.group("pron") is not None:
            pronoun = match.group("pron")
            inside = quoted or _inside_quotes(text, match.start())
            law = context if _refers_to(pronoun, context, inside) else None
        else:  # `code`
            continue
        chain = _chain(text, pos, match.start(), law) if law else []
        if chain:
            if match.group("name") is not None:
                context = law
            found.extend(chain)
            pos = chain[-1].span[1]


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether `pos` is inside “…” (or ‘’ 「」 『』): more quotes opened than closed before it."""
    before = text[:pos]
    return sum(before.count(q) for q in OPEN_QUOTES) > sum(before.count(q) for q in CLOSE_QUOTES)


def _refers_to(pronoun: str, context: tuple[str | None, str] | None, inside: bool) -> bool:
    """本规定 means the law named before only outside quotations and when the kinds agree."""
    if context is None or (inside and pronoun.startswith("本")):
        return False
    kind = pronoun[1:]  # 法, 条例, 规定, 解释, 批复, 决定
    return kind in context[1]


def _chain(text: str, pos: int, start: int, law: tuple[str | None, str]) -> list[Citation]:
    """The references right after a law name; `start` is where the first citation begins."""
    out: list[Citation] = []
    article: tuple[int, int] | None = None
    para: int | None = None
    while True:
        compact = COMPACT_RE.match(text, pos)
        if compact is not None:  # 第五百零九、五百一十条
            items = _compact(text, compact, start if not out else None, law)
            if not items:
                return out
            out.extend(items)
            article, para = items[-1].provision, None
            joined = JOIN_RE.match(text, compact.end())
            if joined is None or joined.group("range"):
                return out
            pos = joined.end()
            continue
        ref = REF_RE.match(text, pos)
        if ref is None or ref.group("n") is ref.group("p") is ref.group("i") is None:
            return out
        try:
            if ref.group("n") is not None:
                sub = ref.group("sub")
                article = (cn_number(ref.group("n")), cn_number(sub) if sub else 0)
            elif article is None:  # 第二款 with no article before it
                return out
            if ref.group("p") is not None:
                para = cn_number(ref.group("p"))
            elif ref.group("n") is not None:
                para = None  # a bare 第X项 after 第X款 stays in that 款
            item = cn_number(ref.group("i")) if ref.group("i") else None
        except ValueError:
            return out
        if not out and ref.group("n") is None:
            return out
        cite_start = (
            start if not out else ref.start() + len(ref.group(0)) - len(ref.group(0).lstrip())
        )
        end, last = ref.end(), None
        joined = JOIN_RE.match(text, end)
        if joined and joined.group("range") and ref.group("n") is not None:
            tail = RANGE_END_RE.match(text, joined.end())
            if tail is not None:
                try:
                    last = (cn_number(tail.group("n")), cn_number(tail.group("sub") or "零"))
                except ValueError:
                    last = None
                if last is not None and last > article:
                    end = tail.end()
                    joined = JOIN_RE.match(text, end)
                else:
                    last = None
        raw = text[cite_start:end]
        out.append(
            Citation(
                law[0], law[1], article[0], article[1], para, item, last, (cite_start, end), raw
            )
        )
        if joined is None or (joined.group("range") and last is not None):
            return out
        pos = joined.end()


def _compact(text: str, match: re.Match, start: int | None, law) -> list[Citation]:
    """第五百零九、五百一十条: one citation per number; the first span includes the law."""
    offset = match.start("list")
    numbers = list(NUM_RE.finditer(match.group("list")))
    out = []
    for index, number in enumerate(numbers):
        try:
            value = cn_number(number.group(0))
        except ValueError:
            return []
        begin = offset + number.start()
        if index == 0:
            begin = match.start("head") if start is None else start
        end = match.end() if index == len(numbers) - 1 else offset + number.end()
        out.append(Citation(law[0], law[1], value, span=(begin, end), raw=text[begin:end]))
    return out
