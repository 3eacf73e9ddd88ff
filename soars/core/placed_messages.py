"""Messages shown once, beside what they are about, instead of at the top of the page.

A view that redirects to a spot further down a page (#match-12) tags its message with that
spot's name: messages.success(request, text, extra_tags="match-12"). The page it lands on opens
scrolled to the spot, past the messages at the top, so its view puts placed_messages(request,
spots) into the context: messages tagged for one of the page's spots are listed as
`messages_here` for the spot to show, and only the others stay in `messages` for the top
(a view's `messages` replaces the context processor's). A message tagged for a spot the page
does not have stays at the top, so none is lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.http import HttpRequest


def placed_messages(request: HttpRequest, spots: Iterable[str]) -> dict[str, list]:
    spots = set(spots)
    top, here = [], []
    for message in messages.get_messages(request):
        (here if message.extra_tags in spots else top).append(message)
    return {"messages": top, "messages_here": here}
