"""Find statute citations in Chinese legal prose. Pure Python: no Django, no database.

    >>> reg = Registry.build({"minfadian": ["中华人民共和国民法典", "民法典"]})
    >>> [(c.law, c.number, c.raw) for c in find_citations("依照《民法典》第六百七十五条", reg)]
    [('minfadian', 675, '《民法典》第六百七十五条')]

A citation is a law (《any title》, law=None if unregistered; a registered name followed at once
by a provision; 本法/该法… for the law named before, when the kinds agree and, for 本…, outside
quotations), then 第X条[之N][第X款][第X项] joined by 、和 及 或者 ，… (a later one may be just
第X款), a compact list 第五百零九、五百一十条, or a range 至/到. `code` is skipped.
"""

import re
from collections import defaultdict
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
PRONOUNS = "本法|该法|同法|本条例|该条例|本规定|该规定|该解释|本解释|本批复|该批复|本决定|该决定"
OPEN_QUOTES, CLOSE_QUOTES = "“‘「『", "”’」』"
LawRef = tuple[str | None, str]  # (registry key or None, the name as written)


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
        owners = defaultdict(set)
        for key, names in laws.items():
            for name in filter(None, map(str.strip, names)):
                owners[name].add(key)
        names = {n: next(iter(keys)) for n, keys in owners.items() if len(keys) == 1}
        bare = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or r"(?!x)x"
        pattern = re.compile(
            rf"`[^`\n]*`|《(?P<title>[^《》\n]{{1,80}})》|(?P<pron>{PRONOUNS})|(?P<name>{bare})"
        )
        return cls(names=names, pattern=pattern)

    def key_for(self, title: str) -> str | None:
        title = title.strip()
        return self.names.get(title) or self.names.get(title.removeprefix("中华人民共和国"))


@dataclass
class Scan:
    citations: list[Citation]
    last_law: LawRef | None  # the last law named


def find_citations(text: str, registry: Registry) -> list[Citation]:
    return scan(text, registry).citations


def scan(text: str, registry: Registry, previous: LawRef | None = None, quoted=False) -> Scan:
    """Find citations; `previous` is the law named before this text (for 本法 across nodes);
    `quoted` says the whole text is quoted from a document (a blockquote)."""
    found, context, pos = [], previous, 0
    while match := registry.pattern.search(text, pos):
        pos = match.end()
        title, pronoun, name = match.group("title", "pron", "name")
        if title is not None:
            law = context = (registry.key_for(title), title.strip())
        elif name is not None:
            law = (registry.names[name], name)
        elif pronoun is not None:  # the law named before, if the kinds agree (本规定 after …规定)
            before = text[: match.start()]  # 本… inside “…” (more opened than closed) is quoted
            inside = pronoun[0] == "本" and (
                quoted or sum(map(before.count, OPEN_QUOTES)) > sum(map(before.count, CLOSE_QUOTES))
            )
            law = context if context and not inside and pronoun[1:] in context[1] else None
        else:  # `code`
            continue
        if law and (chain := _chain(text, pos, match.start(), law)):
            if name is not None:
                context = law
            found.extend(chain)
            pos = chain[-1].span[1]
    return Scan(found, context)


def _article(number: str, sub: str | None) -> tuple[int, int]:
    return cn_number(number), cn_number(sub) if sub else 0


def _chain(text: str, pos: int, start: int, law: LawRef) -> list[Citation]:
    """The references right after a law name; `start` is where the first citation begins."""
    out: list[Citation] = []
    article, para = None, None
    while True:
        if compact := COMPACT_RE.match(text, pos):  # 第五百零九、五百一十条: one citation each
            numbers = list(NUM_RE.finditer(text, *compact.span("list")))
            try:
                values = [cn_number(number.group()) for number in numbers]
            except ValueError:
                return out
            head = compact.start("head") if out else start  # the first span includes the law
            for number, value in zip(numbers, values, strict=True):
                begin = head if number is numbers[0] else number.start()
                end = compact.end() if number is numbers[-1] else number.end()
                out.append(Citation(*law, value, span=(begin, end), raw=text[begin:end]))
            article, para = out[-1].provision, None
            stop_at_range = True  # a compact list never starts a range
        else:
            ref = REF_RE.match(text, pos)
            n, sub, p, i = ref.group("n", "sub", "p", "i") if ref else (None,) * 4
            if n is None and (not out or p is i is None):  # 第二款 needs an article before it
                return out
            try:
                if n is not None:
                    article, para = _article(n, sub), None
                if p is not None:  # a bare 第X项 after 第X款 stays in that 款
                    para = cn_number(p)
                item = cn_number(i) if i else None
            except ValueError:
                return out
            cite_start = start if not out else text.index("第", ref.start())
            end, last = ref.end(), None
            joined = JOIN_RE.match(text, end)
            if joined and joined.group("range") and n is not None:
                tail = RANGE_END_RE.match(text, joined.end())
                try:
                    last = tail and _article(*tail.group("n", "sub"))
                except ValueError:
                    last = None
                last = last if last and last > article else None  # 至 an earlier one: not a range
                end = tail.end() if last else end
            span = (cite_start, end)
            out.append(Citation(*law, *article, para, item, last, span, text[cite_start:end]))
            stop_at_range = last is not None  # else 至 joins: 第六百八十条至第六百七十五条
        joined = JOIN_RE.match(text, end)
        if joined is None or (joined.group("range") and stop_at_range):
            return out
        pos = joined.end()
