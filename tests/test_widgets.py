"""The project's select template (brobygger/templates/django/forms/widgets/select.html) draws its
options in place instead of including a template per option: the markup must stay Django's."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "–"), ("a", "Alfa & <b>"), ("b", "Beta")], initial="b")
    grouped = forms.ChoiceField(
        choices=[("Dyr", [("kat", "Kat"), ("hund", "Hund")]), ("Planter", [("eg", "Eg")])], required=False
    )
    many = forms.MultipleChoiceField(choices=[("1", "En"), ("2", "To"), ("3", "Tre")], initial=["1", "3"])
    chosen = forms.ChoiceField(choices=[("x", "X")], widget=forms.Select(attrs={"class": "wide", "disabled": True}))


def _markup(renderer, data=None):
    form = Choices(data, renderer=renderer)
    return re.sub(r"\s+", " ", "".join(str(form[name]) for name in form.fields)).replace("> <", "><")


@pytest.mark.parametrize("data", [None, {"plain": "a", "grouped": "hund", "many": ["2"], "chosen": "x"}])
def test_the_select_draws_what_djangos_own_template_draws(data):
    ours = _markup(TemplatesSetting(), data)
    assert ours == _markup(DjangoTemplates(), data)
    assert "selected" in ours and '<optgroup label="Dyr">' in ours and "Alfa &amp; &lt;b&gt;" in ours


def test_the_project_uses_its_own_select_template(settings):
    assert settings.FORM_RENDERER == "django.forms.renderers.TemplatesSetting"
    template = TemplatesSetting().get_template("django/forms/widgets/select.html")
    assert "brobygger/templates" in template.origin.name
