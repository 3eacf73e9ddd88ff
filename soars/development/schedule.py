from datetime import timedelta

from soars.core.schedule import Periodic
from soars.development.tasks import send_development_reminders

# Each run sends the reminders that fell due since the last; ReminderSent keeps each to one email.
PERIODIC = [Periodic("development.reminders", timedelta(hours=1), send_development_reminders)]
