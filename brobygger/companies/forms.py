from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Company


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = ["name", "cvr", "sector", "address", "postcode", "city"]

    def clean_cvr(self):
        # Danish users paste CVR numbers as "12 34 56 78".
        return "".join((self.cleaned_data.get("cvr") or "").split())

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Company.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("A company with this name is already in the network."))
        return name
