"""How results are ordered, as data both backends read (no Django here):
1. a provision the query names by law and number (民法典675, 《刑法》第一百九十六条);
2. pages holding every word the reader typed;
3. articles and question trees before bare provisions, unless the query names a law;
4. the backend's relevance score, weighted title > short answer > body.
Unless the query names a law, a provision must share PROVISION_MIN_TERMS words with it (借款 alone
does not say which statute is meant); sentencing boilerplate (处三年以下有期徒刑…) is not indexed.
"""

import re

from kb.laws.citations import NUM, cn_number

# Field weights, title > short answer / label > body: ts_rank's {D, C, B, A} and bm25's columns.
TITLE, LABEL, BODY = 1.0, 0.4, 0.1
POSTGRES_WEIGHTS = f"{{0.1, {BODY}, {LABEL}, {TITLE}}}"
SQLITE_WEIGHTS = f"{TITLE * 10}, {LABEL * 10}, {BODY * 10}"

# Kinds ranked after the others when the query names no law.
DEMOTED_KINDS = ("provision",)
# At most this many pages matching anywhere (plus as many matching in a title or short answer)
# are ranked for one query; a result's `total` stops counting there.
CANDIDATES = 300
PROVISION_MIN_TERMS = 2

# Sentencing and penalty phrases: cut from a provision's text before it is indexed.
BOILERPLATE = (
    r"[零〇一二三四五六七八九十百\d]+(?:年|个月|日)以[上下](?=有期徒刑|拘役|管制|拘留|的?期限)",
    r"(?:并处或者单处|并处|单处|或者单处)?(?:有期徒刑|无期徒刑|拘役|管制|死刑|罚金|没收财产|剥夺政治权利)",
    r"(?:处|判处)(?=[，、。；或])",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE))


def indexed_fields(kind: str, title: str, label: str, body: str) -> tuple[str, str, str]:
    """The text a page is indexed by (title, label, body): provisions lose boilerplate."""
    return title, label, _BOILERPLATE.sub(" ", body) if kind in DEMOTED_KINDS else body


_NUMBER_AFTER = re.compile(rf"[\s》]*第?\s*(?P<n>{NUM})\s*(?:条)?(?:之(?P<sub>{NUM}))?")


def law_reference(query: str, laws: dict[str, str]) -> tuple[bool, list[tuple[str, int, int]]]:
    """Whether `query` names a law, and the (slug, number, sub) of the provisions it names by
    number. `laws` maps every name of a law to its slug (longest names win)."""
    names = re.compile("|".join(map(re.escape, sorted(laws, key=len, reverse=True))))
    keys, named, pos = [], False, 0
    while laws and (name := names.search(query, pos)):  # the earliest name, the longest there
        named = True
        pos = name.end()
        if number := _NUMBER_AFTER.match(query, pos):
            pos = number.end()
            try:
                n = cn_number(number["n"])
                sub = cn_number(number["sub"]) if number["sub"] else 0
            except ValueError:
                continue
            keys.append((laws[name[0]], n, sub))
    return named, keys
