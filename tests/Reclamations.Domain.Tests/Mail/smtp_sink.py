"""aiosmtpd handler used by the tests: stores every received message as a file.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.FileSink OUTPUT_DIR
Each message gives NAME.json (envelope: mail_from, rcpt_tos) then NAME.eml (raw message),
the .eml appearing last and whole (written aside, then renamed).
"""
import json
import os
import uuid


class FileSink:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("FileSink needs one argument: the output directory")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        with open(os.path.join(self.directory, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.directory, name + ".eml"))
        return "250 Message accepted for delivery"
