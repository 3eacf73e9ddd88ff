from datetime import timedelta

from soars.core.schedule import Periodic
from soars.search.tasks import refresh_statistics

PERIODIC = [Periodic("search.refresh_statistics", timedelta(hours=6), refresh_statistics)]
