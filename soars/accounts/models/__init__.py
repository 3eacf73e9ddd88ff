from soars.accounts.models.access_request import AccessRequest, AccessRequestQuerySet
from soars.accounts.models.one_time_link import OneTimeLink
from soars.accounts.models.user import User, UserManager

__all__ = ["AccessRequest", "AccessRequestQuerySet", "OneTimeLink", "User", "UserManager"]
