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


class NewLoginForm(forms.Form):
    """The password of a login made from an invitation (the link has proved the address)."""

    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 15 characters. A sentence you can remember works well."),
    )
    password2 = forms.CharField(
        label=_("The same password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.password_validation import validate_password

        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(_("The two passwords are not the same."))
        if first:
            # Judged against the person's own name and address, as on a changed password.
            person = get_user_model()(
                email=self.invitation.email, first_name=self.invitation.first_name, last_name=self.invitation.last_name
            )
            try:
                validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
