"""Development email: each message is written to a file under var/mail/ and announced on the console."""

from __future__ import annotations

import logging

from django.core.mail.backends.filebased import EmailBackend as FileBackend

logger = logging.getLogger("soars.mail")


class FileAndConsoleBackend(FileBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        for message in email_messages or []:
            # Only the envelope: bodies may hold one-time links, which never go to logs.
            logger.info(
                "Email written to %s: to %s, subject %r", self.file_path, ", ".join(message.to), message.subject
            )
        return sent
