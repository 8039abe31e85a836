"""Cases: out-of-office notices, auto-replies, bounces, mailing lists, the desk's own mail."""

from corpus_lib import LF, addr, ew_b, message, multipart, part, rfc_date, standard

MAILER = ("Mail Delivery System", "MAILER-DAEMON@relay.example")


def robot(slug, subject, text, kind, extra=(), sender=None, subject_header=None, failed=None, return_path=None):
    """A plain-text message from a robot, expected to be classified as `kind`."""
    header = subject_header or (subject if subject.isascii() else ew_b(subject, "utf-8"))
    more = list(extra)
    if return_path is not None:
        more.insert(0, ("Return-Path", "<%s>" % return_path))
    kwargs = {"sender": sender} if sender else {}
    fields, exp = standard(slug, header, subject, encoding="8bit", extra=more, **kwargs)
    exp.update(text=text, classification=kind, problems=[])
    if failed is not None:
        exp["failedRecipients"] = failed
    if return_path is not None:
        exp["returnPath"] = return_path
    return (slug, message(fields, text + "\n"), exp)


def dsn():
    original = ("From: Help Desk <support@desk.example>\nTo: Ivan.Petrov@client.example, anna@client.example\n"
                "Subject: [#1234] Your request is registered\nMessage-ID: <ticket-1234.1@desk.example>\n"
                "Date: Tue, 01 Dec 2026 09:16:00 +0300\n")
    report = ("Reporting-MTA: dns; relay.example\nX-Postfix-Queue-ID: 4ABCD1234\n"
              "Arrival-Date: Tue,  1 Dec 2026 09:16:01 +0300 (MSK)\n\n"
              "Final-Recipient: rfc822; Ivan.Petrov@client.example\nOriginal-Recipient: rfc822;Ivan.Petrov@client.example\n"
              "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.client.example\n"
              "Diagnostic-Code: smtp; 550 5.1.1 <Ivan.Petrov@client.example>: Recipient address rejected:\n"
              " User unknown in virtual mailbox table\n\n"
              "Final-Recipient: rfc822; anna@client.example\nAction: delayed\nStatus: 4.4.1\n"
              "Will-Retry-Until: Sat, 5 Dec 2026 09:16:01 +0300 (MSK)\n")
    body = multipart("dsn-b1", [
        part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")],
             "This is the mail system at host relay.example.\n\nI'm sorry to have to inform you that your message "
             "could not\nbe delivered to one or more recipients.\n\n<Ivan.Petrov@client.example>: host "
             "mx.client.example said: 550 5.1.1 User unknown\n"),
        part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], report),
        part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")],
             original),
    ])
    fields, exp = standard("dsn-bounce", "Undelivered Mail Returned to Sender", "Undelivered Mail Returned to Sender",
                           content_type='multipart/report; report-type=delivery-status;\n boundary="dsn-b1"',
                           sender=MAILER, to=("", "support@desk.example"), message_id="20261201061602.4ABCD1234@relay.example",
                           extra=[("Auto-Submitted", "auto-replied")])
    fields.insert(0, ("Return-Path", "<>"))
    fields[2] = ("To", "support@desk.example")
    exp.update(to=[addr(None, "support@desk.example")], returnPath="", classification="bounce",
               failedRecipients=["ivan.petrov@client.example"], problems=[],
               textContains=["could not\nbe delivered to one or more recipients."])
    return ("dsn-bounce", message(fields, body), exp)


def cases():
    ooo_ru = "Здравствуйте!\nЯ в отпуске до 14 декабря. По срочным вопросам звоните Анне: +7 495 000-00-01."
    return [
        robot("ooo-exchange-ru", "Автоответ: Принтер не печатает", ooo_ru, "outOfOffice",
              extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
                     ("X-MS-Exchange-Inbox-Rules-Loop", "ivan.petrov@client.example")]),
        robot("ooo-exchange-en", "Automatic reply: Printer", "I am out of the office until 14 December.",
              "outOfOffice", extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")]),
        robot("ooo-gmail-vacation", "Re: Printer",
              "Hello,\nI am out of the office on vacation until 14 December with limited access to email.",
              "outOfOffice", extra=[("Auto-Submitted", "auto-replied")]),
        robot("ooo-x-autoreply", "Re: Принтер", ooo_ru, "outOfOffice", extra=[("X-Autoreply", "yes")]),
        robot("ooo-x-autorespond", "Auto: Out of office", "Out of office until Monday.", "outOfOffice",
              extra=[("X-Autorespond", "Out of office until Monday")]),
        robot("ooo-subject-only", "Out of Office: Printer", "I am out of the office until 14 December.",
              "outOfOffice"),
        robot("auto-reply-suppress", "Your request is registered [#88123]",
              "Your request has been registered under number 88123. We will answer within one business day.",
              "autoReply", extra=[("X-Auto-Response-Suppress", "All")],
              sender=("Client IT Desk", "itdesk@client.example")),
        robot("auto-reply-precedence", "Re: Printer",
              "Thank you for your message. We will answer within one business day.", "autoReply",
              extra=[("Precedence", "auto_reply")]),
        robot("auto-generated-alert", "[ALERT] Disk C: 95% full on SRV-01",
              "Monitoring: disk C: on SRV-01 is 95% full.", "autoReply",
              extra=[("Auto-Submitted", "auto-generated")], sender=("Zabbix", "zabbix@client.example")),
        robot("auto-submitted-no", "Printer", "The printer jams.", "personal", extra=[("Auto-Submitted", "no")]),
        dsn(),
        robot("bounce-mailer-daemon-ru", "Недоставленное сообщение",
              "Это сообщение создано автоматически.\nНе удалось доставить письмо получателю nobody@client.example:\n"
              "550 Mailbox not found", "bounce", sender=("MAILER-DAEMON", "mailer-daemon@relay.example"),
              extra=[("X-Failed-Recipients", "nobody@client.example")], failed=["nobody@client.example"],
              return_path=""),
        robot("bounce-exim-en", "Mail delivery failed: returning message to sender",
              "This message was created automatically by mail delivery software.\n\nA message that you sent could "
              "not be delivered to one or more of its\nrecipients. This is a permanent error. The following "
              "address(es) failed:\n\n  Gone.Away@client.example\n    Unrouteable address",
              "bounce", sender=("Mail Delivery System", "Mailer-Daemon@relay.example"),
              extra=[("X-Failed-Recipients", "Gone.Away@client.example"), ("Auto-Submitted", "auto-replied")],
              failed=["gone.away@client.example"], return_path=""),
        robot("list-id", "[printers] Toner order for December", "Who needs toner this month?", "list",
              extra=[("List-Id", "Printer users <printers.lists.client.example>"),
                     ("List-Unsubscribe", "<mailto:printers-leave@lists.client.example>"),
                     ("List-Post", "<mailto:printers@lists.client.example>")]),
        robot("list-unsubscribe-only", "Новогодние скидки на картриджи", "Только до 31 декабря: скидка 20%.",
              "list", extra=[("List-Unsubscribe", "<https://shop.example/unsubscribe?u=123>, <mailto:u@shop.example>"),
                             ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
              sender=("Shop", "news@shop.example")),
        robot("precedence-bulk", "Weekly digest", "Digest of the week.", "list", extra=[("Precedence", "bulk")],
              sender=("Digest", "digest@client.example")),
        robot("precedence-list", "Re: [staff] Party", "See you at six.", "list", extra=[("Precedence", "list")]),
        robot("precedence-junk", "You won!", "Claim your prize.", "list", extra=[("Precedence", "junk")],
              sender=("Prize", "prize@spam.example")),
        own_mail(),
    ]


def own_mail():
    fields, exp = standard("own-mail", "[#1234] Your request is registered", "[#1234] Your request is registered",
                           sender=("Help Desk", "support@desk.example"), to=("Ivan Petrov", "ivan.petrov@client.example"),
                           message_id="ticket-1234.1@desk.example", encoding="8bit",
                           extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    exp.update(classification="ownMail", problems=[], text="Your request #1234 is registered.")
    return ("own-mail", message(fields, "Your request #1234 is registered.\n"), exp)
