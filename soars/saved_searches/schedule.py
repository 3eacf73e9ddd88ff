from datetime import timedelta

from soars.core.schedule import Periodic
from soars.saved_searches.tasks import send_saved_search_alerts

# Each run checks every saved search whose daily or weekly alert is due.
PERIODIC = [Periodic("saved_searches.alerts", timedelta(minutes=15), send_saved_search_alerts)]
