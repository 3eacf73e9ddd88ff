from datetime import timedelta

from soars.core.schedule import Periodic
from soars.matching.tasks import refresh_stale_recommendations

PERIODIC = [
    Periodic("matching.refresh_stale", timedelta(minutes=5), refresh_stale_recommendations),
]
