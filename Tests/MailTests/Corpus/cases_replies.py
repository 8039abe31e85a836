"""Cases: replies from Gmail, Outlook, Apple Mail, Yandex, Mail.ru, Thunderbird; signatures."""

from corpus_lib import ew_b, message, qp, standard

QUOTE_RU = "> Здравствуйте!\n> Перезагрузите, пожалуйста, принтер и напишите, помогло ли.\n> --\n> Служба поддержки"
QUOTE_EN = "> Hello,\n> please restart the printer and tell us whether it helped.\n> --\n> Help Desk"


def reply_case(slug, subject, reply, rest, signature=False, quote=True, encoding="quoted-printable"):
    """A reply whose text is `reply` + `rest`; `reply` is what the splitter must keep."""
    text = reply + "\n" + rest if rest else reply
    header = ew_b(subject, "utf-8") if not subject.isascii() else subject
    fields, exp = standard(slug, header, subject, encoding=encoding,
                           extra=[("In-Reply-To", "<ticket-1234.7@desk.example>")])
    exp.update(text=text.strip(), reply=reply.strip(), hasQuote=quote, hasSignature=signature,
               inReplyTo=["ticket-1234.7@desk.example"], classification="personal", problems=[])
    data = qp(text.encode("utf-8")) if encoding == "quoted-printable" else text.encode("utf-8")
    return (slug, message(fields, data + b"\n"), exp)


def cases():
    return [
        reply_case("reply-gmail-en", "Re: Printer", "Thanks, it works now after the restart.",
                   "\nOn Tue, Dec 1, 2026 at 10:00 AM Help Desk <support@desk.example> wrote:\n\n" + QUOTE_EN),
        reply_case("reply-gmail-en-wrapped", "Re: Printer", "No, it still does not print.\nThe light is red.",
                   "\nOn Tue, Dec 1, 2026 at 10:00 AM Help Desk Support Team of the Company <\n"
                   "support@desk.example> wrote:\n\n" + QUOTE_EN),
        reply_case("reply-gmail-ru", "Re: Принтер", "Спасибо, заработал!",
                   "\n1 декабря 2026 г., 10:00 пользователь Служба поддержки <support@desk.example> написал:\n\n"
                   + QUOTE_RU),
        reply_case("reply-outlook-en", "RE: Printer", "Hi,\n\nthe printer is still offline.\n\nIvan",
                   "\n-----Original Message-----\nFrom: Help Desk <support@desk.example>\n"
                   "Sent: Tuesday, December 1, 2026 10:00 AM\nTo: Ivan Petrov <ivan.petrov@client.example>\n"
                   "Subject: Printer\n\nHello,\nplease restart the printer.\n"),
        reply_case("reply-outlook-ru", "RE: Принтер", "Добрый день.\n\nПерезагрузили, не помогло.",
                   "\n________________________________\nОт: Служба поддержки <support@desk.example>\n"
                   "Отправлено: 1 декабря 2026 г. 10:00\nКому: Иван Петров <ivan.petrov@client.example>\n"
                   "Тема: Принтер\n\nЗдравствуйте!\nПерезагрузите, пожалуйста, принтер.\n"),
        reply_case("reply-outlook-ru-header-block", "RE: Принтер", "Принтер снова не печатает.",
                   "\nОт: Служба поддержки [mailto:support@desk.example]\nОтправлено: вторник, 1 декабря 2026 г. 10:00\n"
                   "Кому: Петров Иван\nТема: RE: Принтер\n\nЗдравствуйте!\nПерезагрузите принтер.\n"),
        reply_case("reply-outlook-original-message-ru", "RE: Принтер", "Заявку можно закрывать.",
                   "\n-----Исходное сообщение-----\nОт: Служба поддержки <support@desk.example>\n"
                   "Отправлено: 1 декабря 2026 г. 10:00\nКому: Иван Петров\nТема: Принтер\n\nВсё работает?\n"),
        reply_case("reply-apple-mail-en", "Re: Printer", "Yes, please send a technician.",
                   "\n> On 1 Dec 2026, at 10:00, Help Desk <support@desk.example> wrote:\n>\n" + QUOTE_EN),
        reply_case("reply-apple-mail-ru", "Re: Принтер", "Да, пришлите мастера.",
                   "\n> 1 дек. 2026 г., в 10:00, Служба поддержки <support@desk.example> написал(а):\n>\n" + QUOTE_RU),
        reply_case("reply-yandex", "Re: Принтер", "Добрый день!\n\nНе помогло, лампочка мигает.",
                   "\n01.12.2026, 10:00, \"Служба поддержки\" <support@desk.example> пишет:\n" + QUOTE_RU),
        reply_case("reply-mailru-pishet", "Re: Принтер", "Здравствуйте, всё заработало, спасибо.",
                   "\n\nВторник, 1 декабря 2026, 10:00 +03:00, Служба поддержки <support@desk.example> пишет:\n\n"
                   + QUOTE_RU),
        reply_case("reply-mailru-ot", "Re: Принтер", "Проблема осталась.",
                   "\n\nВторник, 1 декабря 2026, 10:00 +03:00 от Служба поддержки <support@desk.example>:\n"
                   + QUOTE_RU),
        reply_case("reply-thunderbird-en", "Re: Printer", "It works again, thank you.",
                   "\nOn 01.12.2026 10:00, Help Desk wrote:\n" + QUOTE_EN),
        reply_case("reply-thunderbird-ru", "Re: Принтер", "Работает, спасибо.",
                   "\n01.12.2026 10:00, Служба поддержки пишет:\n" + QUOTE_RU),
        reply_case("signature-dash-dash", "Принтер", "Принтер в кабинете 12 снова зажевал бумагу.",
                   "\n-- \nИван Петров\nООО «Ромашка», отдел продаж\n+7 495 000-00-00", signature=True, quote=False),
        reply_case("signature-s-uvazheniem", "Re: Принтер", "Спасибо, заявку можно закрыть.",
                   "\nС уважением,\nИван Петров\nбухгалтерия\n\n01.12.2026, 10:00, Служба поддержки пишет:\n"
                   + QUOTE_RU, signature=True),
        reply_case("signature-sent-from-iphone", "Re: Printer", "Ok, I will be there at 3 pm.",
                   "\nSent from my iPhone\n\n> On 1 Dec 2026, at 10:00, Help Desk <support@desk.example> wrote:\n>\n"
                   + QUOTE_EN, signature=True),
        reply_case("signature-otpravleno-s-iphone", "Re: Принтер", "Буду в 15:00.",
                   "\nОтправлено с iPhone\n\n> 1 дек. 2026 г., в 10:00, Служба поддержки <support@desk.example> "
                   "написал(а):\n>\n" + QUOTE_RU, signature=True),
        reply_case("signature-best-regards", "Printer", "Please replace the toner in room 12.",
                   "\nBest regards,\nIvan Petrov\nSales", signature=True, quote=False),
        # «С уважением» in the middle of a long letter is not a signature.
        reply_case("not-a-signature-mid-text", "Письмо",
                   "Добрый день!\nС уважением к вашему времени, коротко:\n" + "\n".join(
                       "%d. Пункт списка номер %d, в котором описана проблема подробно." % (n, n)
                       for n in range(1, 10)), "", signature=False, quote=False, encoding="8bit"),
    ]
