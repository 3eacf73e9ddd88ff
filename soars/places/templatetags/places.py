"""{{ place|metro_area }}: the commuting area a place lies in, for showing beside it."""

from django import template

from soars import places

register = template.Library()


@register.filter
def metro_area(place: str) -> str:
    """ "Reston, VA" -> "Washington, DC area"; "" for the area's own city, a place
    the table does not know, or one in no CBSA."""
    located = places.locate(str(place or ""))
    area = located.area
    return f"{area.name} area" if area.key.startswith("cbsa:") and located.label != area.name else ""
