import Testing

@testable import Mail

@Suite("Mail parsing: text, HTML and attachments")
struct BodySelectionTests {
    @Test func htmlOnlyMailBecomesText() {
        let message = parseMail(
            """
            Content-Type: text/html; charset=utf-8

            <html><body><p>Добрый&nbsp;день!</p><p>Принтер <i>снова</i><br>не печатает.</p></body></html>
            """)
        #expect(message.text == "Добрый день!\n\nПринтер снова\nне печатает.")
        #expect(message.html?.hasPrefix("<html>") == true)
        #expect(message.attachments.isEmpty)
    }

    @Test func blankPlainBesideHTMLFallsBackToTheHTML() {
        let message = parseMail(
            """
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            \("  ")
            --a
            Content-Type: text/html

            <p>real text</p>
            --a--
            """)
        #expect(message.text == "real text")
        #expect(message.attachments.isEmpty)
    }

    @Test func flowedTextIsUnwrapped() {
        let message = parseMail(
            "Content-Type: text/plain; format=flowed; charset=utf-8\r\n\r\nThis line \r\nflows on.\r\n>quoted \r\n>text\r\n \r\nFrom here\r\n-- \r\nsig\r\n"
        )
        #expect(message.text == "This line flows on.\n> quoted text\n\nFrom here\n-- \nsig\n")
        let deleted = parseMail("Content-Type: text/plain; format=flowed; delsp=yes\n\nsplit wo \nrd\n")
        #expect(deleted.text == "split word\n")
    }

    @Test func attachmentsNamesAndInlineParts() {
        let message = parseMail(
            """
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html

            <p>see <img src="cid:img1@x"></p>
            --r
            Content-Type: image/jpeg
            Content-ID: <img1@x>
            Content-Transfer-Encoding: base64

            /9j/
            --r--
            --m
            Content-Type: text/plain; name="log.txt"

            log line
            --m
            Content-Type: text/plain
            Content-Disposition: attachment

            second text
            --m
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="=?utf-8?Q?=D0=B0=D0=BA=D1=82.bin?="

            x
            --m
            Content-Type: application/x-custom

            y
            --m--
            """)
        #expect(message.text == "see")
        #expect(
            message.attachments.map(\.fileName) == [
                "attachment-1.jpg", "log.txt", "attachment-3.txt", "акт.bin", "attachment-5.custom",
            ])
        #expect(message.attachments.map(\.isInline) == [true, false, false, false, false])
        #expect(message.attachments[0].bytes == [0xFF, 0xD8, 0xFF])
        #expect(message.attachments[0].contentID == "img1@x")
    }

    @Test func inlineNamedTextIsTheBody() {
        let message = parseMail(
            """
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain; name="body.txt"
            Content-Disposition: inline; filename="body.txt"

            inline body
            --m--
            """)
        #expect(message.text == "inline body")
        #expect(message.attachments.isEmpty)
    }
}
