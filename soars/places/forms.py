"""Place fields in forms: typed as text, each known place stored under its usual label ("Reston, VA"),
with the list of known places offered as the browser's suggestions (an HTML datalist, no script)."""

from __future__ import annotations

from django import forms

from soars import places

PLACES_HINT = (
    "Places SOARS knows count across their commuting area: Reston, VA or Bethesda, MD meets work in "
    "Washington, DC. A place it does not know matches only the same words."
)


class PlaceInput(forms.TextInput):
    """A text input with the known places as suggestions."""

    template_name = "places/widgets/place_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-places"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["places"] = places.labels()
        return context


def clean_places(items: list[str]) -> list[str]:
    """Each place under its usual label when known, as written otherwise; the same place once."""
    out: list[str] = []
    for item in items:
        label = places.clean(item)
        if label and label.casefold() not in {done.casefold() for done in out}:
            out.append(label)
    return out
