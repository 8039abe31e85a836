"""Cases: folding, bare LF, addresses, dates, threading identifiers, transfer encodings, HTML, MIME trees."""

import re

from corpus_lib import (CRLF, DATE, FROM, LF, PDF, PNG, TO, XLSX, addr, attachment, b64_lines, ew_b, ew_q,
                        message, multipart, part, qp, rfc_date, standard)


def cases():
    out = []

    subject = "A very long subject line that a mailer folded over three lines because it is longer than 78"
    # Unfolding only removes the CRLF (RFC 5322 3.2.2): the fold's white space stays, so a tab fold is
    # left to References, where white space does not matter.
    header = "A very long subject line that a mailer folded\n over three lines because it is\n longer than 78"
    fields, exp = standard("folded-headers", header, subject,
                           extra=[("References", "<a1@client.example>\n <a2@client.example>\n\t<a3@client.example>"),
                                  ("X-Long", "one\n two\n three")])
    fields[1] = ("To", "Help Desk\n <support@desk.example>,\n Anna <anna@desk.example>")
    exp.update(to=[addr("Help Desk", "support@desk.example"), addr("Anna", "anna@desk.example")],
               references=["a1@client.example", "a2@client.example", "a3@client.example"], problems=[])
    out.append(("folded-headers", message(fields, "Folded.\n"), exp))

    # Bare LF everywhere, a multipart included.
    fields, exp = standard("bare-lf", "Bare LF line ends", "Bare LF line ends",
                           content_type='multipart/alternative; boundary="lf-bound"')
    body = multipart("lf-bound", [
        part([("Content-Type", "text/plain; charset=utf-8")], "Строка один.\nСтрока два.\n"),
        part([("Content-Type", "text/html; charset=utf-8")], "<p>Строка один.</p><p>Строка два.</p>\n"),
    ])
    exp.update(text="Строка один.\nСтрока два.", hasHTML=True, attachments=[], problems=[])
    out.append(("bare-lf", message(fields, body, eol=LF), exp))

    # Address lists: quoted names with commas and escapes, encoded names, comments, groups.
    fields, exp = standard("address-lists", "Addresses", "Addresses")
    fields[1] = ("To", '"Petrov, Ivan" <ivan@client.example>, "O\'Brien \\"Bob\\"" <bob@client.example>,\n'
                       ' plain@client.example, <angle@client.example>')
    fields.append(("Cc", "Support Team: anna@desk.example, %s <boris@desk.example>;,\n"
                         ' "Lee" <lee@client.example> (night shift), Petr Sidorov <petr@client.example>'
                   % ew_b("Борис Ким", "utf-8")))
    fields.append(("Reply-To", "Billing (accounts) <billing@client.example>"))
    exp.update(to=[addr("Petrov, Ivan", "ivan@client.example"), addr('O\'Brien "Bob"', "bob@client.example"),
                   addr(None, "plain@client.example"), addr(None, "angle@client.example")],
               cc=[addr(None, "anna@desk.example"), addr("Борис Ким", "boris@desk.example"),
                   addr("Lee", "lee@client.example"), addr("Petr Sidorov", "petr@client.example")],
               replyTo=[{"address": "billing@client.example"}], problems=[])
    out.append(("address-lists", message(fields, "Addresses.\n"), exp))

    fields, exp = standard("undisclosed-recipients", "Group without members", "Group without members",
                           sender=("Ivan Petrov", "ivan.petrov@client.example"))
    fields[0] = ("From", "ivan.petrov@client.example (Ivan Petrov)")
    fields[1] = ("To", "undisclosed-recipients:;")
    exp.update(to=[], problems=[])
    exp["from"] = [{"address": "ivan.petrov@client.example"}]
    out.append(("undisclosed-recipients", message(fields, "Hidden.\n"), exp))

    # Dates: obsolete forms and an invalid one.
    for slug, date in (
        ("date-two-digit-year", rfc_date(2026, 12, 1, 9, 15, 0, two_digit_year=True)),
        ("date-est-no-weekday", rfc_date(2026, 12, 1, 9, 15, 0, zone="EST", weekday=False)),
        ("date-gmt-no-seconds", rfc_date(2026, 12, 1, 9, 15, None, zone="GMT", extra_space=True)),
        ("date-1999-pdt", rfc_date(1999, 12, 1, 23, 59, 59, zone="PDT", two_digit_year=True)),
        ("date-comment-msk", (rfc_date(2026, 11, 30, 23, 30, 5)[0] + " (MSK)", rfc_date(2026, 11, 30, 23, 30, 5)[1])),
    ):
        fields, exp = standard(slug, "Date: " + date[0], "Date: " + date[0], date=date)
        exp.update(problems=[])
        out.append((slug, message(fields, "Date.\n"), exp))
    fields, exp = standard("date-invalid", "Invalid date", "Invalid date", date=("tomorrow at noon", None))
    exp.update(problems=["invalidDate"])
    out.append(("date-invalid", message(fields, "No date.\n"), exp))

    # Threading identifiers.
    fields, exp = standard("threading-ids", "Re: [#1234] Printer", "Re: [#1234] Printer", extra=[
        ("In-Reply-To", "<ticket-1234.7@desk.example> (our notice)"),
        ("References", "<first@client.example> <ticket-1234.3@desk.example>\n <ticket-1234.7@desk.example>"),
        ("Return-Path", "<bounces+ivan@client.example>"),
    ])
    exp.update(inReplyTo=["ticket-1234.7@desk.example"],
               references=["first@client.example", "ticket-1234.3@desk.example", "ticket-1234.7@desk.example"],
               returnPath="bounces+ivan@client.example", problems=[])
    out.append(("threading-ids", message(fields, "Still broken.\n"), exp))

    # Quoted-printable with soft breaks, one inside a UTF-8 sequence.
    text = ("Длинная строка, которую почтовая программа перенесла мягкими переносами, "
            "потому что она длиннее семидесяти шести символов.\nx = 1; tab\tend\nПробел в конце ")
    # Pad the start until a soft break falls between the bytes of one character.
    base = text
    for pad in range(12):
        text = "x" * pad + base
        encoded = qp(text.encode("utf-8"))
        if re.search(rb"=\n=[89AB][0-9A-F]", encoded):
            break
    else:
        raise SystemExit("qp-soft-breaks: no soft break inside a character")
    fields, exp = standard("qp-soft-breaks", "QP", "QP", encoding="quoted-printable")
    exp.update(text=text.rstrip(), problems=[])
    out.append(("qp-soft-breaks", message(fields, encoded + b"\n"), exp))

    text = "Base64 text body: Принтер «HP» печатает пустые листы.\n" * 8
    fields, exp = standard("base64-body", "Base64", "Base64", encoding="base64")
    exp.update(text=text.strip(), problems=[])
    out.append(("base64-body", message(fields, b64_lines(text.encode("utf-8"))), exp))

    # 7bit declared, 8-bit UTF-8 sent (very common): read as UTF-8.
    text = "Ноутбук не включается после обновления."
    fields, exp = standard("eightbit-declared-7bit", "Laptop", "Laptop", encoding="7bit")
    exp.update(text=text)
    out.append(("eightbit-declared-7bit", message(fields, text + "\n"), exp))

    html = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Заявка</title>\n"
            "<style>p { color: red; } .x { font-weight: bold }</style></head>\n<body>\n"
            "<p>Здравствуйте!</p>\n<p>Принтер &laquo;HP&nbsp;LaserJet&raquo; в кабинете &#8470;&nbsp;12 "
            "не печатает &mdash; опять.</p>\n<ul><li>Картридж заменён</li><li>Бумага есть</li></ul>\n"
            "<div>Строка один<br>Строка два<br/>Строка три</div>\n"
            "<p>Цена: 100 &euro; &amp; 5&#x20BD; &lt;срочно&gt;</p>\n<script>alert(\"x\")</script>\n</body></html>\n")
    fields, exp = standard("html-only", "HTML only", "HTML only", content_type="text/html; charset=utf-8",
                           encoding="8bit")
    exp.update(hasHTML=True, attachments=[], problems=[],
               textContains=["Здравствуйте!", "Принтер «HP", "LaserJet» в кабинете №", "не печатает — опять.",
                             "Картридж заменён", "Бумага есть", "Строка один\nСтрока два\nСтрока три",
                             "100 € & 5₽ <срочно>"],
               textLacks=["<p>", "<li>", "color: red", "font-weight", "alert(", "&laquo;", "&mdash;", "&amp;",
                          "&lt;", "<br", "Заявка", "заменёнБумага"])
    out.append(("html-only", message(fields, html), exp))

    html = ("<html><body><div>Добрый день.</div><div>Прошу подключить <b>нового</b> сотрудника: "
            "Сидорова&nbsp;А.</div><div><br></div><div>Логин: <i>sidorova</i></div></body></html>")
    fields, exp = standard("html-only-cp1251-qp", "HTML in windows-1251", "HTML in windows-1251",
                           content_type="text/html; charset=windows-1251", encoding="quoted-printable")
    exp.update(hasHTML=True, problems=[], textContains=["Добрый день.", "Прошу подключить нового сотрудника",
                                                         "Логин: sidorova"],
               textLacks=["<b>", "=E4", "день.Прошу"])
    out.append(("html-only-cp1251-qp", message(fields, qp(html.encode("cp1251")) + b"\n"), exp))

    plain = "Добрый день!\nСканер снова не работает."
    fields, exp = standard("multipart-alternative", "Scanner", "Scanner",
                           content_type='multipart/alternative; boundary="=_alt_1"')
    body = multipart("=_alt_1", [
        part([("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(plain.encode("utf-8")) + b"\n"),
        part([("Content-Type", "text/html; charset=utf-8"), ("Content-Transfer-Encoding", "base64")],
             b64_lines("<p>Добрый день!</p><p>Сканер <b>снова</b> не работает.</p>".encode("utf-8"))),
    ], preamble="This is a multi-part message in MIME format.\n")
    exp.update(text=plain, hasHTML=True, attachments=[], problems=[])
    out.append(("multipart-alternative", message(fields, body), exp))

    # mixed → alternative → related with an inline cid: image, and a PDF attachment.
    plain = "Смотрите скриншот ошибки и счёт во вложении."
    related = multipart("rel-3", [
        part([("Content-Type", "text/html; charset=utf-8")],
             '<p>Смотрите скриншот ошибки:</p><img src="cid:shot-1@client.example"><p>и счёт во вложении.</p>\n'),
        part([("Content-Type", 'image/png; name="screenshot.png"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-ID", "<shot-1@client.example>"), ("Content-Disposition", 'inline; filename="screenshot.png"')],
             b64_lines(PNG)),
    ])
    alternative = multipart("alt-2", [
        part([("Content-Type", "text/plain; charset=utf-8")], plain + "\n"),
        part([("Content-Type", 'multipart/related; boundary="rel-3"; type="text/html"')], related),
    ])
    mixed = multipart("mix-1", [
        part([("Content-Type", 'multipart/alternative; boundary="alt-2"')], alternative),
        part([("Content-Type", 'application/pdf; name="invoice.pdf"'), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment; filename="invoice.pdf"')], b64_lines(PDF)),
    ])
    fields, exp = standard("nested-mixed-alternative-related", "Screenshot", "Screenshot",
                           content_type='multipart/mixed; boundary="mix-1"')
    exp.update(text=plain, hasHTML=True, problems=[], attachments=[
        attachment("screenshot.png", "image/png", PNG, "shot-1@client.example", True),
        attachment("invoice.pdf", "application/pdf", PDF)])
    out.append(("nested-mixed-alternative-related", message(fields, mixed), exp))

    # RFC 2231 file names: one value, continuations, another charset; a text attachment beside the body.
    # No final line end: the CRLF before a boundary line belongs to the boundary (RFC 2046 5.1.1).
    log = "2026-12-01 09:00 ERROR printer offline".encode("utf-8")
    mixed = multipart("b2231", [
        part([("Content-Type", "text/plain; charset=utf-8")], "Документы во вложении.\n"),
        part([("Content-Type", "application/pdf"), ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", "attachment;\n filename*=utf-8''%D0%A1%D1%87%D0%B5%D1%82.pdf")], b64_lines(PDF)),
        part([("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", "attachment;\n filename*0*=utf-8''%D0%90%D0%BA%D1%82%20;\n"
                                      " filename*1*=%E2%84%96%2012;\n filename*2=\".xlsx\"")], b64_lines(XLSX)),
        part([("Content-Type", "text/plain; charset=utf-8"),
              ("Content-Disposition", "attachment; filename*=windows-1251''%C6%F3%F0%ED%E0%EB.txt")], log),
    ])
    fields, exp = standard("rfc2231-file-names", "Documents", "Documents",
                           content_type='multipart/mixed; boundary="b2231"')
    exp.update(text="Документы во вложении.", problems=[], attachments=[
        attachment("Счет.pdf", "application/pdf", PDF),
        attachment("Акт № 12.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XLSX),
        attachment("Журнал.txt", "text/plain", log)])
    out.append(("rfc2231-file-names", message(fields, mixed), exp))

    mixed = multipart("bew", [
        part([("Content-Type", "text/plain; charset=utf-8")], "Договор и акт.\n"),
        part([("Content-Type", 'application/pdf; name="%s"' % ew_b("Договор №5.pdf", "utf-8")),
              ("Content-Transfer-Encoding", "base64"),
              ("Content-Disposition", 'attachment; filename="%s"' % ew_b("Договор №5.pdf", "utf-8"))],
             b64_lines(PDF)),
        part([("Content-Type", 'application/octet-stream; name="%s"' % ew_q("Акт сверки.xlsx", "koi8-r")),
              ("Content-Transfer-Encoding", "base64")], b64_lines(XLSX)),
    ])
    fields, exp = standard("encoded-word-file-names", "Contract", "Contract",
                           content_type='multipart/mixed; boundary="bew"')
    exp.update(text="Договор и акт.", problems=[], attachments=[
        attachment("Договор №5.pdf", "application/pdf", PDF),
        attachment("Акт сверки.xlsx", "application/octet-stream", XLSX)])
    out.append(("encoded-word-file-names", message(fields, mixed), exp))

    # A forwarded message (message/rfc822).
    inner_fields, _ = standard("forwarded-inner", ew_b("Счёт просрочен", "utf-8"),
                               sender=("Бухгалтерия", "buh@vendor.example"),
                               sender_header="%s <buh@vendor.example>" % ew_b("Бухгалтерия", "utf-8"),
                               date=rfc_date(2026, 11, 28, 17, 0, 0))
    inner = message(inner_fields, "Оплатите счёт до пятницы.\n", eol=LF)
    mixed = multipart("fwd", [
        part([("Content-Type", "text/plain; charset=utf-8")], "Пересылаю письмо поставщика, разберитесь.\n"),
        part([("Content-Type", "message/rfc822"), ("Content-Disposition", "inline")], inner),
    ])
    fields, exp = standard("forwarded-rfc822", "Fwd: " + ew_b("Счёт просрочен", "utf-8"), "Fwd: Счёт просрочен",
                           content_type='multipart/mixed; boundary="fwd"')
    exp.update(textContains=["Пересылаю письмо поставщика, разберитесь."], problems=[])
    out.append(("forwarded-rfc822", message(fields, mixed), exp))

    return out
