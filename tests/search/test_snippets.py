from kb.search.snippets import make_snippet


def test_it_marks_query_words():
    assert (
        make_snippet("借呗逾期会产生罚息。", ["借呗", "罚息"])
        == "<mark>借呗</mark>逾期会产生<mark>罚息</mark>。"
    )


def test_it_escapes_html_in_stored_text():
    snippet = make_snippet("<script>alert(1)</script> 借呗", ["借呗"])
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet and "<mark>借呗</mark>" in snippet


def test_it_shows_the_window_around_the_words():
    text = "无关的开头。" * 40 + "逾期记录保存五年。" + "无关的结尾。" * 40
    snippet = make_snippet(text, ["逾期"])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>逾期</mark>记录保存五年" in snippet


def test_it_marks_words_in_any_case():
    assert make_snippet("查询LPR利率", ["lpr"]) == "查询<mark>LPR</mark>利率"


def test_it_returns_the_start_when_nothing_matches():
    assert make_snippet("第一句。第二句。", ["不存在"]) == "第一句。第二句。"


def test_it_marks_traditional_and_full_width_text_as_written():
    assert (
        make_snippet("借唄逾期，查詢ＬＰＲ利率。", ["借呗", "lpr"])
        == "<mark>借唄</mark>逾期，查詢<mark>ＬＰＲ</mark>利率。"
    )
