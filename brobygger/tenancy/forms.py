from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordMixin
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


class NewLoginForm(SetPasswordMixin, forms.Form):
    """The password of a login made from an invitation (the link has proved the address), checked
    as Django checks a new password: the two the same, and the validators against the person."""

    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("Choose a password"), label2=_("The same password again")
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = _("At least 15 characters. A sentence you can remember works well.")
        self.person = get_user_model()(
            email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name
        )

    def clean(self):
        self.validate_passwords()
        self.validate_password_for_user(self.person, "password1")
        return super().clean()
