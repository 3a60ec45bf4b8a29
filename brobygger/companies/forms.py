from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.core import postcodes
from brobygger.core.forms import DateInput

from . import cvr
from .models import Company, CompanyContact, ContactLogEntry, EscoOccupation, Offer


def clean_postcode(value):
    postcode = (value or "").strip()
    if postcode and postcodes.place(postcode) is None:
        raise forms.ValidationError(_("Unknown Danish postcode: write four digits, for example 8000."))
    return postcode


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = ["name", "cvr", "sector", "address", "postcode", "city", "knows_target_group", "agreement_in_place"]

    def clean_postcode(self):
        return clean_postcode(self.cleaned_data.get("postcode"))

    def clean_cvr(self):
        # Danish users paste CVR numbers as "12 34 56 78".
        return cvr.normalise(self.cleaned_data.get("cvr"))

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Company.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("A company with this name is already in the network."))
        return name


class EscoOccupationField(forms.CharField):
    """A Danish ESCO occupation label, suggested while typing (htmx fills the
    datalist #esco-options); cleans to the EscoOccupation or None."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Occupation (ESCO)"))
        kwargs.setdefault(
            "help_text", _("Start typing and choose from the list. Indeholder data fra ESCO, © Den Europæiske Union.")
        )
        super().__init__(required=False, max_length=300, **kwargs)
        self.widget.attrs.update(
            {
                "list": "esco-options",
                "autocomplete": "off",
                "hx-get": "/esco/",
                "hx-trigger": "input changed delay:250ms",
                "hx-target": "#esco-options",
            }
        )

    def clean(self, value):
        label = " ".join((super().clean(value) or "").split())
        if not label:
            return None
        occupation = EscoOccupation.objects.filter(label__iexact=label).first()
        if occupation is None:
            raise forms.ValidationError(_("Unknown occupation: choose one from the list."))
        return occupation

    def prepare_value(self, value):
        return value.label if isinstance(value, EscoOccupation) else value


class OfferForm(forms.ModelForm):
    occupation = EscoOccupationField()

    class Meta:
        model = Offer
        fields = [
            "kind",
            "title",
            "description",
            "capacity",
            "hours_per_week",
            "place",
            "postcode",
            "accommodations",
            "workplace_size",
            "pace",
            "social",
            "setting",
            "suits_under_18",
            "is_open",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.esco_occupation_id:
            self.initial["occupation"] = self.instance.esco_occupation.label
        self.fields["capacity"].error_messages["min_value"] = _("Places cannot be negative.")

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is None or capacity < 0:
            raise forms.ValidationError(_("Places cannot be negative."))
        return capacity

    def clean_hours_per_week(self):
        hours = self.cleaned_data.get("hours_per_week")
        if hours is not None and not 0 < hours <= 37:
            raise forms.ValidationError(_("Hours per week must be more than 0 and at most 37."))
        return hours

    def clean_postcode(self):
        return clean_postcode(self.cleaned_data.get("postcode"))

    def offer_data(self):
        data = {k: v for k, v in self.cleaned_data.items() if k != "occupation"}
        data["esco_occupation"] = self.cleaned_data.get("occupation")
        return data


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactLogEntry
        fields = ["day", "channel", "note"]
        widgets = {"day": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("day", timezone.localdate())

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A contact cannot be in the future."))
        return day


class ContactPersonForm(forms.ModelForm):
    """A person the consultant talks to at the company (not a login)."""

    class Meta:
        model = CompanyContact
        fields = ["name", "title", "phone", "email"]


class MentorInviteForm(forms.Form):
    """The mentor's login invitation: sent to their own address, valid for a week."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    title = forms.CharField(label=_("Job title"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail"), help_text=_("The mentor gets a link here to make their login."))
