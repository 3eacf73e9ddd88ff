"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page


def _answered(personas):
    from soars.diversity.models import SelfIdentification

    SelfIdentification.objects.create(person=personas.executive, ethnicity="not_hispanic", races=["asian", "white"])
    return "/executive/self-identification/"


PAGES = [
    Page("/executive/self-identification/", user="executive"),
    Page(_answered, user="executive"),
    Page(
        "/executive/self-identification/",
        user="executive",
        data={"races": ["asian", "declined"], "sex": "female"},
    ),
    Page("/executive/self-identification/remove/", user="executive"),
]
