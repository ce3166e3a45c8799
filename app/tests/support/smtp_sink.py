"""A real SMTP server for Sinergi's tests (aiosmtpd on loopback).

Usage: smtp_sink.py PORT FOLDER

Every message it accepts is written to FOLDER as one JSON file (sender, recipients, decoded
subject, Message-ID and plain-text body), renamed into place only once complete. Prints
"ready" when it listens; runs until killed.
"""

import email
import email.policy
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "body": body.get_content() if body is not None else "",
        }
        name = uuid.uuid4().hex
        partial = os.path.join(self.folder, f".{name}")
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(partial, os.path.join(self.folder, f"{name}.json"))
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
