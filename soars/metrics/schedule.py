from soars.core.schedule import Periodic
from soars.metrics.figures import REFRESH_EVERY
from soars.metrics.tasks import refresh_figures

# Every figure of every scope worked out again, well inside the MAX_AGE the pages accept.
PERIODIC = [Periodic("metrics.refresh_figures", REFRESH_EVERY, refresh_figures)]
