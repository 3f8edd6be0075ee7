"""One complete, valid set of answers per letter kind."""

CREDIT_OBJECTION = {
    "name": "陈一",
    "recipient": "中国人民银行征信中心",
    "record": "某银行信用卡账户（尾号 1234）2024 年 3 月的逾期记录",
    "reason": "本人已于 2024 年 3 月 1 日按期还款，有银行流水为证。",
    "request": "更正该账户 2024 年 3 月的还款状态。",
    "evidence": "银行流水一份",
    "phone": "13800000000",
    "date": "2025-01-10",
}
STOP_HARASSMENT = {
    "name": "林二",
    "recipient": "某某网络小额贷款有限公司",
    "account": "合同尾号 5678",
    "conduct": "2025 年 2 月 3 日晚 10 点起连续拨打 15 次电话。",
    "third_parties": "on",
    "third_party_detail": "2 月 4 日给我的同事王某打电话。",
    "regulator": "当地金融监管部门",
    "date": "2025-02-10",
}
REPAYMENT_PLAN = {
    "name": "周三",
    "recipient": "某某消费金融有限公司",
    "account": "借款合同 A-100",
    "balance": "12000",
    "months": "12",
    "annual_rate": "6",
    "first_due": "2025-01-31",
    "income": "每月工资约 4000 元。",
    "hardship": "2024 年 10 月公司裁员，收入减少。",
    "date": "2025-01-05",
}
CIVIL_DEFENCE = {
    "name": "吴四",
    "court": "某市某区人民法院",
    "case_number": "（2025）某0101民初100号",
    "plaintiff": "某某小额贷款有限公司",
    "served": "2025-03-20",
    "facts": "2023 年 5 月借款 10000 元，实际到账 8000 元。",
    "received": "8000",
    "repaid": "3000",
}
DEFENCES = ["interest-cap", "deducted-interest", "limitation", "wrong-amount", "partial-repayment"]

ALL = {
    "credit-objection": CREDIT_OBJECTION,
    "stop-harassment": STOP_HARASSMENT,
    "repayment-plan": REPAYMENT_PLAN,
    "civil-defence": CIVIL_DEFENCE,
}
