"""Small laws and provisions built on the real database, for tests that need a few."""

import datetime

from kb.laws.models import Law, Provision

CN = "零一二三四五六七八九"


def cn_label(number: int, sub: int = 0) -> str:
    import cn2an

    label = f"第{cn2an.an2cn(number)}条"
    return label + (f"之{cn2an.an2cn(sub)}" if sub else "")


def make_law(slug="minfadian", title="中华人民共和国民法典", short_title="民法典", **kwargs) -> Law:
    defaults = {
        "kind": Law.Kind.LAW,
        "source": "LawRefBook/Laws 民法典 @ test",
        "effective_date": datetime.date(2021, 1, 1),
        "promulgation_date": datetime.date(2020, 5, 28),
    }
    defaults.update(kwargs)
    return Law.objects.create(slug=slug, title=title, short_title=short_title, **defaults)


def make_provisions(law: Law, numbers, chapter="第十二章 借款合同") -> list[Provision]:
    rows = []
    for order, number in enumerate(numbers, start=1):
        number, sub = number if isinstance(number, tuple) else (number, 0)
        rows.append(
            Provision(
                law=law,
                number=number,
                sub_number=sub,
                label=cn_label(number, sub),
                chapter=chapter,
                text=f"{cn_label(number, sub)}的第一款原文。\n{cn_label(number, sub)}的第二款原文。",
                order=order,
            )
        )
    return Provision.objects.bulk_create(rows)
