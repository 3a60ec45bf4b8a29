from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.catalogue.models import Initiative
from brobygger.core.forms import DateInput
from brobygger.core.roles import STAFF_ROLES
from brobygger.tenancy.models import Membership

from .models import DreamDistance, PlanStep, StatusCode, Track, Wish

MAX_PLAN_AHEAD = timedelta(days=3 * 365)


class TracksForm(forms.Form):
    dream = forms.CharField(
        label=_("Who do you want to be?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The dream track, in the young person's own words."),
    )
    livelihood = forms.CharField(
        label=_("How do you want to support yourself?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The livelihood track: the work that puts bread on the table, while the dream grows."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class StepForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PlanStep
        fields = ["track", "goal", "due", "helper", "helper_text", "dream_distance"]
        widgets = {"due": DateInput(), "track": forms.RadioSelect}

    def __init__(self, *args, staff=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].choices = Track.choices
        self.fields["goal"].widget.attrs.update(autocomplete="off")
        self.fields["goal"].error_messages["required"] = _("Write the goal, in the young person's own words.")
        self.fields["dream_distance"].choices = [("", _("Not said"))] + list(DreamDistance.choices)
        team_staff = Membership.objects.filter(role__in=STAFF_ROLES).values("user_id")
        self.fields["helper"].queryset = get_user_model().objects.filter(pk__in=team_staff).order_by("first_name")
        self.fields["helper"].label_from_instance = lambda user: user.display_name
        if self.instance.pk:
            self.initial["version"] = self.instance.version
        if not staff:
            del self.fields["helper"]

    def clean_goal(self):
        goal = " ".join(self.cleaned_data["goal"].split())
        if not goal:
            raise forms.ValidationError(_("Write the goal, in the young person's own words."))
        return goal

    def clean_due(self):
        due = self.cleaned_data.get("due")
        today = timezone.localdate()
        if due is None:
            return due
        if due > today + MAX_PLAN_AHEAD:
            raise forms.ValidationError(_("Choose a date within three years: a step should be reachable."))
        unchanged = self.instance.pk and self.instance.due == due
        if due < today and not unchanged:
            raise forms.ValidationError(_("A new step cannot have a date in the past."))
        return due

    def step_data(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class QuickStatusForm(forms.Form):
    activity = forms.ModelChoiceField(queryset=StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY))


class StatusForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY)
    )
    income = forms.ModelChoiceField(
        label=_("Income"),
        queryset=StatusCode.objects.filter(axis=StatusCode.Axis.INCOME),
        required=False,
        help_text=_("Leave empty to keep the current income."),
    )
    valid_from = forms.DateField(label=_("From"), widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("valid_from", timezone.localdate())
        for name in ("activity", "income"):
            self.fields[name].label_from_instance = lambda code: code.label


class AcceptForm(forms.Form):
    on = forms.DateField(label=_("The young person said yes on"), widget=DateInput())
    how = forms.CharField(
        label=_("How"),
        max_length=200,
        required=False,
        help_text=_("For example: after a visit to the workshops."),
    )
    initiative: "forms.ModelChoiceField[Initiative]" = forms.ModelChoiceField(
        label=_("Initiative"),
        queryset=Initiative.objects.none(),
        required=False,
        empty_label=_("None in particular"),
        help_text=_("Which of your initiatives the pathway belongs to, so results can be shown per initiative."),
    )

    def __init__(self, *args, initiatives=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())
        if initiatives is None or not initiatives.exists():
            del self.fields["initiative"]
        else:
            self.fields["initiative"].queryset = initiatives


class WishForm(forms.ModelForm):
    class Meta:
        model = Wish
        fields = ["kind", "text"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": _("Write your wish.")}}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your wish."))
        return text


class EndPathwayForm(forms.Form):
    on = forms.DateField(label=_("Ended on"), widget=DateInput())
    reason = forms.CharField(label=_("Why it ended"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())
