import Testing

@testable import Mail

/// Real-looking replies from the clients people use, in Russian and English: what the writer
/// wrote, where the quote starts, what the signature is.
@Suite("Reply splitter: a table of replies")
struct ReplyTextTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var reply: String
        var quoteStart: String?  // the quote's first line
        var signature: String?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "Gmail English",
            text:
                "Thanks, it prints now.\n\nOn Mon, Dec 1, 2026 at 10:00 AM Help Desk <desk@desk.example> wrote:\n> Please restart the printer.\n> \n",
            reply: "Thanks, it prints now.",
            quoteStart: "On Mon, Dec 1, 2026 at 10:00 AM Help Desk <desk@desk.example> wrote:"),
        Row(
            name: "Gmail wrapped over two lines",
            text:
                "Still broken.\n\nOn Mon, Dec 1, 2026 at 10:00 AM Very Long Support Team Name <\nsupport-team@desk.example> wrote:\n\n> Please restart it.\n",
            reply: "Still broken.", quoteStart: "On Mon, Dec 1, 2026 at 10:00 AM Very Long Support Team Name <"),
        Row(
            name: "Gmail Russian",
            text:
                "Спасибо, заработало.\n\nпн, 1 дек. 2026 г. в 10:00, Служба поддержки <desk@desk.example>:\n> Перезагрузите принтер.\n",
            reply: "Спасибо, заработало.",
            quoteStart: "пн, 1 дек. 2026 г. в 10:00, Служба поддержки <desk@desk.example>:"),
        Row(
            name: "Gmail Russian wrapped",
            text:
                "Не помогло.\n\nпн, 1 дек. 2026 г. в 10:00, Служба технической поддержки компании <\nsupport@desk.example>:\n\n> Перезагрузите принтер.\n",
            reply: "Не помогло.", quoteStart: "пн, 1 дек. 2026 г. в 10:00, Служба технической поддержки компании <"),
        Row(
            name: "Thunderbird Russian пишет",
            text:
                "Добрый день!\nПринтер снова не печатает.\n\n01.12.2026 10:00, Служба поддержки пишет:\n> Заявка закрыта.\n",
            reply: "Добрый день!\nПринтер снова не печатает.", quoteStart: "01.12.2026 10:00, Служба поддержки пишет:"),
        Row(
            name: "Thunderbird English",
            text: "It works.\n\n12/1/26 10:00 AM, Help Desk wrote:\n> Fixed.\n",
            reply: "It works.", quoteStart: "12/1/26 10:00 AM, Help Desk wrote:"),
        Row(
            name: "Yandex",
            text:
                "Здравствуйте.\nПроблема осталась.\n\n01.12.2026, 10:00, \"Служба поддержки\" <desk@desk.example>:\n> Проверьте кабель.\n",
            reply: "Здравствуйте.\nПроблема осталась.",
            quoteStart: "01.12.2026, 10:00, \"Служба поддержки\" <desk@desk.example>:"),
        Row(
            name: "Yandex написал(а)",
            text:
                "Готово.\n\n1 декабря 2026 г., 10:00 пользователь Иван Петров <ivan@yandex.ru> написал(а):\n> Сделайте, пожалуйста.\n",
            reply: "Готово.",
            quoteStart: "1 декабря 2026 г., 10:00 пользователь Иван Петров <ivan@yandex.ru> написал(а):"),
        Row(
            name: "Mail.ru",
            text:
                "Добрый день, пришлите мастера.\n\nПонедельник, 1 декабря 2026, 10:00 +03:00 от Иван <a@b.ru>:\n> Опишите проблему.\n",
            reply: "Добрый день, пришлите мастера.",
            quoteStart: "Понедельник, 1 декабря 2026, 10:00 +03:00 от Иван <a@b.ru>:"),
        Row(
            name: "Mail.ru with mobile signature",
            text:
                "Жду мастера завтра.\n\n--\nОтправлено из мобильной почты Mail.ru\n\nПонедельник, 1 декабря 2026, 10:00 +03:00 от Служба поддержки <desk@desk.example>:\n>Когда удобно?\n",
            reply: "Жду мастера завтра.",
            quoteStart: "Понедельник, 1 декабря 2026, 10:00 +03:00 от Служба поддержки <desk@desk.example>:",
            signature: "--\nОтправлено из мобильной почты Mail.ru"),
        Row(
            name: "Outlook English header block",
            text:
                "Please escalate.\r\n\r\nFrom: Help Desk <desk@desk.example>\r\nSent: Monday, December 1, 2026 10:00 AM\r\nTo: Ivan\r\nSubject: Printer\r\n\r\nWe are on it.\r\n",
            reply: "Please escalate.", quoteStart: "From: Help Desk <desk@desk.example>"),
        Row(
            name: "Outlook Russian header block",
            text:
                "Спасибо, всё работает.\n\nОт: Служба поддержки <desk@desk.example>\nОтправлено: 1 декабря 2026 г. 10:00\nКому: Иван Петров\nТема: Принтер\n\nЗаявка выполнена.\n",
            reply: "Спасибо, всё работает.", quoteStart: "От: Служба поддержки <desk@desk.example>"),
        Row(
            name: "Outlook Original Message",
            text: "See below.\n\n-----Original Message-----\nFrom: Help Desk\nSent: Monday\nPlease confirm.\n",
            reply: "See below.", quoteStart: "-----Original Message-----"),
        Row(
            name: "Outlook Исходное сообщение",
            text: "Подтверждаю.\n\n-----Исходное сообщение-----\nОт: Служба поддержки\nПодтвердите.\n",
            reply: "Подтверждаю.", quoteStart: "-----Исходное сообщение-----"),
        Row(
            name: "Outlook underline then From",
            text:
                "Ok, thanks.\n\n________________________________\nFrom: Help Desk <desk@desk.example>\nSent: Monday\n",
            reply: "Ok, thanks.", quoteStart: "________________________________"),
        Row(
            name: "Outlook underline then От with bold",
            text: "Принято.\n\n________________________________\n*От:* Служба поддержки\n*Дата:* 1 декабря\n",
            reply: "Принято.", quoteStart: "________________________________"),
        Row(
            name: "Apple Mail",
            text:
                "Works now.\n\nSent from my iPhone\n\n> On 1 Dec 2026, at 10:00, Help Desk <desk@desk.example> wrote:\n> \n> Try again.\n",
            reply: "Works now.", quoteStart: "> On 1 Dec 2026, at 10:00, Help Desk <desk@desk.example> wrote:",
            signature: "Sent from my iPhone"),
        Row(
            name: "Apple Mail Russian",
            text:
                "Ок.\n\nОтправлено с iPhone\n\n> 1 дек. 2026 г., в 10:00, Служба поддержки <desk@desk.example> написал(а):\n> \n> Проверьте.\n",
            reply: "Ок.", quoteStart: "> 1 дек. 2026 г., в 10:00, Служба поддержки <desk@desk.example> написал(а):",
            signature: "Отправлено с iPhone"),
        Row(
            name: "Trailing > block only",
            text: "Yes, tomorrow at 10.\n\n> When can we come?\n> Help Desk\n",
            reply: "Yes, tomorrow at 10.", quoteStart: "> When can we come?"),
        Row(
            name: "Inline answers keep the interleaved quote",
            text: "> Is it on?\nYes.\n> Is it plugged in?\nYes, it is.\n",
            reply: "> Is it on?\nYes.\n> Is it plugged in?\nYes, it is."),
        Row(
            name: "dash-dash-space signature",
            text: "Please call me.\n\n-- \nIvan Petrov\nRomashka LLC\n+7 495 123-45-67\n",
            reply: "Please call me.", signature: "-- \nIvan Petrov\nRomashka LLC\n+7 495 123-45-67"),
        Row(
            name: "С уважением with a name block",
            text:
                "Добрый день!\nНе работает VPN с утра.\n\nС уважением,\nИван Петров\nООО «Ромашка»\nтел. +7 495 123-45-67\n",
            reply: "Добрый день!\nНе работает VPN с утра.",
            signature: "С уважением,\nИван Петров\nООО «Ромашка»\nтел. +7 495 123-45-67"),
        Row(
            name: "С уважением and the name on one line",
            text: "Прошу выдать доступ к папке «Бухгалтерия».\nС уважением, Иван Петров\n",
            reply: "Прошу выдать доступ к папке «Бухгалтерия».", signature: "С уважением, Иван Петров"),
        Row(
            name: "Best regards",
            text: "The invoice is attached.\n\nBest regards,\nJohn Smith\nAcme Ltd.\n",
            reply: "The invoice is attached.", signature: "Best regards,\nJohn Smith\nAcme Ltd."),
        Row(
            name: "Regards then quote",
            text:
                "Done.\n\nRegards,\nJohn\n\nOn Tue, Dec 2, 2026 at 9:00 AM Help Desk <desk@desk.example> wrote:\n> Anything else?\n",
            reply: "Done.", quoteStart: "On Tue, Dec 2, 2026 at 9:00 AM Help Desk <desk@desk.example> wrote:",
            signature: "Regards,\nJohn"),
        Row(
            name: "Спасибо with a name",
            text: "Пароль не подходит, сбросьте, пожалуйста.\n\nСпасибо,\nМария\n",
            reply: "Пароль не подходит, сбросьте, пожалуйста.", signature: "Спасибо,\nМария"),
        Row(
            name: "Спасибо as the last words stays",
            text: "Всё заработало.\nСпасибо!\n",
            reply: "Всё заработало.\nСпасибо!"),
        Row(
            name: "С уважением in the middle of a long text stays",
            text:
                "Добрый день!\nС уважением к вашему времени, коротко:\nС уважением,\nмы обсудили проблему на совещании и решили,\nчто принтер в бухгалтерии нужно заменить до конца месяца,\nпотому что ремонтировать его уже нет смысла.\nПрошу согласовать закупку у руководителя отдела.\nБюджет уже выделен в рамках плана на декабрь.\nСрок поставки — не позднее 20 декабря.\nОтветственный — Иван Петров.\n",
            reply:
                "Добрый день!\nС уважением к вашему времени, коротко:\nС уважением,\nмы обсудили проблему на совещании и решили,\nчто принтер в бухгалтерии нужно заменить до конца месяца,\nпотому что ремонтировать его уже нет смысла.\nПрошу согласовать закупку у руководителя отдела.\nБюджет уже выделен в рамках плана на декабрь.\nСрок поставки — не позднее 20 декабря.\nОтветственный — Иван Петров."
        ),
        Row(
            name: "Sent from my Android",
            text: "Can't log in.\n\nSent from my Android device\n",
            reply: "Can't log in.", signature: "Sent from my Android device"),
        Row(
            name: "Отправлено с Яндекс.Почты",
            text: "Пришлите счёт.\n\n-- \nОтправлено с Яндекс.Почты\n",
            reply: "Пришлите счёт.", signature: "-- \nОтправлено с Яндекс.Почты"),
        Row(
            name: "Forwarded message is content",
            text:
                "See the letter from the bank below.\n\n---------- Forwarded message ---------\nFrom: Bank <noreply@bank.example>\nDate: Mon, Dec 1, 2026\nSubject: Payment\n\nYour payment failed.\n",
            reply:
                "See the letter from the bank below.\n\n---------- Forwarded message ---------\nFrom: Bank <noreply@bank.example>\nDate: Mon, Dec 1, 2026\nSubject: Payment\n\nYour payment failed."
        ),
        Row(
            name: "A whole quote is kept",
            text: "On Mon, Dec 1, 2026 at 10:00 AM Help Desk <desk@desk.example> wrote:\n> Please restart it.\n",
            reply: "On Mon, Dec 1, 2026 at 10:00 AM Help Desk <desk@desk.example> wrote:\n> Please restart it."),
        Row(
            name: "wrote: without a date is a sentence",
            text: "My manager wrote:\nwe need two more licences.\n",
            reply: "My manager wrote:\nwe need two more licences."),
        Row(
            name: "A From: line without Sent: is content",
            text: "Hello,\nFrom: the second floor, nothing works.\nPlease help.\n",
            reply: "Hello,\nFrom: the second floor, nothing works.\nPlease help."),
    ]

    @Test(arguments: rows) func split(_ row: Row) {
        let split = ReplyText.split(row.text)
        #expect(split.reply == row.reply)
        #expect(split.quote?.components(separatedBy: .newlines).first == row.quoteStart)
        #expect(split.signature == row.signature)
    }

    @Test func theTableIsLargeEnough() {
        #expect(Self.rows.count >= 25)
        #expect(Self.rows.filter { $0.text.contains { ("а"..."я").contains($0) } }.count >= 12)
    }
}
