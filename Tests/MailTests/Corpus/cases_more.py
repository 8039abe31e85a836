"""Cases added after the first set (kept last so the earlier numbers stay): HTML replies, an attachment without
a text, the binary transfer encoding, a military zone, broken HTML entities, charset aliases."""

from corpus_lib import PDF, addr, attachment, b64_lines, ew_b, ew_q, message, multipart, part, qp, rfc_date, standard


def cases():
    out = []

    html = ("<html><head><style>p.MsoNormal { margin: 0 }</style></head><body lang=\"RU\">\n"
            "<div class=\"WordSection1\"><p class=\"MsoNormal\">Добрый день! Принтер снова не печатает.</p>\n"
            "<p class=\"MsoNormal\">&nbsp;</p>\n"
            "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
            "<p class=\"MsoNormal\"><b>От:</b> Служба поддержки &lt;support@desk.example&gt;<br>\n"
            "<b>Отправлено:</b> 1 декабря 2026 г. 10:00<br>\n<b>Кому:</b> Иван Петров<br>\n"
            "<b>Тема:</b> Принтер</p></div>\n<p class=\"MsoNormal\">Здравствуйте!</p>"
            "<p class=\"MsoNormal\">Перезагрузите, пожалуйста, принтер.</p></div></body></html>\n")
    fields, exp = standard("reply-outlook-html-ru", "RE: " + ew_b("Принтер", "utf-8"), "RE: Принтер",
                           content_type="text/html; charset=utf-8", encoding="quoted-printable")
    exp.update(hasHTML=True, problems=[], classification="personal", reply="Добрый день! Принтер снова не печатает.",
               hasQuote=True, textContains=["Добрый день! Принтер снова не печатает.", "От: Служба поддержки",
                                            "<support@desk.example>", "Отправлено: 1 декабря 2026 г. 10:00"],
               textLacks=["MsoNormal", "<b>", "&lt;"])
    out.append(("reply-outlook-html-ru", message(fields, qp(html.encode("utf-8")) + b"\n"), exp))

    plain = "Thanks, the new cartridge works.\n\nOn Tue, Dec 1, 2026 at 10:00 AM Help Desk <support@desk.example> wrote:\n\n" \
            "> Hello,\n> we have sent a new cartridge.\n"
    html = ("<div dir=\"ltr\">Thanks, the new cartridge works.</div><br><div class=\"gmail_quote\">"
            "<div dir=\"ltr\" class=\"gmail_attr\">On Tue, Dec 1, 2026 at 10:00 AM Help Desk &lt;<a href=\"mailto:"
            "support@desk.example\">support@desk.example</a>&gt; wrote:<br></div><blockquote class=\"gmail_quote\" "
            "style=\"margin:0px 0px 0px 0.8ex\">Hello,<br>we have sent a new cartridge.</blockquote></div>\n")
    body = multipart("000000000000a1b2c3", [
        part([("Content-Type", 'text/plain; charset="UTF-8"')], plain),
        part([("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "quoted-printable")],
             qp(html.encode("utf-8")) + b"\n"),
    ])
    fields, exp = standard("reply-gmail-alternative-en", "Re: Cartridge", "Re: Cartridge",
                           content_type='multipart/alternative; boundary="000000000000a1b2c3"')
    exp.update(text=plain.strip(), hasHTML=True, attachments=[], problems=[], reply="Thanks, the new cartridge works.",
               hasQuote=True, hasSignature=False)
    out.append(("reply-gmail-alternative-en", message(fields, body), exp))

    # Only an attachment, without a file name: no text, a name made up (not compared), the bytes kept.
    fields, exp = standard("attachment-only", "Scan", "Scan", content_type='multipart/mixed; boundary="only"')
    body = multipart("only", [part([("Content-Type", "application/pdf"), ("Content-Transfer-Encoding", "base64")],
                                   b64_lines(PDF))])
    exp.update(text="", hasHTML=False, problems=[], attachments=[
        {k: v for k, v in attachment("", "application/pdf", PDF).items() if k != "fileName"}])
    out.append(("attachment-only", message(fields, body), exp))

    text = "Бинарная кодировка передачи: текст как есть.\nВторая строка."
    fields, exp = standard("binary-transfer-encoding", "Binary", "Binary", encoding="binary")
    exp.update(text=text, problems=[])
    out.append(("binary-transfer-encoding", message(fields, text + "\n"), exp))

    # RFC 5322 4.3: a military zone letter means -0000 (the time as UTC).
    date = (rfc_date(2026, 12, 1, 9, 15, 0, zone="GMT")[0].replace("GMT", "Z"), "2026-12-01T09:15:00Z")
    fields, exp = standard("date-military-zone", "Military zone", "Military zone", date=date)
    out.append(("date-military-zone", message(fields, "Z.\n"), exp))

    html = ("<p>Start &#0; &#xD800; &#x110000; &#99999999999; &bogus; &amp &lt3 &#x; &; & end.</p>"
            "<p>Unclosed <b>bold <i>italic <p>paragraph <!-- a comment --> <![CDATA[x]]> "
            "<script>never shown</script> tail</p></body>")
    fields, exp = standard("html-bad-entities", "Bad HTML", "Bad HTML", content_type="text/html; charset=utf-8")
    exp.update(hasHTML=True, textContains=["Start", "end.", "tail"], textLacks=["never shown", "a comment", "<b>"])
    out.append(("html-bad-entities", message(fields, html + "\n"), exp))

    # Charset aliases: cp1251, win-1251 and koi8r (not the registered names), mixed case.
    text = "Прошу заменить монитор в кабинете 5."
    fields, exp = standard("charset-aliases", ew_b("Замена монитора", "CP1251", "cp1251"), "Замена монитора",
                           content_type='text/plain; charset="Win-1251"', encoding="8bit",
                           sender=("Пётр Ким", "kim@client.example"),
                           sender_header="%s <kim@client.example>" % ew_q("Пётр Ким", "koi8r", "koi8_r"))
    exp.update(text=text, problems=[])
    out.append(("charset-aliases", message(fields, text.encode("cp1251") + b"\n"), exp))
    return out
