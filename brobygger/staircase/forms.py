from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import Company, Offer
from brobygger.core.forms import DateInput
from brobygger.pathways.models import DreamDistance

from .models import Activity, Attendance, LearningPlan, Talent

MAX_AHEAD = timedelta(days=365)


class ProposeForm(forms.ModelForm):
    # Declared so the form class never builds an unscoped queryset at import time.
    offer: "forms.ModelChoiceField[Offer]" = forms.ModelChoiceField(
        label=_("From an offer"), queryset=Offer.objects.none(), required=False
    )
    company: "forms.ModelChoiceField[Company]" = forms.ModelChoiceField(
        label=_("Company"), queryset=Company.objects.none(), required=False
    )

    class Meta:
        model = Activity
        fields = [
            "offer",
            "kind",
            "title",
            "company",
            "starts_on",
            "ends_on",
            "hours_per_week",
            "dream_distance",
            "skipped_trial_reason",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = Offer.objects.filter(is_open=True).select_related("company")
        self.fields["company"].queryset = Company.objects.all()
        self.fields["dream_distance"].choices = [("", _("Not said"))] + list(DreamDistance.choices)
        self.fields["kind"].required = False
        self.fields["title"].required = False
        self.fields["skipped_trial_reason"].help_text = _("Only for an internship without a trial internship first.")

    def clean(self):
        cleaned = super().clean()
        offer = cleaned.get("offer")
        if offer is not None:
            cleaned["kind"] = cleaned.get("kind") or offer.kind
            cleaned["title"] = cleaned.get("title") or offer.title
            cleaned["company"] = offer.company
            if cleaned.get("hours_per_week") is None:
                cleaned["hours_per_week"] = offer.hours_per_week
        if not cleaned.get("kind"):
            self.add_error("kind", _("Choose the kind of activity, or an offer."))
        if not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Say what the activity is."))
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot come before the start."))
        return cleaned

    def clean_starts_on(self):
        day = self.cleaned_data.get("starts_on")
        today = timezone.localdate()
        if day and day < today:
            raise forms.ValidationError(_("A proposal cannot start in the past."))
        if day and day > today + MAX_AHEAD:
            raise forms.ValidationError(_("Choose a start within a year."))
        return day

    def clean_hours_per_week(self):
        hours = self.cleaned_data.get("hours_per_week")
        if hours is not None and not 0 < hours <= 37:
            raise forms.ValidationError(_("Hours per week must be more than 0 and at most 37."))
        return hours


class LearningPlanForm(forms.ModelForm):
    class Meta:
        model = LearningPlan
        fields = [
            "goals",
            "tasks",
            "expectations_young_person",
            "expectations_company",
            "accommodations",
            "hours_per_day",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields[:5]}

    def clean_hours_per_day(self):
        hours = self.cleaned_data["hours_per_day"]
        if not 0 < hours <= 12:
            raise forms.ValidationError(_("Hours per day must be more than 0 and at most 12."))
        return hours


class EndForm(forms.Form):
    learned = forms.CharField(
        label=_("What was learned?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ending is never a failure: what did the young person learn and show?"),
        error_messages={"required": _("Write what was learned: every ending is a learning.")},
    )
    reason = forms.CharField(label=_("Why it ends"), max_length=300, required=False)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["day", "present", "hours"]
        widgets = {"day": DateInput()}

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if not 0 <= hours <= 12:
            raise forms.ValidationError(_("Hours must be between 0 and 12."))
        return hours


class TalentForm(forms.ModelForm):
    suggested_offer: "forms.ModelChoiceField[Offer]" = forms.ModelChoiceField(
        label=_("Suggested offer"), queryset=Offer.objects.none(), required=False
    )

    class Meta:
        model = Talent
        fields = ["talent", "suggestion", "suggested_offer"]
        widgets = {"talent": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested_offer"].queryset = Offer.objects.filter(is_open=True).select_related("company")


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message to the counsellor"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The young person can read it too."),
    )
