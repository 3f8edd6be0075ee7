from django import forms

MAX_QUERY_LENGTH = 100
MAX_PAGE = 200


class QueryField(forms.CharField):
    """Never rejects: NUL bytes are dropped and anything past 100 characters is cut."""

    def to_python(self, value):
        value = super().to_python((value or "").replace("\x00", ""))
        return " ".join(value.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = QueryField(required=False, label="搜索")
    page = forms.CharField(required=False)

    def clean_page(self) -> int:
        """Not a positive whole number → page 1; a huge one → past MAX_PAGE, which is a 404."""
        raw = (self.cleaned_data.get("page") or "").strip()
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
            return 1
        return min(int(raw), MAX_PAGE + 1)

    def query(self) -> tuple[str, int]:
        self.is_valid()
        data = self.cleaned_data
        return data.get("q", ""), data.get("page", 1)
