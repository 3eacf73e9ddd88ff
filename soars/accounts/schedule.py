from datetime import timedelta

from soars.accounts.tasks import send_reviewer_digest
from soars.core.schedule import Periodic

# At most one digest an hour, whatever the number of new requests.
PERIODIC = [Periodic("access-request-digest", timedelta(hours=1), send_reviewer_digest)]
