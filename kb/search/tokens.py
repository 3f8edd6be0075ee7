"""Chinese tokenising for the index and the query (no Django): 繁體 → 简体, NFKC, lower case, then
jieba; documents are cut in search mode, which also emits the words inside long ones (信用卡 → 信用)."""

import re
import unicodedata
from dataclasses import dataclass

import opencc
import rjieba

# Added to jieba's dictionary: after a change, run `manage.py rebuild_search_index`.
DOMAIN_WORDS = (
    "借呗 花呗 蚂蚁借呗 蚂蚁花呗 网贷 砍头息 征信 征信报告 信用报告 个人征信 不良记录 "
    "逾期记录 暴力催收 催收 催收函 律师函 征信修复 民间借贷 信用卡 分期 停息挂账 "
    "通讯录 爆通讯录 利率 年化利率 罚息 违约金 本金 异议 民法典 个人信息 高利贷 "
    "套路贷 起诉 网贷平台 借款平台 借款合同 格式条款 一年期贷款市场报价利率 中国人民银行 "
    "征信中心 失信被执行人 拒不执行 诈骗 协商还款 延期还款 最低还款 上征信 还不上 "
    "还不起 芝麻信用"
).split()

# Words that carry no meaning for retrieval in readers' questions ("借呗逾期会怎样？").
STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 呀 哦 么 会 是 我 你 他 她 它 我们 你们 在 和 与 及 或 被 把 也 都 就 还 要 "
    "能 能够 可以 可 怎样 怎么样 怎么 如何 什么 为什么 哪些 一个 这 那 这个 那个 有 没有 请问 "
    "之 其 该 对 从 向 给 将 让 得 地 着 过 又 而 但 如果 因为 所以 一下 上 不".split()
)

MAX_TOKEN_LENGTH = 40
MAX_QUERY_WORDS = 24
MAX_QUERY_GROUPS = 48
_WORD = re.compile(r"\w", re.UNICODE)
_converter = opencc.OpenCC("t2s")
for word in DOMAIN_WORDS:
    rjieba.add_word(word, 20000, None)


def normalise(text: str) -> str:
    """简体, NFKC (full-width letters and digits to ASCII), lower case, no NUL bytes."""
    text = unicodedata.normalize("NFKC", text.replace("\x00", " "))
    return _converter.convert(text).lower()


def simplified(text: str) -> str:
    """繁體 → 简体 (OpenCC t2s) only: the same length, for lining offsets up (snippets)."""
    return _converter.convert(text)


def tokenize(text: str, *, query: bool = False) -> list[str]:
    """Words of `text`, normalised; precise cut for a query, search-mode cut for a document."""
    words = (rjieba.cut if query else rjieba.cut_for_search)(normalise(text))
    words = (word.strip() for word in words)
    return [
        w for w in words if w not in STOPWORDS and len(w) <= MAX_TOKEN_LENGTH and _WORD.search(w)
    ]


@dataclass(frozen=True)
class QueryPlan:
    """`words`: the reader's own words (a page holding all of them ranks first); `groups`: what a
    page may match, OR-ed (each word, then each synonym's AND-ed words); `concepts`: the groups by
    meaning (a term's words with its synonyms), so 拘留 or its synonym 刑事 count as one."""

    words: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]
    concepts: tuple[tuple[tuple[str, ...], ...], ...] = ()
    law_named: bool = False  # the query names a law: provisions are not ranked last
    named_urls: tuple[str, ...] = ()  # provisions named by law and number: ranked first


def query_plan(
    query: str, synonyms: dict[str, list[str]], law_named: bool = False, named_urls=()
) -> QueryPlan:
    """Plan a query. `synonyms` maps a term to its synonyms, in either script; a term applies
    when it occurs in the normalised query, even among dropped question words (会怎样 → 后果)."""
    words = tuple(dict.fromkeys(tokenize(query, query=True)))[:MAX_QUERY_WORDS]
    groups: list[tuple[str, ...]] = [(w,) for w in words]
    concepts: list[list[tuple[str, ...]]] = [[(w,)] for w in words]
    folded = normalise(query)
    for term, alternatives in synonyms.items():
        term = normalise(term).strip()
        if not term or term not in folded:
            continue
        own = set(tokenize(term, query=True))
        merged = [c for c in concepts if any(g[0] in own for g in c if len(g) == 1)]
        concept = [g for c in merged for g in c]
        concepts = [c for c in concepts if c not in merged] + [concept]
        for alternative in alternatives:
            alt_words = tuple(dict.fromkeys(tokenize(alternative, query=True)))
            if alt_words and alt_words not in groups and len(groups) < MAX_QUERY_GROUPS:
                groups.append(alt_words)
                concept.append(alt_words)
    concepts = tuple(tuple(c) for c in concepts if c)
    return QueryPlan(words, tuple(groups), concepts, law_named, tuple(named_urls))


def highlight_terms(plan: QueryPlan) -> list[str]:
    """Every word a page may match (the reader's and the synonyms'), longest first."""
    return sorted({w for group in plan.groups for w in group}, key=lambda w: (-len(w), w))
