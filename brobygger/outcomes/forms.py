from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Response


class MeasureForm(forms.Form):
    """One radio group per item, in the instrument's own wording."""

    def __init__(self, *args, instrument, language, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        choices = [(str(value), label) for value, label in instrument.option_labels(language)]
        for item in instrument.items:
            self.fields[f"item_{item.key}"] = forms.ChoiceField(
                label=instrument.item_text(item, language),
                choices=choices,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                error_messages={"required": _("Choose an answer.")},
            )
        if staff and instrument.respondent == "young_person":
            self.fields["mode"] = forms.ChoiceField(
                label=_("How was it answered?"),
                choices=Response.Mode.choices,
                initial=Response.Mode.READ_ALOUD,
            )

    def answers(self):
        return {item.key: self.cleaned_data[f"item_{item.key}"] for item in self.instrument.items}
