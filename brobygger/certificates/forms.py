from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.companies.forms import EscoOccupationField

from .models import Certificate


class CertificateForm(forms.ModelForm):
    occupation = EscoOccupationField(
        label=_("The occupation the skills belong to (ESCO)"),
    )

    class Meta:
        model = Certificate
        fields = ["language", "title", "tasks", "skills", "occupation", "mentor_statement"]
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 4}),
            "skills": forms.Textarea(attrs={"rows": 4}),
            "mentor_statement": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": _("For example: Praktik som lagermedhjælper."),
            "tasks": _("What the young person did at the company."),
            "mentor_statement": _("In your own words: what you saw the young person learn and show."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.occupation_id:
            self.initial["occupation"] = self.instance.occupation.label
        for name in ("title", "tasks", "skills", "mentor_statement"):
            self.fields[name].error_messages["required"] = {
                "title": _("Give the certificate a title."),
                "tasks": _("Write the tasks."),
                "skills": _("Write at least one skill the young person showed."),
                "mentor_statement": _("Write the mentor's statement."),
            }[name]


class SignForm(forms.Form):
    signed_name = forms.CharField(
        label=_("Signed for the company by"),
        max_length=200,
        error_messages={"required": _("Write the name of the person who signs for the company.")},
    )
    confirm = forms.BooleanField(
        label=_("I confirm that this is what the young person learned and showed with us."),
        error_messages={"required": _("Tick the box to sign.")},
    )


class ApproveForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "An employer or a school can check that the certificate is yours with this address. "
            "Only a code made from it goes into the certificate, never the address itself."
        ),
        error_messages={
            "required": _("Write an e-mail address the certificate can be checked against."),
            "invalid": _("Write a valid e-mail address."),
        },
    )


class ChangesForm(forms.Form):
    text = forms.CharField(
        label=_("What would you like changed?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write what you would like changed.")},
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the certificate revoked?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write why the certificate is revoked.")},
    )


class VerifyForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the certificate (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )
    file = forms.FileField(label=_("or upload the file"), required=False)
    holder = forms.CharField(
        label=_("Check that it belongs to (e-mail address or full name, optional)"),
        required=False,
        max_length=300,
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None and upload.size > 200_000:
            raise forms.ValidationError(_("The file is too large to be a certificate."))
        raw = upload.read() if upload is not None else (cleaned.get("text") or "").strip()
        if not raw:
            raise forms.ValidationError(_("Paste the certificate or upload its file."))
        cleaned["raw"] = raw
        return cleaned
