"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page

PAGES = [
    Page("/login/"),
    Page("/request-access/"),
    Page("/executive/", user="executive"),
    Page("/hr/", user="hr_a"),
    Page("/manage/", user="site_admin"),
]
