from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.catalogue.forms import parse_sources, sources_as_text

from .models import GlossaryTerm, GuidePage


class PageForm(forms.ModelForm):
    sources_text = forms.CharField(
        label=_("Sources"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One per line: title | address")
    )
    comment = forms.CharField(label=_("What changed and why"), max_length=300)

    class Meta:
        model = GuidePage
        fields = ["title", "summary", "body", "last_reviewed", "reviewed_by"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14}), "last_reviewed": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources_text"].initial = sources_as_text(self.instance.sources)

    def clean_sources_text(self):
        return parse_sources(self.cleaned_data["sources_text"])

    def clean(self):
        data = super().clean()
        if "sources_text" in data:
            data["sources"] = data["sources_text"]
        return data


class TermForm(forms.ModelForm):
    comment = forms.CharField(label=_("What changed and why"), max_length=300)

    class Meta:
        model = GlossaryTerm
        fields = ["slug", "municipal_term", "company_term", "explanation", "guide_topic"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["slug"]
