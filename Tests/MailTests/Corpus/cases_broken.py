"""Cases: broken messages. Each must parse (never rejected) with its problems listed."""

from corpus_lib import DATE, b64_lines, message, multipart, part, standard


def cases():
    out = []

    fields, exp = standard("missing-boundary", "No boundary", "No boundary", content_type="multipart/mixed")
    body = multipart("lost", [part([("Content-Type", "text/plain")], "Part one.\n")])
    exp.update(problems=["missingBoundary"])
    out.append(("missing-boundary", message(fields, body), exp))

    fields, exp = standard("boundary-never-occurs", "Wrong boundary", "Wrong boundary",
                           content_type='multipart/mixed; boundary="declared"')
    body = multipart("written", [part([("Content-Type", "text/plain")], "Part one.\n")])
    exp.update(problems=["missingBoundary"])
    out.append(("boundary-never-occurs", message(fields, body), exp))

    fields, exp = standard("unterminated-multipart", "Cut off", "Cut off",
                           content_type='multipart/mixed; boundary="cut"')
    body = multipart("cut", [
        part([("Content-Type", "text/plain; charset=utf-8")], "Первая часть дошла целиком.\n"),
        part([("Content-Type", "application/pdf"), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment; filename="cut.pdf"')], b"JVBERi0xLjQKJeLjz9MK\nMSAwIG9iago8PC9U\n"),
    ], close=False)
    exp.update(text="Первая часть дошла целиком.", problems=["unterminatedMultipart"])
    out.append(("unterminated-multipart", message(fields, body), exp))

    fields, exp = standard("invalid-base64", "Bad base64", "Bad base64", encoding="base64")
    exp.update(problems=["invalidBase64"])
    out.append(("invalid-base64", message(fields, "0J/RgNC4***0YLQtdGA\n!!!!\n"), exp))

    fields, exp = standard("invalid-quoted-printable", "Bad QP", "Bad QP", encoding="quoted-printable")
    exp.update(problems=["invalidQuotedPrintable"], textContains=["café", "=ZZ", "=G1"])
    out.append(("invalid-quoted-printable", message(fields, "caf=C3=A9: code =ZZ and =G1 stay\n"), exp))

    fields, exp = standard("unknown-transfer-encoding", "uuencoded", "uuencoded", encoding="x-uuencode")
    exp.update(problems=["unknownTransferEncoding"])
    out.append(("unknown-transfer-encoding",
                message(fields, "begin 644 note.txt\n%:&5L;&\\*\n`\nend\n"), exp))

    fields, exp = standard("header-without-colon", "Bad header lines", "Bad header lines")
    # The bad lines come before Date and Message-ID: both must still be read.
    fields.insert(3, ("This line has no colon", None))
    fields.insert(4, ("Bad Name", "a space in the field name"))
    raw = b""
    for name, value in fields:
        raw += (name.encode() + b"\n") if value is None else (name.encode() + b": " + value.encode() + b"\n")
    exp.update(problems=["malformedHeader"], text="Body.")
    out.append(("header-without-colon", (raw + b"\nBody.\n").replace(b"\n", b"\r\n"), exp))

    fields, exp = standard("huge-header-line", "Huge header", "Huge header",
                           extra=[("X-Trace", "t" * 200_000)])
    exp.update(text="After the huge line.")
    out.append(("huge-header-line", message(fields, "After the huge line.\n"), exp))

    fields = [("To", "Help Desk <support@desk.example>"), ("Subject", "Nothing else")]
    exp = {"subject": "Nothing else", "from": [], "date": None, "messageID": None, "problems": ["missingHeader"],
           "text": "No From, no Date, no Message-ID."}
    out.append(("missing-from-date-message-id", message(fields, "No From, no Date, no Message-ID.\n"), exp))

    fields, exp = standard("nested-30-deep", "Deep", "Deep", content_type='multipart/mixed; boundary="d1"')
    body = part([("Content-Type", "text/plain")], "The bottom.\n")
    for depth in range(30, 1, -1):
        body = part([("Content-Type", 'multipart/mixed; boundary="d%d"' % depth)], multipart("d%d" % depth, [body]))
    exp.update(problems=["tooDeep"])
    out.append(("nested-30-deep", message(fields, multipart("d1", [body])), exp))

    fields, exp = standard("too-many-parts", "Parts", "Parts", content_type='multipart/mixed; boundary="p"')
    parts = [part([("Content-Type", "text/plain")], "First.\n")]
    parts += [part([("Content-Type", "application/octet-stream")], "x\n") for _ in range(1_100)]
    exp.update(problems=["tooManyParts"], text="First.")
    out.append(("too-many-parts", message(fields, multipart("p", parts)), exp))

    fields, exp = standard("nul-byte", "NUL", "NUL", content_type="text/plain; charset=us-ascii",
                           extra=[("X-Note", "a\x00b")])
    exp.update(textContains=["before", "after"])
    out.append(("nul-byte", message(fields, b"before\x00after\n"), exp))

    fields, exp = standard("invalid-encoded-word", "Re: =?utf-8?B?####?=", "Re: =?utf-8?B?####?=")
    exp.update(problems=["invalidEncodedWord"])
    out.append(("invalid-encoded-word", message(fields, "Body.\n"), exp))

    fields, exp = standard("invalid-address", "Broken From", "Broken From",
                           sender_header="Ivan Petrov <ivan.petrov@client.example")
    fields[1] = ("To", '"Unclosed <support@desk.example>, @@@')
    del exp["from"], exp["to"]
    exp.update(problems=["invalidAddress"])
    out.append(("invalid-address", message(fields, "Body.\n"), exp))

    out.append(("empty-file", b"", {"subject": "", "from": [], "to": [], "date": None, "messageID": None,
                                    "text": "", "attachments": [], "problems": ["missingHeader"]}))
    return out
