import Foundation
import Mail

/// The letters of the demo's day, written as real mail clients write them: Anna's first letter
/// from Outlook in windows-1251, her reply quoting the desk's receipt, an absence notice.
enum DemoLetters {
    /// `text` in windows-1251 (every character of the demo's letters has a byte there).
    static func windows1251(_ text: String) -> [UInt8] {
        LegacyText.encode(text, charset: "windows-1251") ?? Array(text.utf8)
    }

    /// An RFC 2047 B encoded-word of `text` in windows-1251.
    static func encodedWord(_ text: String) -> String {
        "=?windows-1251?B?\(Data(windows1251(text)).base64EncodedString())?="
    }

    /// `bytes` as quoted-printable lines of at most 76 characters.
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var out = ""
        var line = ""
        for byte in bytes {
            if byte == 0x0A {
                out += line + "\r\n"
                line = ""
                continue
            }
            let piece = byte == 0x3D || byte >= 0x80 || byte < 0x20 ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
            if line.count + piece.count > 75 {
                out += line + "=\r\n"
                line = ""
            }
            line += piece
        }
        return out + line
    }

    /// `instant` as an RFC 5322 date on Moscow time.
    static func date(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = DemoTime.zone
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter.string(from: instant)
    }

    /// Anna's 08:42 letter: Outlook, windows-1251, quoted-printable, a screenshot attached.
    static func firstLetter(at instant: Date) -> [UInt8] {
        let body = quotedPrintable(
            windows1251(
                """
                Здравствуйте!

                С утра не могу войти в CRM: после ввода пароля пишет «ошибка входа».
                Скриншот во вложении.

                --
                Анна Смит, бухгалтерия «Акме»
                """))
        let text = """
            Return-Path: <anna.smith@acme.example>\r
            From: \(encodedWord("Анна Смит")) <anna.smith@acme.example>\r
            To: "Service desk" <support@servicedesk.example>\r
            Subject: \(encodedWord("Не могу войти в CRM"))\r
            Date: \(date(instant))\r
            Message-ID: <crm-login@acme.example>\r
            X-Mailer: Microsoft Outlook 16.0\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed;\r
            \tboundary="----=_NextPart_000_0001_01DA"\r
            \r
            This is a multi-part message in MIME format.\r
            \r
            ------=_NextPart_000_0001_01DA\r
            Content-Type: text/plain;\r
            \tcharset="windows-1251"\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            \(body)\r
            ------=_NextPart_000_0001_01DA\r
            Content-Type: image/png;\r
            \tname="\(encodedWord("ошибка.png"))"\r
            Content-Disposition: attachment;\r
            \tfilename="\(encodedWord("ошибка.png"))"\r
            Content-Transfer-Encoding: base64\r
            \r
            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r
            ------=_NextPart_000_0001_01DA--\r

            """
        return Array(text.utf8)
    }

    /// Anna's 10:05 reply to the desk's message `inReplyTo`, quoting it, with her signature (UTF-8, Yandex-style).
    static func reply(to inReplyTo: String, subject: String, at instant: Date) -> [UInt8] {
        let text = """
            From: Anna Smith <anna.smith@acme.example>\r
            To: support@servicedesk.example\r
            Subject: Re: \(subject)\r
            Date: \(date(instant))\r
            Message-ID: <crm-login-2@acme.example>\r
            In-Reply-To: <\(inReplyTo)>\r
            References: <crm-login@acme.example> <\(inReplyTo)>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Логин asmith, пишет «учётная запись заблокирована».\r
            \r
            --\r
            Анна Смит\r
            \r
            09.03.2026, 09:10, "Service desk" <support@servicedesk.example>:\r
            > Which username do you sign in with, and what does the error say?\r

            """
        return Array(text.utf8)
    }

    /// Anna's mailbox answering the desk while she is in a meeting.
    static func absence(to inReplyTo: String, subject: String, at instant: Date) -> [UInt8] {
        let text = """
            From: Anna Smith <anna.smith@acme.example>\r
            To: support@servicedesk.example\r
            Subject: \(encodedWord("Автоответ")): \(subject)\r
            Date: \(date(instant))\r
            Message-ID: <auto-1@acme.example>\r
            In-Reply-To: <\(inReplyTo)>\r
            Auto-Submitted: auto-replied\r
            X-Auto-Response-Suppress: All\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Я на совещании до 12:00 и отвечу после.\r

            """
        return Array(text.utf8)
    }
}
