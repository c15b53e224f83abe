"""A mail server for the tests (scripts/test starts it on loopback): it requires STARTTLS with the
certificate it is given, accepts every message and writes it, as received, to a directory, one
file per message, for the tests to read."""
import argparse
import asyncio
import pathlib
import ssl
import uuid

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, directory):
        self.directory = pathlib.Path(directory)

    async def handle_DATA(self, server, session, envelope):
        name = self.directory / f"{uuid.uuid4()}.eml"
        header = f"X-Envelope-From: {envelope.mail_from}\r\nX-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n"
        name.write_bytes(header.encode() + envelope.original_content)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    controller = Controller(Keep(args.dir), hostname="127.0.0.1", port=args.port, tls_context=context, require_starttls=True)
    controller.start()
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
