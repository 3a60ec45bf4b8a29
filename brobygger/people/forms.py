from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.core.forms import DateInput
from brobygger.core.roles import STAFF_ROLES
from brobygger.security import cpr
from brobygger.tenancy.models import Membership

from .models import REFERRAL_FIELDS, YoungPerson

MIN_AGE, MAX_AGE = 15, 29


class ReferralForm(forms.ModelForm):
    """Only what the work needs: no health, diagnosis or case-history fields."""

    class Meta:
        model = YoungPerson
        fields = list(REFERRAL_FIELDS)
        widgets = {"birth_date": DateInput(), "referral_date": DateInput()}

    cpr = forms.CharField(
        label=_("CPR number"),
        required=False,
        max_length=11,
        help_text=_("Only if your unit has the legal basis to record it. DDMMYY-NNNN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def __init__(self, *args, with_cpr=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_cpr:
            del self.fields["cpr"]
        if self.instance._state.adding:  # the id is made before saving, so it cannot tell a new referral
            self.initial.setdefault("referral_date", timezone.localdate())
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="off")

    def clean_cpr(self):
        value = self.cleaned_data["cpr"]
        return cpr.normalise(value) if value.strip() else ""

    def clean_referral_date(self):
        day = self.cleaned_data["referral_date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(_("The referral date cannot be in the future."))
        if day < today - timedelta(days=5 * 365):
            raise forms.ValidationError(_("The referral date is more than five years ago. Please check it."))
        return day

    def clean(self):
        cleaned = super().clean()
        birth, referral = cleaned.get("birth_date"), cleaned.get("referral_date")
        if birth and referral:
            probe = YoungPerson(birth_date=birth)
            age = probe.age_on(referral)
            if not MIN_AGE <= age <= MAX_AGE:
                # The values go with the message, so it is drawn in the language of whoever reads it
                # (an import's errors are read later, maybe in English).
                too_young_or_old = forms.ValidationError(
                    _("Brobygger is for young people aged %(min)d to %(max)d; this birth date gives %(age)d."),
                    params={"min": MIN_AGE, "max": MAX_AGE, "age": age},
                )
                self.add_error("birth_date", too_young_or_old)
        return cleaned


class TeamMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=get_user_model().objects.none())
    is_primary = forms.BooleanField(label=_("Make this person the entry point"), required=False)

    def __init__(self, *args, young_person, **kwargs):
        super().__init__(*args, **kwargs)
        staff = Membership.objects.filter(role__in=STAFF_ROLES).values("user_id")
        already = young_person.team_members.values("user_id")
        self.fields["user"].queryset = (
            get_user_model().objects.filter(pk__in=staff).exclude(pk__in=already).order_by("first_name", "last_name")
        )
        self.fields["user"].label_from_instance = lambda user: user.display_name


class AccountForm(forms.Form):
    email = forms.EmailField(label=_("The young person's e-mail address for logging in"))

    def clean_email(self):
        # Never asks whether the address has a login anywhere: the invitation's link settles it.
        return self.cleaned_data["email"].lower()


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)

    def clean_q(self):
        if cpr.looks_like_cpr(self.cleaned_data["q"]):
            raise forms.ValidationError(_("Look up a CPR number in the CPR field, never in the name search."))
        return self.cleaned_data["q"]


class CprLookupForm(forms.Form):
    """Sent by POST, so the number never appears in an address or a server log."""

    cpr = forms.CharField(
        label=_("CPR number"),
        max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_cpr(self):
        return cpr.normalise(self.cleaned_data["cpr"])


class EraseForm(forms.Form):
    confirm = forms.CharField(label=_("Type the young person's full name to confirm"), max_length=201)

    def __init__(self, *args, expected, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip().casefold() != self.expected.strip().casefold():
            raise forms.ValidationError(_("The name does not match."))
        return self.cleaned_data["confirm"]
