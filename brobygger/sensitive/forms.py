from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SensitiveInformation


class PurposeForm(forms.Form):
    purpose = forms.CharField(
        label=_("Why do you need to open this now?"),
        max_length=300,
        help_text=_("Your answer is written in the access log, and the young person can see it."),
    )

    def clean_purpose(self):
        purpose = self.cleaned_data["purpose"].strip()
        if len(purpose) < 5:
            raise forms.ValidationError(_("Say in a few words why the work needs it."))
        return purpose


class SensitiveForm(forms.ModelForm):
    class Meta:
        model = SensitiveInformation
        fields = ["category", "text", "why_needed"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
