"""Synthetic published articles for benchmarks: plausible Chinese text, deterministic per seed.

`python bench/synthetic.py N [--seed S]` adds N of them to the database of DATABASE_URL.
Bulk-created (no save(), no signals), so 100k rows take seconds. The body is Markdown with
citations such as 《民法典》第六百七十五条; `body_html` is filled with a plain paragraph
rendering (no citation links, no citation rows) — run `rerender_all()` for the full pipeline.
"""

import argparse
import os
import random
import sys
from html import escape
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

SUBJECTS = "借呗 花呗 网贷 信用卡 消费贷 分期付款 民间借贷 银行贷款 车贷 房贷".split()
EVENTS = "逾期 逾期三个月 还不上 被催收 被起诉 上征信 利息太高 被扣砍头息 协商分期 逾期一天".split()
QUESTIONS = "会怎样？ 怎么办？ 有什么后果？ 合法吗？ 能协商吗？ 会影响征信吗？ 要坐牢吗？ 多久能恢复？".split()
SENTENCES = [
    "{s}{e}之后，平台通常会先发短信和电话提醒还款。",
    "逾期记录会报送到征信系统，不良信息自不良行为终止之日起保存五年。",
    "借款人应当按照约定的期限返还借款，逾期还要支付逾期利息。",
    "如果遇到暴力催收、骚扰亲友，可以保留录音截图并向监管部门投诉。",
    "借款的利息不得预先在本金中扣除，被扣砍头息的，本金按实际到手金额计算。",
    "利率超过合同成立时一年期贷款市场报价利率四倍的部分，法院不予支持。",
    "收到律师函或催收函时先核实欠款金额，不要轻易转账到个人账户。",
    "确实还不上的，可以主动联系{s}平台协商延期或者分期还款，并保留协商记录。",
    "被起诉后应当按时应诉，对过高的罚息和违约金提出抗辩。",
    "单纯欠款属于民事纠纷，一般不会因此坐牢，但有能力履行而拒不执行判决的除外。",
    "个人每年可以免费查询两次自己的信用报告，发现错误可以提出异议。",
    "平台处理个人信息应当取得本人同意，不得随意向通讯录联系人透露欠款。",
]
CITATIONS = [
    "《民法典》第六百七十五条",
    "《民法典》第六百七十条",
    "《民法典》第六百八十条",
    "《征信业管理条例》第十六条",
    "《征信业管理条例》第二十五条",
    "《个人信息保护法》第十三条",
    "《刑法》第二百九十三条之一",
]
HEADINGS = ["要点", "怎么办", "法律依据", "常见误区"]


def article_fields(rng: random.Random) -> dict:
    s, e, q = rng.choice(SUBJECTS), rng.choice(EVENTS), rng.choice(QUESTIONS)
    sections, html = [], []
    for heading in HEADINGS:
        para = "".join(rng.choice(SENTENCES).format(s=s, e=e) for _ in range(rng.randint(2, 4)))
        if heading == "法律依据":
            para += f"依据{rng.choice(CITATIONS)}和{rng.choice(CITATIONS)}的规定。"
        sections.append(f"## {heading}\n\n{para}")
        html.append(f"<h2>{heading}</h2>\n<p>{escape(para)}</p>")
    short = f"{s}{e}{q.rstrip('？')}：" + rng.choice(SENTENCES).format(s=s, e=e)
    return {
        "title": f"{s}{e}{q}",
        "short_answer": short,
        "body": "\n\n".join(sections),
        "body_html": "\n".join(html),
    }


def generate_articles(count: int, seed: int = 1, batch_size: int = 2000) -> int:
    """Create `count` published articles with slugs synthetic-<seed>-<n>; existing slugs are kept."""
    from kb.articles.models import Article, Category
    from kb.core.content_version import content_changed

    rng = random.Random(seed)
    category, _ = Category.objects.get_or_create(slug="synthetic", defaults={"name": "合成数据"})
    start = timezone.now() - timezone.timedelta(days=1)
    created = 0
    with transaction.atomic():
        for offset in range(0, count, batch_size):
            batch = [
                Article(
                    slug=f"synthetic-{seed}-{n}",
                    category=category,
                    status=Article.Status.PUBLISHED,
                    published_at=start - timezone.timedelta(minutes=n),
                    **article_fields(rng),
                )
                for n in range(offset, min(count, offset + batch_size))
            ]
            Article.objects.bulk_create(batch, ignore_conflicts=True)
            created += len(batch)
        content_changed()
    refresh_planner_statistics(Article)
    return created


def refresh_planner_statistics(model) -> None:
    """After a bulk load, give PostgreSQL's planner the new row counts now rather than when
    autovacuum next passes: until then it plans for the old, smaller table."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("count must be zero or more")
    made = generate_articles(args.count, seed=args.seed)
    print(f"generated {made} synthetic articles (seed {args.seed})")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
    import django

    django.setup()
    main()
