from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.core.forms import DateInput
from brobygger.people.models import Gender

from .figures import AGE_BANDS, COMPARE_CHOICES, NO_INITIATIVE, NOT_STATED
from .models import OwnInstrument, Response, Target


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
                required=not instrument.max_missing,
                error_messages={"required": _("Choose an answer.")},
            )
        if staff and instrument.respondent == "young_person":
            self.fields["mode"] = forms.ChoiceField(
                label=_("How was it answered?"),
                choices=Response.Mode.choices,
                initial=Response.Mode.READ_ALOUD,
            )

    def answers(self):
        return {item.key: self.cleaned_data.get(f"item_{item.key}") for item in self.instrument.items}


class FiguresForm(forms.Form):
    """The filters of the figures page (GET). Every field may be left out."""

    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("To (and the snapshot date)"), required=False, widget=DateInput())
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    initiative = forms.ChoiceField(label=_("Initiative"), required=False)
    age_band = forms.ChoiceField(label=_("Age"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    compare_by = forms.ChoiceField(label=_("Compare by"), required=False)

    def __init__(self, *args, organisations, initiatives, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self.fields["organisation"].choices = everyone + [(str(o.pk), o.name) for o in organisations]
        self.fields["initiative"].choices = (
            everyone + [(str(i.pk), i.name) for i in initiatives] + [(NO_INITIATIVE, _("No initiative"))]
        )
        self.fields["age_band"].choices = everyone + list(AGE_BANDS)
        self.fields["gender"].choices = everyone + [(value or NOT_STATED, label) for value, label in Gender.choices]
        self.fields["compare_by"].choices = [("", _("No comparison"))] + list(COMPARE_CHOICES)
        if len(organisations) < 2:
            del self.fields["organisation"]

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end.replace(month=1, day=1)
        if start > end:
            raise forms.ValidationError(_("The period must start before it ends."))
        if end > today:
            raise forms.ValidationError(_("Figures cannot be shown for a day in the future."))
        if (end - start).days > 366 * 10:
            raise forms.ValidationError(_("Choose a period of at most ten years."))
        data["start"], data["end"] = start, end
        return data


class TargetsForm(forms.Form):
    """One field per target; an empty field clears it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in Target.Key.choices:
            self.fields[key] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=7, decimal_places=1, localize=True
            )

    def values(self):
        return {key: self.cleaned_data.get(key) for key, _label in Target.Key.choices}


class PublishForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year - 1)


class OwnInstrumentForm(forms.ModelForm):
    class Meta:
        model = OwnInstrument
        fields = [
            "title",
            "key",
            "version",
            "respondent",
            "intro",
            "items",
            "options",
            "scoring",
            "max_missing",
            "licence",
        ]
        widgets = {"items": forms.Textarea(attrs={"rows": 6}), "options": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"items": {"required": _("Write at least one question.")}}
        help_texts = {
            "key": _("Letters, digits and hyphens, for example wemwbs."),
            "options": _("For example: 1 = None of the time"),
            "licence": _("Which licence allows your organisation to use this measure. It is not shared with others."),
        }

    def clean_items(self):
        items = [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]
        if not items:
            raise forms.ValidationError(_("Write at least one question."))
        if len(items) > 60:
            raise forms.ValidationError(_("At most 60 questions."))
        return "\n".join(items)

    def clean_options(self):
        values, lines = set(), []
        for line in self.cleaned_data["options"].splitlines():
            if not line.strip():
                continue
            value, sep, label = line.partition("=")
            try:
                number = int(value.strip())
            except ValueError:
                number = None
            if not sep or number is None or not label.strip():
                raise forms.ValidationError(_("Write each answer as a whole number, =, and its text."))
            if number in values:
                raise forms.ValidationError(_("Each answer needs its own value."))
            values.add(number)
            lines.append(f"{number} = {label.strip()}")
        if not 2 <= len(lines) <= 11:
            raise forms.ValidationError(_("Give between 2 and 11 answers."))
        return "\n".join(lines)
