from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.pathways.models import StatusCode

from .models import HowItGoes


class ContactForm(forms.Form):
    reached = forms.TypedChoiceField(
        label=_("Did you reach them?"),
        choices=[("yes", _("Reached")), ("no", _("Not reached"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    how_it_goes = forms.ChoiceField(
        label=_("How it goes"), choices=[("", "–")] + list(HowItGoes.choices), required=False
    )
    status = forms.ModelChoiceField(
        label=_("New status (only if it changed)"),
        queryset=StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY),
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label_from_instance = lambda code: code.label


class CheckForm(forms.Form):
    status = forms.ModelChoiceField(
        label=_("Status now"), queryset=StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY), required=False
    )
    unknown = forms.BooleanField(label=_("Could not be found out"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label_from_instance = lambda code: code.label
