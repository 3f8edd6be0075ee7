"""The citation parser: a table of (text, expected) cases, positive and negative."""

import pytest

from kb.laws.citations import Citation, Registry, cn_number, find_citations, scan

REGISTRY = Registry.build(
    {
        "minfadian": ["中华人民共和国民法典", "民法典"],
        "xiaobaofa": ["中华人民共和国消费者权益保护法", "消费者权益保护法", "消保法", "消法"],
        "gebaofa": ["中华人民共和国个人信息保护法", "个人信息保护法", "个保法"],
        "zhengxin-tiaoli": ["征信业管理条例", "征信条例"],
        "minjian-jiedai": [
            "最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
            "民间借贷规定",
            "民间借贷司法解释",
        ],
        "xingfa": ["中华人民共和国刑法", "刑法"],
        "pifu-2020-27": ["最高人民法院关于新民间借贷司法解释适用范围问题的批复", "适用范围批复"],
    }
)


def short(c: Citation) -> str:
    """minfadian:675 / xingfa:293-1 / minfadian:680 款1 项2 / minfadian:675..680"""
    out = f"{c.law}:{c.number}" + (f"-{c.sub}" if c.sub else "")
    if c.paragraph:
        out += f" 款{c.paragraph}"
    if c.item:
        out += f" 项{c.item}"
    if c.last:
        out += f"..{c.last[0]}" + (f"-{c.last[1]}" if c.last[1] else "")
    return out


CASES = [
    # 《full title》, 《short title》, alias, no brackets
    ("依照《民法典》第六百七十五条的规定", ["minfadian:675"]),
    ("《中华人民共和国民法典》第六百七十五条", ["minfadian:675"]),
    ("《消费者权益保护法》第二十六条", ["xiaobaofa:26"]),
    ("《中华人民共和国消费者权益保护法》第二十九条", ["xiaobaofa:29"]),
    ("《消保法》第二十九条", ["xiaobaofa:29"]),
    ("《消法》第二十九条", ["xiaobaofa:29"]),
    ("《个保法》第十三条", ["gebaofa:13"]),
    ("《个人信息保护法》第十三条", ["gebaofa:13"]),
    ("《征信业管理条例》第十六条", ["zhengxin-tiaoli:16"]),
    ("《征信条例》第十六条", ["zhengxin-tiaoli:16"]),
    ("《民间借贷规定》第二十五条", ["minjian-jiedai:25"]),
    ("《民间借贷司法解释》第二十五条", ["minjian-jiedai:25"]),
    ("《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条", ["minjian-jiedai:25"]),
    ("《刑法》第二百九十三条之一", ["xingfa:293-1"]),
    ("民法典第六百八十条规定", ["minfadian:680"]),
    ("根据消保法第二十九条，经营者", ["xiaobaofa:29"]),
    ("中华人民共和国刑法第二百九十三条之一", ["xingfa:293-1"]),
    ("《中华人民共和国征信业管理条例》第十五条", ["zhengxin-tiaoli:15"]),
    # numerals
    ("《民法典》第675条", ["minfadian:675"]),
    ("《民法典》第 675 条", ["minfadian:675"]),
    ("《民法典》 第六百七十五条", ["minfadian:675"]),
    ("《民法典》第一千零三十二条", ["minfadian:1032"]),
    ("《民法典》第十条", ["minfadian:10"]),
    ("《民法典》第一千二百六十条", ["minfadian:1260"]),
    ("《民法典》第五百零九条", ["minfadian:509"]),
    ("《刑法》第二百九十三条之一", ["xingfa:293-1"]),
    ("《刑法》第二百九十三条", ["xingfa:293"]),
    ("《刑法》第293条之1", ["xingfa:293-1"]),
    ("《刑法》第一百二十条之六", ["xingfa:120-6"]),
    # 款 and 项
    ("《民法典》第六百八十条第一款", ["minfadian:680 款1"]),
    ("《民法典》第六百八十条第二款", ["minfadian:680 款2"]),
    ("《个保法》第十三条第一款第二项", ["gebaofa:13 款1 项2"]),
    ("《个保法》第十三条第二项", ["gebaofa:13 项2"]),
    ("《民法典》第六百八十条第一款、第二款", ["minfadian:680 款1", "minfadian:680 款2"]),
    (
        "《征信业管理条例》第十四条第二款第一项、第二项",
        ["zhengxin-tiaoli:14 款2 项1", "zhengxin-tiaoli:14 款2 项2"],
    ),
    # lists
    ("《消保法》第十六条、第十七条和第二十五条", ["xiaobaofa:16", "xiaobaofa:17", "xiaobaofa:25"]),
    ("《民法典》第六百七十五条及第六百七十六条", ["minfadian:675", "minfadian:676"]),
    ("《民法典》第六百七十五条以及第六百七十六条", ["minfadian:675", "minfadian:676"]),
    ("《民法典》第五百零九条或者第五百一十条", ["minfadian:509", "minfadian:510"]),
    ("《民法典》第五百零九条或第五百一十条", ["minfadian:509", "minfadian:510"]),
    ("《刑法》第二百九十三条之一、第二百九十三条", ["xingfa:293-1", "xingfa:293"]),
    ("《民法典》第六百七十五条、第六百八十条第二款", ["minfadian:675", "minfadian:680 款2"]),
    ("《民法典》第六百七十五条和《消保法》第二十六条", ["minfadian:675", "xiaobaofa:26"]),
    ("《民法典》第五百零九、五百一十条", ["minfadian:509", "minfadian:510"]),
    (
        "《征信业管理条例》第十五、十六、十七条和第二十一条",
        ["zhengxin-tiaoli:15", "zhengxin-tiaoli:16", "zhengxin-tiaoli:17", "zhengxin-tiaoli:21"],
    ),
    (
        "《民法典》第六百七十五条、第五百零九、五百一十条",
        ["minfadian:675", "minfadian:509", "minfadian:510"],
    ),
    ("第五百零九、五百一十条", []),
    # ranges
    ("《民法典》第六百七十五条至第六百八十条", ["minfadian:675..680"]),
    ("《民法典》第六百七十五条至六百八十条", ["minfadian:675..680"]),
    ("《民法典》第675条到第680条", ["minfadian:675..680"]),
    (
        "《民法典》第六百六十七条至第六百八十条、第五百零九条",
        ["minfadian:667..680", "minfadian:509"],
    ),
    ("《民法典》第六百八十条至第六百七十五条", ["minfadian:680", "minfadian:675"]),
    # 本法 / 该法 / 同法
    ("《民法典》规定了借款合同。该法第六百八十条禁止高利放贷", ["minfadian:680"]),
    (
        "《消保法》第二十九条说得很清楚，同法第五十六条还规定了处罚",
        ["xiaobaofa:29", "xiaobaofa:56"],
    ),
    ("《个保法》第十三条。依照本法第十四条", ["gebaofa:13", "gebaofa:14"]),
    (
        "《民法典》第六百七十五条；《刑法》也有规定，该法第二百九十三条之一",
        ["minfadian:675", "xingfa:293-1"],
    ),
    ("《征信业管理条例》第十六条；该条例第十七条", ["zhengxin-tiaoli:16", "zhengxin-tiaoli:17"]),
    ("本法第十条", []),
    # 本规定 / 本解释 / 本批复 mean the law named before only when the kinds agree …
    ("《民间借贷规定》第二十五条；本规定第二十六条", ["minjian-jiedai:25", "minjian-jiedai:26"]),
    ("《民法典》第六百七十五条。本规定第二十五条", ["minfadian:675"]),
    ("《民法典》第六百八十条；本解释第三十六条", ["minfadian:680"]),
    ("《民间借贷规定》第二十五条。本批复第一条", ["minjian-jiedai:25"]),
    ("《适用范围批复》第一条；该批复第二条", ["pifu-2020-27:1", "pifu-2020-27:2"]),
    # … and never inside a quotation, where 本… is the quoted document's own word
    ("《民间借贷规定》第三十一条写道：“本规定第二十五条……”", ["minjian-jiedai:31"]),
    (
        "《刑法》第一百九十六条。2018年的决定写道：“应当认定为本解释第六条规定的‘有效催收’”",
        ["xingfa:196"],
    ),
    ("《民法典》第六百七十五条：“依据本法第五百一十条的规定”", ["minfadian:675"]),
    ("“本法第五百一十条”之后，《民法典》第五百零九条", ["minfadian:509"]),
    (
        "《民法典》第六百七十五条“仍不能确定的”，本法第五百一十条",
        ["minfadian:675", "minfadian:510"],
    ),
    ("该法第六百八十条", []),
    # unregistered titles are kept, with no law key
    ("《民事诉讼法》第一百二十二条", ["None:122"]),
    ("《民事诉讼法》规定……该法第一百二十二条", ["None:122"]),
    ("《民事诉讼法》第三条。《民法典》第三条", ["None:3", "minfadian:3"]),
    # not citations
    ("第一章 总则", []),
    ("## 第三章 合同的效力", []),
    ("第一节 一般规定", []),
    ("第三条", []),
    ("借款人应当按照约定的期限返还借款，第一，要及时沟通", []),
    ("他第一次逾期是在第三个月", []),
    ("第六百七十五条规定了还款期限", []),
    ("民法典里有不少规定", []),
    ("《民法典》规定，借款人应当按期还款", []),
    ("《民法典》的第一编", []),
    ("《民法典》第二款", []),
    ("`《民法典》第六百七十五条`", []),
    ("示例：`民法典第六百八十条` 不会被链接，但《民法典》第六百八十条会", ["minfadian:680"]),
    ("刑法修正案（十一）增加了一条", []),
    ("《三体》第一部", []),
    ("《民法典》第条", []),
    ("", []),
    # nonexistent provisions are still found (the resolver reports them)
    ("《民法典》第九千九百条", ["minfadian:9900"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:24] or "empty" for c in CASES])
def test_it_finds_the_expected_citations(text, expected):
    assert [short(c) for c in find_citations(text, REGISTRY)] == expected


def test_it_has_a_table_of_at_least_sixty_cases():
    assert len(CASES) >= 60


def test_it_reports_span_and_raw_text():
    text = "依照《民法典》第六百七十五条、第六百七十六条，借款人"
    first, second = find_citations(text, REGISTRY)
    assert first.raw == "《民法典》第六百七十五条" == text[slice(*first.span)]
    assert second.raw == "第六百七十六条" == text[slice(*second.span)]
    assert first.law_name == "民法典"


def test_it_splits_a_compact_list_into_spans():
    text = "见《民法典》第五百零九、五百一十条。"
    first, second = find_citations(text, REGISTRY)
    assert (first.raw, second.raw) == ("《民法典》第五百零九", "五百一十条")
    assert text[slice(*second.span)] == "五百一十条"


def test_it_returns_frozen_dataclasses():
    citation = find_citations("《民法典》第六百七十五条", REGISTRY)[0]
    with pytest.raises(AttributeError):
        citation.number = 1


def test_it_drops_names_claimed_by_two_laws():
    registry = Registry.build({"a": ["甲法", "条例"], "b": ["乙法", "条例"]})
    assert "条例" not in registry.names
    assert find_citations("条例第三条", registry) == []
    assert [c.law for c in find_citations("甲法第三条", registry)] == ["a"]


def test_it_carries_the_previous_law_across_calls():
    first = scan("《民法典》规定了借款合同。", REGISTRY)
    assert first.last_law == ("minfadian", "民法典")
    later = scan("该法第六百八十条", REGISTRY, previous=first.last_law)
    assert [short(c) for c in later.citations] == ["minfadian:680"]


def test_it_links_no_本_pronoun_in_quoted_text():
    minjian = ("minjian-jiedai", "民间借贷规定")
    assert scan("本规定第二十六条", REGISTRY, previous=minjian).citations
    assert scan("本规定第二十六条", REGISTRY, previous=minjian, quoted=True).citations == []
    quoted = scan("《民法典》第六百八十条；本法第六百七十五条", REGISTRY, quoted=True)
    assert [short(c) for c in quoted.citations] == ["minfadian:680"]


def test_it_converts_chinese_numerals():
    assert cn_number("六百七十五") == 675
    assert cn_number("一千零三十二") == 1032
    assert cn_number("675") == 675
    with pytest.raises(ValueError):
        cn_number("两百")
