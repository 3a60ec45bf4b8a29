from django import forms
from django.utils.translation import gettext_lazy as _

from brobygger.companies.forms import EscoOccupationField, clean_postcode
from brobygger.companies.models import Offer
from brobygger.core.forms import DateInput
from brobygger.people.models import YoungPerson

from .models import MatchProfile, MatchWeights

DREAM_OCCUPATIONS = 3


class MatchProfileForm(forms.ModelForm):
    class Meta:
        model = MatchProfile
        fields = [
            "interests",
            "accepted_distance",
            "postcode",
            "travel_mode",
            "max_travel_minutes",
            "hours_min",
            "hours_max",
            "size",
            "pace",
            "social",
            "setting",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wished = list(self.instance.occupations.all()) if self.instance.pk else []
        for i in range(DREAM_OCCUPATIONS):
            name = f"occupation_{i + 1}"
            label = _("Dream occupation") if i == 0 else _("Another occupation")
            self.fields[name] = EscoOccupationField(label=label)
            if i < len(wished):
                self.initial[name] = wished[i]
        order = [f"occupation_{i + 1}" for i in range(DREAM_OCCUPATIONS)] + self.Meta.fields
        self.order_fields(order)
        for name in ("size", "pace", "social", "setting"):
            self.fields[name].choices = [("", _("No wish"))] + list(self.fields[name].choices)[1:]

    def clean_postcode(self):
        return clean_postcode(self.cleaned_data.get("postcode"))

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("hours_min"), cleaned.get("hours_max")
        if low is not None and high is not None and low > high:
            self.add_error("hours_max", _("The most hours cannot be fewer than the least."))
        return cleaned

    def occupations(self):
        found = []
        for i in range(DREAM_OCCUPATIONS):
            occupation = self.cleaned_data.get(f"occupation_{i + 1}")
            if occupation is not None and occupation not in found:
                found.append(occupation)
        return found

    def profile_data(self):
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("occupation_")}


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchWeights
        fields = ["occupation", "interests", "dream_distance", "environment", "hours", "commute", "record", "readiness"]
        widgets = {name: forms.NumberInput(attrs={"min": 0, "max": 10}) for name in fields}

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name in self.Meta.fields):
            raise forms.ValidationError(_("At least one signal must count."))
        return cleaned


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    choose_by = forms.DateField(label=_("Choose by"), required=False, widget=DateInput())
    young_people: "forms.ModelMultipleChoiceField[YoungPerson]" = forms.ModelMultipleChoiceField(
        label=_("Young people"), queryset=YoungPerson.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    offers: "forms.ModelMultipleChoiceField[Offer]" = forms.ModelMultipleChoiceField(
        label=_("Offers"), queryset=Offer.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, young_people, offers, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["young_people"].queryset = young_people
        self.fields["young_people"].label_from_instance = lambda young_person: young_person.choice_label
        self.fields["offers"].queryset = offers
        if adding:
            del self.fields["title"], self.fields["choose_by"]
            self.fields["young_people"].required = False
            self.fields["offers"].required = False


class RankingForm(forms.Form):
    """A ranking, best first, as a person makes it on a phone: each option is a card with its
    details, ticked when wanted and moved up or down one place at a time. A move posts the form back
    with the new order and saves nothing (`moved`); saving keeps the ticked ones in their order, so a
    tie or a repeat cannot be entered."""

    order = forms.CharField(widget=forms.HiddenInput, required=False)
    chosen = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, options, initial_order=(), note=None, label=str, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {str(o.pk): o for o in options}
        self.label = label
        self.fields["chosen"].choices = [(key, label(option)) for key, option in self.options.items()]
        chosen = [str(pk) for pk in initial_order if str(pk) in self.options]
        self.initial["order"] = ",".join(chosen + [key for key in self.options if key not in chosen])
        self.initial["chosen"] = chosen
        if note is not None:
            self.fields["note"] = forms.CharField(
                label=_("What I want the companies to know"),
                max_length=300,
                required=False,
                initial=note,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("The companies you choose see your first name, your age and this."),
            )

    def _order(self, text):
        """The known options in the order given, then any the order left out."""
        given = [key for key in dict.fromkeys((text or "").split(",")) if key in self.options]
        return given + [key for key in self.options if key not in given]

    def rows(self):
        """The cards in their current order: (place, key, option, label, ticked)."""
        if self.is_bound:
            order, ticked = self._order(self.data.get("order")), set(self.data.getlist("chosen"))
        else:
            order, ticked = self._order(self.initial["order"]), set(self.initial["chosen"])
        return [
            (i + 1, key, self.options[key], self.label(self.options[key]), key in ticked) for i, key in enumerate(order)
        ]

    def moved(self, move):
        """The form's data with one card moved ("<key>:up" or "<key>:down"), nothing saved."""
        data = self.data.copy()
        order = self._order(data.get("order"))
        key, _sep, direction = (move or "").partition(":")
        if key in order:
            at = order.index(key)
            to = at - 1 if direction == "up" else at + 1
            if 0 <= to < len(order):
                order[at], order[to] = order[to], order[at]
        data["order"] = ",".join(order)
        return data

    def clean(self):
        cleaned = super().clean()
        ticked = set(cleaned.get("chosen") or [])
        cleaned["ranking"] = [self.options[key] for key in self._order(cleaned.get("order")) if key in ticked]
        return cleaned
