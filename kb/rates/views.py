"""The interest checker page and its JSON twin: a fixed number of queries, nothing stored."""

from dataclasses import asdict
from decimal import Decimal
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from kb.core.preview import private
from kb.rates.assess import Assessment, assess
from kb.rates.calc import percent
from kb.rates.inputs import PLANS, Checked, check
from kb.rates.lpr import LprTable
from kb.rates.models import LprRate, Threshold


def permalink(checked: Checked, view: str = "rates:rate") -> str:
    """The result's canonical path: known parameters only, in a fixed order, empty ones dropped."""
    skip = {"n", "payment"} if checked.values["plan"] == "custom" else {"payments"}
    query = urlencode([(k, v) for k, v in checked.values.items() if v and k not in skip])
    return f"{reverse(view)}?{query}"


def _assess(checked: Checked, table: LprTable, thresholds) -> Assessment | None:
    """None for bad input; else the assessment, with the LPR multiple from the thresholds table
    (4 if an editor removed the line)."""
    if checked.result is None:
        return None
    lines = [t.lpr_multiple for t in thresholds if t.slug == Threshold.PRIVATE_CAP_SLUG]
    multiple = next(iter(lines), None) or Decimal("4")
    return assess(checked.loan, checked.result, table, multiple, checked.sued)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _json(request: HttpRequest, checked: Checked) -> dict:
    assessment = _assess(checked, LprRate.objects.table(), Threshold.objects.all())
    loan, result, lpr, split = checked.loan, checked.result, assessment.lpr, assessment.split
    cent, absolute = Decimal("0.01"), request.build_absolute_uri
    return {
        **{k: _num(percent(getattr(result, k))) for k in ("apr", "ear", "monthly_rate")},
        **{k: _num(getattr(result, k).quantize(cent)) for k in ("total_paid", "total_cost")},
        "lpr": _num(lpr and lpr.one_year),
        "lpr_date": lpr and lpr.published,  # dates as ISO strings by JsonResponse's encoder
        "cap_private": _num(assessment.cap),
        "exceeds_cap_private": assessment.exceeds_cap,
        **{k: _num(getattr(loan, k)) for k in ("amount", "received", "fees")},
        "date": loan.date,
        "plan": loan.plan,
        "sued": checked.sued,
        "lpr_confirmed_through": assessment.confirmed_through,
        # Contracts before 2020-08-20 (第三十一条第二款): see assess.Split.
        "split_2020_08_20": split
        and {
            "until_2020_08_19": "当时的司法解释（本站未收录其原文，不给出数值）",
            "from_2020_08_20_basis": split.basis,  # "sued": LPR on `sued`; "latest": latest LPR
            "lpr": _num(split.lpr and split.lpr.one_year),
            "lpr_date": split.lpr and split.lpr.published,
            "cap_private": _num(split.cap),
            "exceeds_cap_private": split.exceeds,
        },
        "findings": [
            {**asdict(f), "links": [{"label": k, "url": absolute(url)} for k, url in f.links]}
            for f in assessment.findings
        ],
        "permalink": absolute(permalink(checked)),
        "units": "apr, ear, monthly_rate, lpr, cap_private (also in split_2020_08_20): percent "
        "rounded to 2 decimals; total_paid, total_cost, amount, received, fees: yuan rounded to 2 decimals",
    }


def _private(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    # The reader's numbers live only in the URL: no shared cache keeps them, no index lists them.
    return private(response) if request.GET else response


@require_safe
def rate(request: HttpRequest) -> HttpResponse:
    checked = check(request.GET)
    thresholds, table = list(Threshold.objects.all()), LprRate.objects.table()
    context = {
        "values": checked.values,
        "errors": checked.errors if checked.submitted else {},  # a blank form is not an error
        "result": checked.result,
        "assessment": _assess(checked, table, thresholds),
        "latest_lpr": table.latest,
        "lpr_confirmed_through": table.confirmed_through,
        "thresholds": thresholds,
        "plans": PLANS,
    }
    if context["assessment"]:
        result = checked.result
        context.update(
            permalink=request.build_absolute_uri(permalink(checked)),
            api_link=permalink(checked, "rates:api"),
            yuan={k: f"{getattr(result, k):,.2f}" for k in ("total_paid", "total_cost")},
            percent={k: percent(getattr(result, k)) for k in ("apr", "ear", "monthly_rate")},
        )
    response = render(request, "rates/rate.html", context, status=400 if context["errors"] else 200)
    return _private(response, request)


@require_safe
def api(request: HttpRequest) -> JsonResponse:
    checked = check(request.GET)
    data = _json(request, checked) if checked.result else {"errors": checked.errors}
    status = 200 if checked.result else 400
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _private(response, request)
