from datetime import timedelta

from soars.core.schedule import Periodic
from soars.opportunities.tasks import close_expired_opportunities, send_interest_digests

PERIODIC = [
    Periodic("opportunities.close_expired", timedelta(hours=1), close_expired_opportunities),
    Periodic("opportunities.interest_digests", timedelta(minutes=10), send_interest_digests),
]
