from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import Company
from brobygger.pathways.models import DreamDistance
from brobygger.people.forms import DateInput

from .models import Activity


class ProposeForm(forms.ModelForm):
    # Declared so the form class never builds an unscoped queryset at import time.
    company = forms.ModelChoiceField(label=_("Company"), queryset=Company.objects.none(), required=False)

    class Meta:
        model = Activity
        fields = ["kind", "title", "company", "starts_on", "hours_per_week", "dream_distance"]
        widgets = {"starts_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.all()
        self.fields["dream_distance"].choices = [("", _("Not said"))] + list(DreamDistance.choices)

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Say what the activity is."))
        return title

    def clean_starts_on(self):
        day = self.cleaned_data.get("starts_on")
        today = timezone.localdate()
        if day and day < today:
            raise forms.ValidationError(_("A proposal cannot start in the past."))
        if day and day > today + timedelta(days=365):
            raise forms.ValidationError(_("Choose a start within a year."))
        return day

    def clean_hours_per_week(self):
        hours = self.cleaned_data.get("hours_per_week")
        if hours is not None and not 0 < hours <= 37:
            raise forms.ValidationError(_("Hours per week must be more than 0 and at most 37."))
        return hours
