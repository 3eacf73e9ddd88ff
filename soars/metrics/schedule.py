from datetime import timedelta

from soars.core.schedule import Periodic
from soars.metrics.tasks import warm_figures

# Every 4 minutes, inside the figures' 5 minutes in the cache: the default pages never wait for them.
PERIODIC = [Periodic("metrics.warm_figures", timedelta(minutes=4), warm_figures)]
