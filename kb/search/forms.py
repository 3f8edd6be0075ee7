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
        """A page that is not a positive number becomes 1; one past MAX_PAGE is left to 404."""
        raw = (self.cleaned_data.get("page") or "").strip()
        return (
            int(raw)
            if raw.isascii() and raw.isdigit() and 0 < len(raw) <= 6 and int(raw) > 0
            else 1
        )

    def query(self) -> tuple[str, int]:
        self.is_valid()
        data = self.cleaned_data
        return data.get("q", ""), data.get("page", 1)
