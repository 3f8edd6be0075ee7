"""What the rate page and the rate API show: one function each, a fixed number of queries."""

from collections.abc import Mapping
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from kb.rates.assess import Assessment, assess
from kb.rates.calc import percent
from kb.rates.inputs import FIELDS, Checked, check
from kb.rates.models import LprRate, Threshold, private_cap_multiple

PLAN_NAMES = {
    "equal": "等额本息（每月还相同金额）",
    "bullet": "先息后本（每月付息，最后还本）",
    "custom": "自定义还款明细",
}


def permalink_query(checked: Checked) -> str:
    """The canonical query string: known parameters only, in a fixed order, empty ones dropped."""
    plan = checked.values["plan"]
    skip = {"n", "payment"} if plan == "custom" else {"payments"}
    pairs = [(k, checked.values[k]) for k in FIELDS if checked.values[k] and k not in skip]
    return urlencode(pairs)


def _assess(checked: Checked, table, thresholds) -> Assessment:
    lpr = table.in_force_on(checked.loan.date)
    multiple = private_cap_multiple(thresholds)
    return assess(checked.loan, checked.result, lpr, multiple, table, checked.sued)


def evaluate(params: Mapping[str, str]) -> tuple[Checked, Assessment | None]:
    """Check the input; when it is good, read the LPR table and the cap multiple (2 queries)."""
    checked = check(params)
    if checked.result is None:
        return checked, None
    thresholds = Threshold.objects.filter(slug=Threshold.PRIVATE_CAP_SLUG)
    return checked, _assess(checked, LprRate.objects.table(), thresholds)


def rate_context(request, params: Mapping[str, str]) -> dict:
    checked = check(params)
    thresholds = list(Threshold.objects.all())
    table = LprRate.objects.table()
    assessment = _assess(checked, table, thresholds) if checked.result is not None else None
    query = permalink_query(checked)
    return {
        "checked": checked,
        "values": checked.values,
        "errors": checked.errors if checked.submitted else {},  # a blank form is not an error
        "result": checked.result,
        "assessment": assessment,
        "latest_lpr": table.latest,
        "lpr_confirmed_through": table.confirmed_through,
        "thresholds": thresholds,
        "plans": PLAN_NAMES,
        "permalink": request.build_absolute_uri(f"{reverse('rates:rate')}?{query}")
        if assessment
        else "",
        "api_link": f"{reverse('rates:api')}?{query}" if assessment else "",
        "yuan": {
            "total_paid": f"{checked.result.total_paid:,.2f}" if checked.result else "",
            "total_cost": f"{checked.result.total_cost:,.2f}" if checked.result else "",
        },
        "percent": {
            "apr": percent(checked.result.apr) if checked.result else None,
            "ear": percent(checked.result.ear) if checked.result else None,
            "monthly": percent(checked.result.monthly_rate) if checked.result else None,
        },
    }


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _split_json(assessment: Assessment) -> dict | None:
    """Contracts before 2020-08-20 (第三十一条第二款): interest up to 2020-08-19 follows the
    interpretation then in force (no figure here); from 2020-08-20, the cap at the suit date."""
    split = assessment.split
    if split is None:
        return None
    return {
        "until_2020_08_19": "当时的司法解释（本站未收录其原文，不给出数值）",
        "from_2020_08_20_basis": split.basis,  # "sued": LPR on `sued`; "latest": latest LPR
        "lpr": _num(split.lpr.one_year) if split.lpr else None,
        "lpr_date": _iso(split.lpr.published) if split.lpr else None,
        "cap_private": _num(split.cap),
        "exceeds_cap_private": split.exceeds,
    }


def rate_json(request, params: Mapping[str, str]) -> tuple[dict, int]:
    checked, assessment = evaluate(params)
    if assessment is None:
        return {"errors": checked.errors}, 400
    loan, result, lpr = checked.loan, checked.result, assessment.lpr
    money = Decimal("0.01")
    return {
        "apr": _num(assessment.apr),
        "ear": _num(percent(result.ear)),
        "monthly_rate": _num(percent(result.monthly_rate)),
        "total_paid": _num(result.total_paid.quantize(money)),
        "total_cost": _num(result.total_cost.quantize(money)),
        "lpr": _num(lpr.one_year) if lpr else None,
        "lpr_date": lpr.published.isoformat() if lpr else None,
        "cap_private": _num(assessment.cap),
        "exceeds_cap_private": assessment.exceeds_cap,
        "amount": _num(loan.amount),
        "received": _num(loan.received),
        "fees": _num(loan.fees),
        "date": loan.date.isoformat(),
        "plan": loan.plan,
        "sued": checked.sued.isoformat() if checked.sued else None,
        "lpr_confirmed_through": _iso(assessment.confirmed_through),
        "split_2020_08_20": _split_json(assessment),
        "findings": [
            {
                "key": f.key,
                "level": f.level,
                "title": f.title,
                "text": f.text,
                "links": [
                    {"label": label, "url": request.build_absolute_uri(url)}
                    for label, url in f.links
                ],
            }
            for f in assessment.findings
        ],
        "permalink": request.build_absolute_uri(
            f"{reverse('rates:rate')}?{permalink_query(checked)}"
        ),
        "units": "apr, ear, monthly_rate, lpr, cap_private (also in split_2020_08_20): percent "
        "rounded to 2 decimals; "
        "total_paid, total_cost, amount, received, fees: yuan rounded to 2 decimals",
    }, 200
