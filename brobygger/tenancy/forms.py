from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Role


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=[c for c in Role.choices if c[0] != Role.YOUNG_PERSON])
    title = forms.CharField(label=_("Title"), max_length=100, required=False)


class SwitchOrganisationForm(forms.Form):
    organisation = forms.UUIDField()
