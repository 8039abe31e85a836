"""Byte-level helpers for make_corpus.py: every encoding here is written out by hand (no `email` package)."""

import base64
import datetime

CRLF = b"\r\n"
LF = b"\n"

FROM = ("Ivan Petrov", "ivan.petrov@client.example")
TO = ("Help Desk", "support@desk.example")
DESK = "support@desk.example"


def B(value):
    """`value` as bytes: str is encoded as UTF-8, bytes pass through."""
    return value.encode("utf-8") if isinstance(value, str) else value


def addr(name, address):
    """The expected JSON of one mailbox."""
    return {"name": name, "address": address}


def rfc_date(year, month, day, hour, minute, second=None, zone="+0300", weekday=True, two_digit_year=False,
             pad_day=False, extra_space=False):
    """An RFC 5322 date string for a local time and zone, and the instant as ISO 8601 UTC."""
    offsets = {"GMT": 0, "UT": 0, "UTC": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
               "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}
    if zone in offsets:
        offset = offsets[zone]
    else:
        sign = -1 if zone[0] == "-" else 1
        offset = sign * (int(zone[1:3]) * 60 + int(zone[3:5]))
    local = datetime.datetime(year, month, day, hour, minute, second or 0)
    utc = local - datetime.timedelta(minutes=offset)
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    days = "Mon Tue Wed Thu Fri Sat Sun".split()
    text = ""
    if weekday:
        text += days[local.weekday()] + (",  " if extra_space else ", ")
    text += ("%02d" if pad_day else "%d") % day
    text += " " + months[month - 1] + " "
    text += ("%02d" % (year % 100)) if two_digit_year else str(year)
    text += "  " if extra_space else " "
    text += "%02d:%02d" % (hour, minute)
    if second is not None:
        text += ":%02d" % second
    text += " " + zone
    return text, utc.strftime("%Y-%m-%dT%H:%M:%SZ")


DATE = rfc_date(2026, 12, 1, 9, 15, 0, pad_day=True)


def b64_lines(data, width=76):
    """Base64 of `data` in lines of `width` characters, joined by LF."""
    text = base64.b64encode(data)
    return b"\n".join(text[i:i + width] for i in range(0, len(text), width)) + b"\n"


def ew_b(text, charset, codec=None):
    """An RFC 2047 B encoded-word of `text` in `charset`."""
    data = text.encode(codec or charset) if isinstance(text, str) else text
    return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode("ascii"))


def _q_bytes(data, header):
    out = []
    for byte in data:
        char = chr(byte)
        if byte == 0x20 and header:
            out.append("_")
        elif char.isascii() and (char.isalnum() or (header and char in "!*+-/")):
            out.append(char)
        else:
            out.append("=%02X" % byte)
    return "".join(out)


def ew_q(text, charset, codec=None):
    """An RFC 2047 Q encoded-word of `text` in `charset`."""
    data = text.encode(codec or charset) if isinstance(text, str) else text
    return "=?%s?Q?%s?=" % (charset, _q_bytes(data, True))


def qp(data):
    """Quoted-printable of `data` (LF line ends), soft breaks at 76 columns, never inside an escape."""
    lines = []
    for raw in data.split(b"\n"):
        tokens = []
        for index, byte in enumerate(raw):
            last = index == len(raw) - 1
            if (33 <= byte <= 126 and byte != 0x3D) or (byte in (0x20, 0x09) and not last):
                tokens.append(chr(byte))
            else:
                tokens.append("=%02X" % byte)
        line = ""
        for token in tokens:
            if len(line) + len(token) > 75:
                lines.append(line + "=")
                line = ""
            line += token
        lines.append(line)
    return "\n".join(lines).encode("ascii")


def header_block(fields):
    """Header lines from (name, value) pairs; a value's LF + white space is a fold."""
    out = b""
    for name, value in fields:
        out += B(name) + b": " + B(value) + b"\n"
    return out


def message(fields, body, eol=CRLF):
    """A whole message: the header block, an empty line, the body; LF turned into `eol`."""
    data = header_block(fields) + b"\n" + B(body)
    return data.replace(b"\n", eol) if eol != LF else data


def part(fields, body):
    """One MIME part (LF line ends; turned into CRLF with the message)."""
    return header_block(fields) + b"\n" + B(body)


def multipart(boundary, parts, preamble=b"", epilogue=b"", close=True):
    """A multipart body: the parts between `--boundary` lines, the closing `--boundary--`."""
    out = B(preamble)
    for item in parts:
        out += b"--" + B(boundary) + b"\n" + item
        if not item.endswith(b"\n"):
            out += b"\n"
    if close:
        out += b"--" + B(boundary) + b"--\n" + B(epilogue)
    return out


def standard(slug, subject_header, subject=None, content_type="text/plain; charset=utf-8", encoding=None,
             extra=(), sender=FROM, sender_header=None, to=TO, date=DATE, message_id=None, mime=True):
    """The usual header fields of a client's letter to the desk and the values expected from them."""
    message_id = message_id or "%s@client.example" % slug
    fields = [
        ("From", sender_header or '%s <%s>' % sender),
        ("To", "%s <%s>" % to),
        ("Subject", subject_header),
        ("Date", date[0]),
        ("Message-ID", "<%s>" % message_id),
    ]
    if mime:
        fields.append(("MIME-Version", "1.0"))
        fields.append(("Content-Type", content_type))
    if encoding:
        fields.append(("Content-Transfer-Encoding", encoding))
    fields += list(extra)
    expected = {
        "from": [addr(sender[0], sender[1])],
        "to": [addr(to[0], to[1])],
        "date": date[1],
        "messageID": message_id,
    }
    if subject is not None:
        expected["subject"] = subject
    return fields, expected


def hexhead(data):
    """The first ≤ 8 bytes of `data` in lowercase hex."""
    return data[:8].hex()


def attachment(name, media_type, data, content_id=None, inline=False):
    """The expected JSON of one attachment."""
    return {"fileName": name, "mediaType": media_type, "byteCount": len(data), "headHex": hexhead(data),
            "contentID": content_id, "isInline": inline}


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(0, 256)) * 3
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(255, -1, -1)) * 2 + b"%%EOF\n"
XLSX = b"PK\x03\x04\x14\x00\x06\x00" + bytes((i * 37) % 256 for i in range(900))
