#!/usr/bin/env python3
"""The Python peer of helpdesk-bench's `mail` group: parses every .eml under a folder with Python's
`email` package (policy.default) and does the work MailParser does on each message.

Usage: parse_python.py FOLDER [ROUNDS]  (ROUNDS defaults to 1)
Prints one JSON object: {"messages": n, "seconds": s, "python": "3.x.y", "bytes": b, "failures": f, "rounds": r}
where `messages` counts parses (files × rounds), `seconds` is the wall time of the parsing loop only (files are
read before it) and `failures` counts messages that raised (each caught, the loop goes on).
"""

import email
import email.policy
import json
import os
import platform
import sys
import time


def work(data):
    """Everything our parser extracts: headers, addresses, date, identifiers, the text body, attachments."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    sink = 0
    sink += len(str(message.get("subject", "")))
    for name in ("from", "to", "cc", "reply-to"):
        header = message.get(name)
        if header is not None:
            for address in getattr(header, "addresses", ()):
                sink += len(address.display_name) + len(address.addr_spec)
    date = message.get("date")
    if date is not None:
        sink += 1 if getattr(date, "datetime", None) is not None else 0
    for name in ("message-id", "in-reply-to", "references", "return-path"):
        sink += len(str(message.get(name, "")))
    body = message.get_body(("plain", "html"))
    if body is not None:
        sink += len(body.get_content())
    for part in message.iter_attachments():
        content = part.get_payload(decode=True)
        sink += len(content or b"") + len(part.get_filename() or "")
    return sink


def main():
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    files = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".eml"):
                with open(os.path.join(root, name), "rb") as f:
                    files.append(f.read())
    failures = 0
    sink = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for data in files:
            try:
                sink += work(data)
            except Exception:  # noqa: BLE001 - a peer that gives up on a message is counted, not fatal
                failures += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"messages": len(files) * rounds, "seconds": seconds, "python": platform.python_version(),
                      "bytes": sum(map(len, files)) * rounds, "failures": failures, "rounds": rounds,
                      "sink": sink}))


if __name__ == "__main__":
    main()
