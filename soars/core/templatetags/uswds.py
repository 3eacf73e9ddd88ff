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
    if bound_field.form.errors:
        attrs["autofocus"] = False  # focus belongs to the error summary (False drops the attribute)
    if isinstance(widget, forms.FileInput):
        # USWDS's file input script overwrites aria-label with "Drag file here or choose from folder";
        # aria-labelledby outranks aria-label, so the accessible name stays the visible label.
        attrs["aria-labelledby"] = f"{bound_field.id_for_label}_label"
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


@register.filter
def error_target(bound_field) -> str:
    """The id an error-summary link points at: a group's first radio or checkbox, else the field itself."""
    if widget_kind(bound_field) in {"radio", "checkboxes"}:
        options = bound_field.subwidgets
        return options[0].id_for_label if options else bound_field.auto_id  # the fieldset has the field's id
    return bound_field.id_for_label or bound_field.auto_id


def _shows_errors(value, depth: int = 0) -> bool:
    if isinstance(value, forms.BaseForm):
        return value.is_bound and bool(value.errors)
    if depth == 0 and isinstance(value, dict):
        return any(_shows_errors(item, 1) for item in value.values())
    return False


@register.simple_tag(takes_context=True)
def error_title_prefix(context) -> str:
    """ "Error: " when the page shows a form that failed, so the page title says so first (WCAG 3.3.1)."""
    return "Error: " if any(_shows_errors(value) for value in context.flatten().values()) else ""
