"""Render Django form fields with USWDS classes and accessible error links."""

from __future__ import annotations

from django import forms, template

register = template.Library()

_CLASSES = {
    forms.Select: "usa-select",
    forms.SelectMultiple: "usa-select",
    forms.Textarea: "usa-textarea",
    forms.CheckboxInput: "usa-checkbox__input",
    forms.ClearableFileInput: "usa-file-input",
    forms.FileInput: "usa-file-input",
}


def _css_class(widget: forms.Widget) -> str:
    for kind, css in _CLASSES.items():
        if isinstance(widget, kind):
            return css
    return "usa-input"


def described_by(bound_field) -> str:
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}_error")
    return " ".join(ids)


@register.filter
def uswds_widget(bound_field):
    widget = bound_field.field.widget
    css = _css_class(widget)
    if bound_field.errors and css in {"usa-input", "usa-select", "usa-textarea"}:
        css += f" {css}--error"
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    if ids := described_by(bound_field):
        attrs["aria-describedby"] = ids
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def widget_kind(bound_field) -> str:
    widget = bound_field.field.widget
    # CheckboxSelectMultiple subclasses RadioSelect: test it first, or every "tick all" list is one choice.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if widget.is_hidden:
        return "hidden"
    return "input"
