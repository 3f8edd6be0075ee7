"""The shipped letter texts (fixtures/letters.json) with the provisions they cite, nothing else."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings

FIXTURES = settings.BASE_DIR / "fixtures"


def shipped_rows(model: str) -> list[dict]:
    rows = json.loads((FIXTURES / "letters.json").read_text(encoding="utf-8"))
    return [r["fields"] for r in rows if r["model"] == model]


@pytest.fixture
def letters(db):
    """Every shipped letter and clause, published, with the cited laws and provisions loaded
    from fixtures/laws.json (guide offers and article links are left out)."""
    from kb.laws.models import Law, Provision
    from kb.letters.models import Clause, Letter

    letters, clauses = shipped_rows("letters.letter"), shipped_rows("letters.clause")
    wanted = {tuple(p) for row in [*letters, *clauses] for p in row["provisions"]}
    laws_rows = json.loads((FIXTURES / "laws.json").read_text(encoding="utf-8"))
    laws = {}
    for row in laws_rows:
        if row["model"] == "laws.law" and any(w[0] == row["fields"]["slug"] for w in wanted):
            laws[row["fields"]["slug"]] = Law.objects.create(**row["fields"])
    provisions = {}
    for row in laws_rows:
        if row["model"] != "laws.provision":
            continue
        fields = dict(row["fields"])
        key = (fields["law"][0], fields["number"], fields["sub_number"])
        if key in wanted:
            fields["law"] = laws[key[0]]
            provisions[key] = Provision.objects.create(**fields)
    made = {}
    for row in letters:
        fields = {k: v for k, v in row.items() if k not in ("provisions", "articles", "updated_at")}
        made[row["kind"]] = Letter.objects.create(**fields)
        made[row["kind"]].provisions.set([provisions[tuple(p)] for p in row["provisions"]])
    for row in clauses:
        clause = Clause.objects.create(
            letter=made[row["letter"][0]], key=row["key"], text=row["text"], order=row["order"]
        )
        clause.provisions.set([provisions[tuple(p)] for p in row["provisions"]])
    return made


def letter_url(kind: str, params: dict | list, hant: bool = False, docx: bool = False) -> str:
    pairs = list(params.items()) if isinstance(params, dict) else list(params)
    path = f"/letters/{kind}.docx" if docx else f"/letters/{kind}/"
    return ("/zh-hant" if hant else "") + path + "?" + urlencode([*pairs, ("go", "1")])
