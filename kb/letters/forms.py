"""One Django form per letter kind, with Chinese messages. Nothing here is ever saved."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from kb.letters.kinds import KINDS
from kb.rates.inputs import MAX_DATE, MAX_MONEY, MAX_MONTHS, MIN_DATE

# Field factories with Chinese messages; other keyword arguments (required=False) go to the field.
SHORT, LINE, TEXT, LONG = 40, 100, 1000, 3000
DECIMAL = forms.TextInput(attrs={"inputmode": "decimal"})


def text(label: str, limit: int = LINE, help_text: str = "", *, rows=0, **kwargs):
    return forms.CharField(
        **kwargs,
        label=label,
        max_length=limit,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else None,
        error_messages={
            "required": f"请填写{label}。",
            "max_length": f"{label}最多 %(limit_value)d 个字（现在是 %(show_value)d 个字）。",
        },
    )


def day(label: str, help_text: str = "格式 年-月-日，例如 2025-03-15。", **kwargs):
    return forms.DateField(
        **kwargs,
        label=label,
        help_text=help_text,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[
            MinValueValidator(MIN_DATE, f"{label}不能早于 {MIN_DATE}。"),
            MaxValueValidator(MAX_DATE, f"{label}不能晚于 {MAX_DATE}。"),
        ],
        error_messages={
            "required": f"请填写{label}。",
            "invalid": f"{label}不是一个存在的日期：请按 年-月-日 填写，例如 2025-03-15。",
        },
    )


def money(label: str, help_text: str, **kwargs):
    return forms.DecimalField(
        **kwargs,
        label=label,
        help_text=help_text,
        decimal_places=2,
        widget=DECIMAL,
        validators=[
            MinValueValidator(Decimal("0.01"), f"{label}不能是负数或零。"),
            MaxValueValidator(MAX_MONEY, f"{label}不能超过 10 亿元。"),
        ],
        error_messages={
            "required": f"请填写{label}。",
            "invalid": f"{label}需要是数字，例如 10000 或 10000.50。",
            "max_decimal_places": f"{label}最多保留两位小数（精确到分）。",
        },
    )


class LetterForm(forms.Form):
    """Clauses are chosen in `clauses` or by a checkbox named after one (third_parties)."""

    def __init__(self, *args, clauses: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        if "clauses" in self.fields:
            self.fields["clauses"].choices = clauses

    def chosen(self) -> set[str]:
        data = self.cleaned_data
        return {*data.get("clauses", ()), *(k.replace("_", "-") for k in data if data[k] is True)}


def letter_form(**fields) -> type[LetterForm]:
    """The kind's form: the reader's name first, then `fields`, the phone and the date last."""
    name = text("你的姓名", SHORT)
    phone = text("联系电话", SHORT, "可不填：不填时文书上留出空白，打印后手写。", required=False)
    date = day("落款日期", "可不填：不填时留出空白，签名时手写。", required=False)
    return type("LetterForm", (LetterForm,), {"name": name, **fields, "phone": phone, "date": date})


FORMS = {
    "credit-objection": letter_form(
        recipient=text(
            "收件机构", help_text="征信机构（如中国人民银行征信中心）或报送这条记录的机构。"
        ),
        record=text("有异议的记录", TEXT, "写明报告里的机构、账户、日期和金额。", rows=3),
        reason=text("错在哪里", TEXT, "说明哪里与事实不符，以及你怎么知道。", rows=4),
        request=text("请求事项", TEXT, "例如：更正逾期记录的日期；删除不属于我的账户。", rows=2),
        evidence=text(
            "证明材料", TEXT, "可不填：列出你附上的材料，如还款凭证。", rows=2, required=False
        ),
    ),
    "stop-harassment": letter_form(
        recipient=text("收件机构", help_text="放贷的平台或机构，或者替它催收的公司。"),
        account=text("借款信息", LINE, "可不填：平台名称、合同编号或账户尾号。", required=False),
        conduct=text(
            "催收行为", LONG, "逐条写：日期和时间、打了几次电话或发了几条短信、说了什么。", rows=5
        ),
        third_parties=forms.BooleanField(
            label=KINDS["stop-harassment"].clauses["third-parties"], required=False
        ),
        third_party_detail=text(
            "被联系的第三方", TEXT, "可不填：谁、什么时候、被怎样联系。", rows=2, required=False
        ),
        regulator=text(
            "准备投诉的监管部门", help_text="监管这家机构的部门；拿不准时先查机构的持牌信息。"
        ),
    ),
    "repayment-plan": letter_form(
        recipient=text("收件机构", help_text="借款的银行、消费金融公司或平台。"),
        account=text("借款信息", LINE, "可不填：产品名称、合同编号或卡号尾号。", required=False),
        balance=money("目前欠款总额（元）", "机构告诉你的、现在总共要还的金额。"),
        months=forms.IntegerField(
            label="分几期还（月）",
            help_text=f"1 到 {MAX_MONTHS} 之间的整数。",
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            validators=[
                MinValueValidator(1, "期数至少是 1 期。"),
                MaxValueValidator(MAX_MONTHS, f"期数不能超过 {MAX_MONTHS} 期（50 年）。"),
            ],
            error_messages={"required": "请填写分几期还。", "invalid": "期数需要是整数，例如 24。"},
        ),
        annual_rate=forms.DecimalField(
            label="建议的年利率（%）",
            required=False,
            decimal_places=2,
            help_text="可不填：不填按 0（只还欠款本身，不再计息）计算。",
            widget=DECIMAL,
            validators=[
                MinValueValidator(Decimal("0"), "年利率不能是负数。"),
                MaxValueValidator(Decimal("100"), "年利率不能超过 100%%。"),  # %-formatted
            ],
            error_messages={
                "invalid": "年利率需要是数字，例如 0 或 3.6。",
                "max_decimal_places": "年利率最多保留两位小数。",
            },
        ),
        first_due=day("第一期还款日"),
        income=text("现在的收入", TEXT, "用自己的话写：每月大约收入多少、来源是什么。", rows=3),
        hardship=text(
            "还款困难的原因", LONG, "如失业、疾病、收入下降；能证明的写明证明材料。", rows=4
        ),
    ),
    "civil-defence": letter_form(
        court=text("受理法院", help_text="起诉状副本或传票上的法院全称。"),
        case_number=text("案号", SHORT, "如（2025）京0105民初12345号。"),
        plaintiff=text("原告", help_text="起诉你的一方，照起诉状写。"),
        served=day("收到起诉状副本的日期", "法院送达起诉状副本、你签收的那一天。"),
        facts=text(
            "事实与理由", LONG, "按时间写：什么时候借、实际拿到多少、还了多少、争议在哪里。", rows=6
        ),
        clauses=forms.MultipleChoiceField(
            label="答辩理由（可多选）",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "答辩理由里有一项不是可选的理由。"},
        ),
        received=money("实际到手金额（元）", "可不填：选“砍头息”时有用。", required=False),
        repaid=money("已经还过的金额（元）", "可不填：选“已部分还款”时有用。", required=False),
    ),
}
