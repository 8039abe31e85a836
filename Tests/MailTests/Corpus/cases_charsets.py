"""Cases: charsets in bodies and encoded-words, split words, unknown charsets, raw 8-bit headers."""

import base64

from corpus_lib import (CRLF, DATE, FROM, LF, TO, addr, b64_lines, ew_b, ew_q, message, qp, rfc_date,
                        standard)

RU = "Здравствуйте! Принтер в бухгалтерии не печатает, горит красная лампочка.\nКабинет 12, второй этаж."
RU_SUBJECT = "Не печатает принтер"


def cases():
    out = []

    fields, exp = standard("utf8-plain", ew_b(RU_SUBJECT, "utf-8"), RU_SUBJECT, encoding="8bit")
    exp.update(text=RU, hasHTML=False, attachments=[], problems=[], classification="personal", reply=RU,
               hasQuote=False, hasSignature=False)
    out.append(("utf8-plain", message(fields, RU + "\n"), exp))

    text = "Hello,\nthe printer on the second floor does not print.\nRoom 12."
    fields, exp = standard("us-ascii", "Printer does not print", "Printer does not print",
                           content_type="text/plain; charset=us-ascii", encoding="7bit")
    exp.update(text=text, hasHTML=False, attachments=[], problems=[], classification="personal")
    out.append(("us-ascii", message(fields, text + "\n"), exp))

    subject = "Счёт № 12 за декабрь"
    body = "Добрый день!\nПришлите, пожалуйста, акт сверки за ноябрь.\nЁлкина М. А., бухгалтерия"
    fields, exp = standard("windows-1251-8bit", ew_b(subject, "windows-1251"), subject,
                           content_type="text/plain; charset=windows-1251", encoding="8bit")
    exp.update(text=body, problems=[])
    out.append(("windows-1251-8bit", message(fields, body.encode("cp1251") + b"\n"), exp))

    subject = "Сломалась клавиатура"
    body = "Коллеги, у Петровой в кабинете 7 залита чаем клавиатура.\nНужна замена до обеда."
    fields, exp = standard("koi8-r-base64", ew_q(subject, "koi8-r"), subject,
                           content_type='text/plain; charset="KOI8-R"', encoding="base64")
    exp.update(text=body, problems=[])
    out.append(("koi8-r-base64", message(fields, b64_lines(body.encode("koi8_r"))), exp))

    subject = "Grüße aus München – Drucker défekt"
    body = "Grüß Gott,\nder Drucker im Büro «Süd» ist défekt. Façade: 3. Stock.\n" + "Zeile " * 20 + "Ende."
    subject_latin = "Grüße aus München - Drucker défekt"
    fields, exp = standard("iso-8859-1-qp", ew_q(subject_latin, "iso-8859-1"), subject_latin,
                           content_type="text/plain; charset=iso-8859-1", encoding="quoted-printable")
    exp.update(text=body, problems=[])
    out.append(("iso-8859-1-qp", message(fields, qp(body.encode("latin-1")) + b"\n"), exp))
    del subject

    subject = "Заявка: не работает почта"
    body = "Здравствуйте.\nС утра не отправляется почта, ошибка «сервер недоступен»."
    fields, exp = standard("iso-8859-5", ew_b(subject, "iso-8859-5"), subject,
                           content_type="text/plain; charset=ISO-8859-5", encoding="8bit")
    # «» are not in ISO-8859-5: the letter quotes with plain quotes.
    body = body.replace("«", '"').replace("»", '"')
    exp.update(text=body, problems=[])
    out.append(("iso-8859-5", message(fields, body.encode("iso8859_5") + b"\n"), exp))

    subject = "Invoice €120 – “urgent”"
    body = "Dear team,\nthe invoice for €120 is “overdue” – please pay … today.\nŠárka Ž."
    fields, exp = standard("windows-1252-qp", ew_q(subject, "windows-1252", "cp1252"), subject,
                           content_type="text/plain; charset=windows-1252", encoding="quoted-printable")
    exp.update(text=body, problems=[])
    out.append(("windows-1252-qp", message(fields, qp(body.encode("cp1252")) + b"\n"), exp))

    # Display names encoded in every charset, B and Q.
    names = [
        ("Иван Петров", ew_b("Иван Петров", "windows-1251"), "ivan.petrov@client.example"),
        ("Служба поддержки", ew_q("Служба поддержки", "koi8-r"), "support@desk.example"),
        ("Анна Сидорова", ew_b("Анна Сидорова", "iso-8859-5"), "anna@client.example"),
        ("José Müller", ew_q("José Müller", "iso-8859-1"), "jose@client.example"),
        ("Zoë “Z” Smith", ew_q("Zoë “Z” Smith", "windows-1252", "cp1252"), "zoe@client.example"),
        ("Plain Name", ew_q("Plain Name", "us-ascii"), "plain@client.example"),
        ("Мария Ёлкина", ew_b("Мария Ёлкина", "UTF-8"), "maria@client.example"),
    ]
    fields, exp = standard("encoded-names", "Names in every charset", "Names in every charset",
                           content_type="text/plain; charset=us-ascii",
                           sender=(names[0][0], names[0][2]), sender_header="%s <%s>" % (names[0][1], names[0][2]),
                           to=(names[1][0], names[1][2]))
    fields[1] = ("To", "%s <%s>" % (names[1][1], names[1][2]))
    fields.append(("Cc", ",\n ".join("%s <%s>" % (n[1], n[2]) for n in names[2:])))
    exp["cc"] = [addr(n[0], n[2]) for n in names[2:]]
    exp.update(problems=[])
    out.append(("encoded-names", message(fields, "See the names.\n"), exp))

    # Adjacent encoded-words: the white space (and fold) between them is dropped, charsets mixed.
    words = "Re: %s %s\n %s (room 12)" % (ew_b("Принтер", "utf-8"), ew_q(" не", "utf-8"),
                                          ew_q(" печатает", "windows-1251", "cp1251"))
    fields, exp = standard("adjacent-encoded-words", words, "Re: Принтер не печатает (room 12)")
    exp.update(problems=[])
    out.append(("adjacent-encoded-words", message(fields, "Body.\n"), exp))

    # A UTF-8 character split across encoded-words (zammad#2953): B words and Q words.
    subject = "Счёт за декабрь № 12 — оплачен"
    data = subject.encode("utf-8")
    cuts = [5, 12, 27, len(data)]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(data[start:cut])
        start = cut
    for piece in pieces[:-1]:
        try:
            piece.decode("utf-8")
            raise SystemExit("split-utf8: a piece decodes alone, the cut is not inside a character")
        except UnicodeDecodeError:
            pass
    header = "\n ".join(ew_b(p, "utf-8") for p in pieces)
    name = "Ёлкина Мария"
    name_bytes = name.encode("utf-8")
    name_header = " ".join(ew_q(p, "utf-8") for p in (name_bytes[:1], name_bytes[1:9], name_bytes[9:]))
    fields, exp = standard("split-utf8-encoded-words", header, subject, sender=(name, "elkina@client.example"),
                           sender_header="%s <elkina@client.example>" % name_header)
    exp.update(problems=[])
    out.append(("split-utf8-encoded-words", message(fields, "Оплатили.\n".encode("utf-8")), exp))

    # windows-1258 (zammad#2224 marked it unprocessable): never rejected, the ASCII text read.
    body = "Xin chào,\nthe printer in room 12 is broken again.\nCảm ơn."
    raw = body.replace("Cảm ơn", "Cam on").encode("cp1258")
    fields, exp = standard("windows-1258", ew_q("Printer broken", "windows-1258"), "Printer broken",
                           content_type="text/plain; charset=windows-1258", encoding="8bit")
    exp.update(textContains=["the printer in room 12 is broken again."], classification="personal")
    out.append(("windows-1258", message(fields, raw + b"\n"), exp))

    # Unknown charsets with Cyrillic bytes: the text decoded by guessing.
    for slug, codec in (("unknown-charset-cp1251", "cp1251"), ("unknown-charset-koi8", "koi8_r")):
        body = ("Добрый день! Со вчерашнего вечера не работает интернет в отделе продаж, "
                "просим срочно посмотреть роутер.\nСпасибо.")
        fields, exp = standard(slug, "Internet is down", "Internet is down",
                               content_type="text/plain; charset=x-unknown", encoding="8bit")
        exp.update(text=body, problems=["unknownCharset"])
        out.append((slug, message(fields, body.encode(codec) + b"\n"), exp))

    # Raw 8-bit subjects and names (FreeScout #735).
    for slug, codec in (("raw-8bit-subject-cp1251", "cp1251"), ("raw-8bit-subject-koi8", "koi8_r")):
        subject = "Не работает принтер в бухгалтерии, срочно"
        sender = ("Ольга Петровна Смирнова", "smirnova@client.example")
        fields, exp = standard(slug, subject.encode(codec), subject, sender=sender,
                               sender_header=sender[0].encode(codec) + b" <smirnova@client.example>",
                               content_type="text/plain; charset=us-ascii")
        exp.update(problems=["rawEightBitHeader"])
        out.append((slug, message(fields, b"See subject.\n"), exp))

    subject = "Заявка: сломался сканер 🖨️"
    fields, exp = standard("raw-8bit-subject-utf8", subject.encode("utf-8"), subject, encoding="8bit")
    exp.update(text="Сканер не видит компьютер.")
    out.append(("raw-8bit-subject-utf8", message(fields, "Сканер не видит компьютер.\n"), exp))

    # An invalid text: UTF-8 declared, windows-1251 sent.
    body = "Добрый день, пришлите, пожалуйста, счёт на оплату обслуживания за декабрь."
    fields, exp = standard("invalid-text-cp1251-as-utf8", "Invoice please", "Invoice please", encoding="8bit")
    exp.update(text=body, problems=["invalidText"])
    out.append(("invalid-text-cp1251-as-utf8", message(fields, body.encode("cp1251") + b"\n"), exp))

    return out
