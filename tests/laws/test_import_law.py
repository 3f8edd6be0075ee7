"""import_law: every shipped statute file, idempotence, malformed files, text history;
and the committed fixtures/laws.json the site loads."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from kb.core.law_fixture import load_laws_fixture
from kb.laws.citations import find_citations
from kb.laws.models import Change, Law, Provision
from kb.laws.resolve import current_registry, resolve

SOURCES = Path(settings.BASE_DIR) / "fixtures" / "statutes"
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "laws.json"
EXPECTED = {  # slug: (provisions, of which 之N, short title, kind)
    "minfadian": (1260, 0, "民法典", Law.Kind.LAW),
    "xiaobaofa": (63, 0, "消费者权益保护法", Law.Kind.LAW),
    "zhengxin-tiaoli": (47, 0, "征信业管理条例", Law.Kind.ADMIN_REGULATION),
    "gebaofa": (74, 0, "个人信息保护法", Law.Kind.LAW),
    "minjian-jiedai": (31, 0, "民间借贷规定", Law.Kind.JUDICIAL_INTERPRETATION),
    "pifu-2020-27": (3, 0, "新民间借贷司法解释适用范围批复", Law.Kind.JUDICIAL_INTERPRETATION),
    "xingfa": (505, 53, "刑法", Law.Kind.LAW),
    "minshi-susongfa": (306, 0, "民事诉讼法", Law.Kind.LAW),
    "falv-yuanzhu-fa": (71, 0, "法律援助法", Law.Kind.LAW),
    "zhixing-chafeng-dongjie": (30, 0, "查封扣押冻结规定", Law.Kind.JUDICIAL_INTERPRETATION),
    "xinyongka-jieshi-2018-jueding": (
        8,
        0,
        "妨害信用卡管理刑事案件解释修改决定（2018）",
        Law.Kind.JUDICIAL_INTERPRETATION,
    ),
}
GOOD = """---
title: "测试法"
short_title: "测试法/测法"
kind: "法律"
status: "有效"
effective_date: "2021-01-01"
promulgation_date: unknown
source: "test"
---

# 测试法

2020年1月1日 通过

<!-- INFO END -->

## 第一章 总则

第一条 第一款。

第二款。

第二条 只有一款。

第二条之一 插入的一条。
"""

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {
        law.slug: (
            law.provisions.count(),
            law.provisions.exclude(sub_number=0).count(),
            law.short_title,
            law.kind,
        )
        for law in Law.objects.all()
    }


def write(tmp_path, text, name="ceshi.md") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def provisions_index() -> dict:
    """provisions.md: {(short title, label): [paragraphs]} as the sources state them."""
    blocks = re.split(r"^## ", (SOURCES / "provisions.md").read_text(encoding="utf-8"), flags=re.M)[
        1:
    ]
    out = {}
    for block in blocks:
        head, *lines = block.split("\n")
        short, label = head.split()
        paras = [line for line in lines if line.strip() and not line.startswith("文件：")]
        out[(short, label)] = [paras[0][len(label) + 1 :], *paras[1:]]
    return out


def test_it_imports_every_shipped_law_with_the_right_article_counts(capsys):
    paths = sorted(str(p) for p in (SOURCES / "laws").glob("*.md"))
    call_command("import_law", *paths)
    assert counts() == EXPECTED
    assert "minfadian: 1260 条新增" in capsys.readouterr().out
    call_command("import_law", *paths)
    assert counts() == EXPECTED
    assert "minfadian: 0 条新增，0 条修改，0 条删除，1260 条未变" in capsys.readouterr().out
    assert not Change.objects.exists()


def test_it_reads_zero_width_lines_and_deep_headings_of_the_civil_procedure_law():
    call_command("import_law", str(SOURCES / "laws" / "minshi-susongfa.md"))
    answer = Provision.objects.get(law__slug="minshi-susongfa", number=128)
    assert answer.path() == ["第二编 审判程序", "第十二章 第一审普通程序", "第二节 审理前的准备"]
    assert answer.paragraphs()[1] == "被告不提出答辩状的，不影响人民法院审理。"
    assert not Provision.objects.filter(text__contains="\u200b").exists()


def test_it_still_rejects_stray_text_between_headings(tmp_path):
    heading = "### 第一节 通则\n\n{}\n\n第二条 只有一款。"
    blank = GOOD.replace("第二条 只有一款。", heading.format("\u200b\u200b"))
    call_command("import_law", write(tmp_path, blank))
    assert Provision.objects.get(number=2, sub_number=0).section == "第一节 通则"
    stray = GOOD.replace("第二条 只有一款。", heading.format("\u200b多出的一行"))
    with pytest.raises(CommandError, match="第 25 行：这一行不属于任何条文"):
        call_command("import_law", write(tmp_path, stray))


def test_it_keeps_structure_and_paragraphs_verbatim():
    call_command(
        "import_law", str(SOURCES / "laws" / "xingfa.md"), str(SOURCES / "laws" / "minfadian.md")
    )
    p = Provision.objects.get(law__slug="xingfa", number=293, sub_number=1)
    assert p.label == "第二百九十三条之一"
    assert p.path() == ["第二编 分则", "第六章 妨害社会管理秩序罪", "第一节 扰乱公共秩序罪"]
    assert len(p.paragraphs()) == 4
    loan = Provision.objects.get(law__slug="minfadian", number=675)
    assert loan.path() == ["合同编", "第二分编 典型合同", "第十二章 借款合同"]
    assert loan.text.startswith("借款人应当按照约定的期限返还借款。")


def test_it_reports_a_malformed_file_by_line_and_changes_nothing(tmp_path):
    call_command("import_law", write(tmp_path, GOOD))
    before = list(Provision.objects.values_list("label", "text"))
    broken = GOOD.replace("第二条之一 插入的一条。", "第一条之一 顺序错了。")
    with pytest.raises(
        CommandError, match=r"ceshi.md: 第 25 行：条号 第一条之一 没有接在 第二条 之后"
    ):
        call_command("import_law", write(tmp_path, broken))
    assert list(Provision.objects.values_list("label", "text")) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("没有头\n第一条 内容。\n", "第 1 行：文件必须以 YAML 头（---）开始"),
        (GOOD.replace('kind: "法律"', 'kind: "法规"'), "第 4 行：kind 的值“法规”不在"),
        (
            GOOD.replace('effective_date: "2021-01-01"', 'effective_date: "2021-13-01"'),
            "第 6 行：effective_date",
        ),
        (GOOD.replace('title: "测试法"\n', ""), "YAML 头缺少字段 title"),
        (GOOD.replace("第二条 只有一款。", "第二条只有一款。"), "第 23 行：条文开头格式不对"),
        (GOOD.split("## 第一章")[0], "没有找到任何条文"),
        (
            GOOD.replace("第二条 只有一款。", "第两条 只有一款。"),
            "第 23 行：无法识别的条号数字“两”",
        ),
    ],
)
def test_it_rejects_malformed_files_with_a_clear_message(tmp_path, text, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_law", write(tmp_path, text))
    assert not Law.objects.exists()


def test_it_rolls_back_every_file_when_one_is_malformed(tmp_path):
    good = write(tmp_path, GOOD, "good.md")
    bad = write(tmp_path, GOOD.replace('status: "有效"', 'status: "作废"'), "bad.md")
    with pytest.raises(CommandError, match="bad.md"):
        call_command("import_law", good, bad)
    assert not Law.objects.exists()


def test_it_keeps_the_old_text_when_a_provision_changes(tmp_path):
    call_command("import_law", write(tmp_path, GOOD))
    law = Law.objects.get(slug="ceshi")
    assert (law.short_title, law.aliases, law.status) == ("测试法", "测法", Law.Status.IN_FORCE)
    assert [p.slug for p in law.provisions.all()] == ["1", "2", "2-1"]
    assert law.provisions.get(number=1).paragraphs() == ["第一款。", "第二款。"]
    call_command("import_law", write(tmp_path, GOOD.replace("只有一款。", "改过的一款。")))
    change = Change.objects.get()
    assert (change.provision.label, change.kind) == ("第二条", Change.Kind.TEXT)
    assert (change.old_value, change.new_value) == ("只有一款。", "改过的一款。")
    second = law.provisions.get(number=2, sub_number=0)
    assert [r.text for r in second.history.all()] == ["改过的一款。", "只有一款。"]
    assert second.history.earliest().history_change_reason == "导入法律文件"
    call_command("import_law", write(tmp_path, GOOD.replace('status: "有效"', 'status: "已废止"')))
    assert Change.objects.filter(kind=Change.Kind.STATUS, law=law, old_value="in_force").exists()


def test_it_ships_all_eleven_documents_in_the_fixture():
    load_laws_fixture(FIXTURE)  # what load_content (make run) uses
    assert counts() == EXPECTED
    minfadian = Law.objects.get(slug="minfadian")
    assert minfadian.effective_date.isoformat() == "2021-01-01"
    assert minfadian.document_number == "中华人民共和国主席令第四十五号"
    assert Law.objects.get(slug="xiaobaofa").alias_list() == ["消保法", "消法"]
    assert Law.objects.get(slug="gebaofa").alias_list() == ["个保法"]
    assert Law.objects.get(slug="zhengxin-tiaoli").alias_list() == ["征信条例"]
    assert "民间借贷司法解释" in Law.objects.get(slug="minjian-jiedai").alias_list()
    assert Law.objects.get(slug="pifu-2020-27").document_number == "法释〔2020〕27号"
    assert (
        Provision.objects.get(law__slug="pifu-2020-27", number=3).text
        == "本批复自2021年1月1日起施行。"
    )
    assert Law.objects.get(slug="minshi-susongfa").alias_list() == ["民诉法"]
    assert "查封规定" in Law.objects.get(slug="zhixing-chafeng-dongjie").alias_list()
    decision = Law.objects.get(slug="xinyongka-jieshi-2018-jueding")
    assert [p.label for p in decision.provisions.all()] == list("一二三四五六七八")
    assert decision.preamble.startswith("根据司法实践情况")
    assert all(law.source.startswith("LawRefBook/Laws") for law in Law.objects.all())
    # Not in the sources (sources/README.md): they may be described, never quoted.
    for absent in ("高消费", "失信被执行人", "信用卡业务监督管理办法", "金融审判工作"):
        assert not Law.objects.filter(title__contains=absent).exists(), absent
    for (short, label), paragraphs in provisions_index().items():
        assert (
            Provision.objects.get(law__short_title=short, label=label).paragraphs() == paragraphs
        ), label


@pytest.mark.parametrize(
    ("text", "law", "label"),
    [
        ("《民事诉讼法》第一百二十八条", "minshi-susongfa", "第一百二十八条"),
        ("《民诉法》第一百二十八条", "minshi-susongfa", "第一百二十八条"),
        ("依照民诉法第二百五十五条", "minshi-susongfa", "第二百五十五条"),
        ("《中华人民共和国民事诉讼法》第二百二十五条", "minshi-susongfa", "第二百二十五条"),
        ("《法律援助法》第三十一条", "falv-yuanzhu-fa", "第三十一条"),
        ("《查封扣押冻结规定》第三条", "zhixing-chafeng-dongjie", "第三条"),
        ("《查封规定》第三条", "zhixing-chafeng-dongjie", "第三条"),
        (
            "《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第三条",
            "zhixing-chafeng-dongjie",
            "第三条",
        ),
        ("《信用卡解释修改决定》第二条", "xinyongka-jieshi-2018-jueding", "二"),
        (
            "《妨害信用卡管理刑事案件解释修改决定（2018）》第五条",
            "xinyongka-jieshi-2018-jueding",
            "五",
        ),
    ],
)
def test_it_resolves_citations_of_the_new_laws_by_their_common_names(text, law, label):
    load_laws_fixture(FIXTURE)
    (result,) = resolve(find_citations(text, current_registry()))
    assert [(p.law.slug, p.label) for p in result.provisions] == [(law, label)]


def test_it_refuses_to_drop_provisions_unless_told_to(tmp_path):
    call_command("import_law", write(tmp_path, GOOD))
    shorter = write(tmp_path, GOOD.replace("第二条之一 插入的一条。", ""))
    with pytest.raises(CommandError, match="文件中没有已收录的 第二条之一 等 1 条"):
        call_command("import_law", shorter)
    assert Provision.objects.count() == 3
    call_command("import_law", shorter, "--delete-missing")
    assert [p.slug for p in Provision.objects.all()] == ["1", "2"]
