"""The search benchmark harness runs end to end on a tiny corpus, so it cannot rot."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def test_it_measures_and_reports_search_latency(db, tmp_path):
    import search as bench
    from report import write_section

    results = bench.measure([12], repeat=1)
    (row,) = results
    assert row["articles"] == 12 and row["samples"] == len(bench.QUERIES)
    assert row["p95"] >= row["p50"] > 0
    assert 0 < row["queries"]["逾期"]["total"] <= 12
    report = bench.render(results, repeat=1)
    assert f"| {row['vendor']} | 12 |" in report
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        "# Benchmarks\n\n<!-- pages:start -->\nkept\n<!-- pages:end -->\n", encoding="utf-8"
    )
    write_section("search", "Search latency", report, doc=doc)
    text = doc.read_text(encoding="utf-8")
    assert "kept" in text and "<!-- search:start -->" in text and "| 逾期 |" in text


def test_it_scores_judged_questions_next_to_their_latency(db):
    import search as bench

    from tests.search.corpus import build_corpus
    from tests.search.evaluation import Judged

    build_corpus()
    judged = [
        Judged("借呗逾期会怎样", ("jiebei-yuqi-houguo",)),
        Judged("征信修复", ("zhengxin-xiufu-pianju",)),
        Judged("完全无关的问题", ("bei-qisu-zenme-ban",)),
    ]
    row = bench.judge(repeat=1, judged=judged)
    assert row["queries"] == 3 and row["top3"] == 2 / 3
    assert row["misses"] == ["完全无关的问题"] and 2 / 3 <= row["mrr"] <= 2 / 3 + 1e-9
    report = bench.render(bench.measure([3], repeat=1), repeat=1, judged=[row])
    assert f"| {row['vendor']} | 3 | 0.667 |" in report
