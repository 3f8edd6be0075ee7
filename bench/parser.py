"""Citation parser throughput: parse a 20,000-character article repeatedly.

Usage (from the project folder):

    .venv/bin/python bench/parser.py [--chars 20000] [--repeat 200] [--no-write]

The registry is built from fixtures/laws.json (the seven shipped documents, their titles,
short titles and aliases), without Django. The article is synthetic Chinese legal prose:
paragraphs of plain text mixed with citations in every supported form (《全称》, 简称,
aliases, Arabic numerals, 之一, 款/项, lists, ranges, 本法/该法, misses and decoys such as
第一章). It reports characters per second (median of `repeat` runs after one warm-up) and
writes the result to docs/benchmarks.md between <!-- parser:start --> and <!-- parser:end -->.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kb.laws.citations import Registry, find_citations  # noqa: E402

PARAGRAPHS = [
    "借款人应当按照约定的期限返还借款，依照《民法典》第六百七十五条，没有约定的可以随时返还。",
    "平台在催收时不得骚扰你的亲友。《中华人民共和国个人信息保护法》第十三条列出了处理个人信息的合法情形。",
    "民法典第六百八十条第一款规定禁止高利放贷，借款的利率不得违反国家有关规定。",
    "根据《消保法》第二十六条、第二十九条和第五十六条，经营者不得以格式条款排除消费者的权利。",
    "《征信业管理条例》第十六条规定不良信息保存五年；该条例第十七条规定了查询权利。",
    "《民间借贷规定》第二十五条至第二十八条规定了利率保护上限，具体以一年期贷款市场报价利率为准。",
    "《刑法》第二百九十三条之一规定了催收非法债务罪，使用暴力、胁迫方法催收的，可能构成犯罪。",
    "《民法典》第五百零九、五百一十条也能识别。第一章里讲的是一般规定，第三个月开始逾期的情况比较常见，这里的第一、第二只是序数。",
    "如果写成《民法典》第675条或者第676条，解析器同样能识别；《民法典》第九千九百条并不存在。",
    "《民事诉讼法》第一百二十二条规定了起诉条件，本站尚未收录该法。同法第一百二十三条不在本站。",
    "在实际生活中，很多人逾期之后首先担心的是征信，其次才是利息和违约金，建议先和平台沟通协商还款计划。",
    "协商时保留好通话录音和聊天记录，必要时可以向监管部门投诉，也可以咨询执业律师获取个案意见。",
]


def registry_from_fixture() -> Registry:
    rows = json.loads((ROOT / "fixtures" / "laws.json").read_text(encoding="utf-8"))
    laws = {}
    for row in rows:
        if row["model"] == "laws.law":
            f = row["fields"]
            aliases = [a for a in f["aliases"].replace("，", "、").split("、") if a]
            laws[f["slug"]] = [f["title"], f["short_title"], *aliases]
    return Registry.build(laws)


def article(chars: int) -> str:
    out, n = [], 0
    while n < chars:
        para = PARAGRAPHS[len(out) % len(PARAGRAPHS)]
        out.append(para)
        n += len(para) + 2
    return "\n\n".join(out)[:chars]


def measure(chars: int, repeat: int) -> dict:
    registry = registry_from_fixture()
    text = article(chars)
    found = len(find_citations(text, registry))  # warm-up (also fills the numeral cache)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        find_citations(text, registry)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "chars": len(text),
        "citations": found,
        "median_ms": median * 1000,
        "cps": len(text) / median,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    r = measure(args.chars, args.repeat)
    body = (
        f"`bench/parser.py`: `find_citations()` over a synthetic {r['chars']:,}-character article "
        f"({r['citations']} citations, every supported form plus decoys), registry of the 7 shipped "
        f"documents, median of {args.repeat} runs after a warm-up.\n\n"
        "| characters | citations found | median time per parse | characters per second |\n"
        "| ---: | ---: | ---: | ---: |\n"
        f"| {r['chars']:,} | {r['citations']} | {r['median_ms']:.2f} ms | {r['cps']:,.0f} |\n\n"
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()} ({platform.system()}), "
        f"1-minute load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (shared machine: "
        "a busy machine lowers the figure)."
    )
    print(body)
    if not args.no_write:
        from report import write_section

        write_section("parser", "Citation parser", body)


if __name__ == "__main__":
    main()
