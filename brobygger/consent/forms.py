from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.access.rules import FieldCategory
from brobygger.companies.models import Company
from brobygger.tenancy.models import Organisation

from .texts import CURRENT_VERSION, TEXTS


class ConsentForm(forms.Form):
    company: "forms.ModelChoiceField[Company]" = forms.ModelChoiceField(
        label=_("Company"), queryset=Company.objects.none(), required=False
    )
    recipient_organisation = forms.ModelChoiceField(
        label=_("Or another organisation"), queryset=Organisation.objects.none(), required=False
    )
    categories = forms.MultipleChoiceField(
        label=_("What may be shared"), choices=FieldCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label=_("The young person has read the text above and agrees"))

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.all()
        self.fields["recipient_organisation"].queryset = Organisation.objects.exclude(pk=organisation.pk)
        self.text = TEXTS[CURRENT_VERSION]

    def clean(self):
        cleaned = super().clean()
        company, organisation = cleaned.get("company"), cleaned.get("recipient_organisation")
        if bool(company) == bool(organisation):
            raise forms.ValidationError(_("Choose either a company or an organisation to share with."))
        return cleaned


class OwnConsentForm(ConsentForm):
    """The young person giving consent themself."""

    agree = forms.BooleanField(label=_("I have read the text above and agree"))
