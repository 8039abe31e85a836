import Foundation
import Testing

@testable import Mail

@Suite("Mail renderer: MIME structure")
struct MimeStructureTests {
    /// A rendered entity read back: its fields and, for a multipart, its children.
    struct Entity {
        var fields: [(name: String, value: String)]
        var body: [UInt8]
        var children: [Entity]

        func field(_ name: String) -> String? { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        var type: String { field("Content-Type") ?? "" }

        init(_ bytes: [UInt8]) {
            let (lines, body) = RenderTestReader.split(bytes)
            fields = RenderTestReader.fields(lines)
            self.body = body
            children = []
            let type = fields.first { $0.name == "Content-Type" }?.value ?? ""
            guard type.hasPrefix("multipart/"), let range = type.range(of: "boundary=\"") else { return }
            let boundary = String(type[range.upperBound...].prefix { $0 != "\"" })
            let delimiter = "\r\n--" + boundary
            let text = "\r\n" + String(decoding: body, as: UTF8.self)
            var pieces = text.components(separatedBy: delimiter)
            #expect(pieces.last == "--" || pieces.last == "--\r\n", "closing delimiter")
            pieces.removeFirst()
            pieces.removeLast()
            children = pieces.map { Entity(Array($0.utf8.dropFirst(2))) }
        }

        var decoded: [UInt8] {
            switch field("Content-Transfer-Encoding") {
            case "base64": RenderTestReader.base64(body)
            case "quoted-printable": RenderTestReader.quotedPrintable(body)
            default: body
            }
        }
    }

    static let png = MailAttachment(
        fileName: "logo.png", mediaType: "image/png", contentID: "logo@desk", isInline: true, bytes: Array(0...255))
    static let report = MailAttachment(
        fileName: "Отчёт за ноябрь 2026 года — финальная версия (подписанная).pdf", mediaType: "Application/PDF",
        bytes: Array(repeating: 0x25, count: 1_000))

    @Test func textOnlyIsOnePart() {
        let mail = MailRendererTests.mail(text: "Принтер починили.\nFrom now on it works.\n")
        let root = Entity(MailRenderer.render(mail))
        #expect(root.type == "text/plain; charset=utf-8")
        #expect(root.field("Content-Transfer-Encoding") == "quoted-printable")
        #expect(String(decoding: root.decoded, as: UTF8.self) == "Принтер починили.\r\nFrom now on it works.\r\n")
        let noNewline = Entity(MailRenderer.render(MailRendererTests.mail(text: "Готово")))
        #expect(String(decoding: noNewline.decoded, as: UTF8.self) == "Готово")
    }

    @Test func htmlMakesAnAlternativeAndInlineImagesARelated() {
        let mail = MailRendererTests.mail(
            text: "Hi", html: "<p>Hi <img src=\"cid:logo@desk\"></p>", attachments: [Self.png, Self.report])
        let root = Entity(MailRenderer.render(mail))
        #expect(root.type.hasPrefix("multipart/mixed;"))
        #expect(root.children.count == 2)
        let alternative = root.children[0]
        #expect(alternative.type.hasPrefix("multipart/alternative;"))
        #expect(alternative.children.map { String($0.type.prefix(17)) } == ["text/plain; chars", "multipart/related"])
        let related = alternative.children[1]
        #expect(related.type.contains("type=\"text/html\""))
        #expect(related.children[0].type == "text/html; charset=utf-8")
        #expect(String(decoding: related.children[0].decoded, as: UTF8.self) == "<p>Hi <img src=\"cid:logo@desk\"></p>")
        let image = related.children[1]
        #expect(image.type == "image/png; name=\"logo.png\"")
        #expect(image.field("Content-Disposition") == "inline; filename=\"logo.png\"")
        #expect(image.field("Content-ID") == "<logo@desk>")
        #expect(image.decoded == Array(0...255))
        let pdf = root.children[1]
        #expect(pdf.type.hasPrefix("application/pdf; name=\"=?utf-8?B?"))
        #expect(
            RenderTestReader.decodeWords(String(pdf.type.dropFirst("application/pdf; name=\"".count).dropLast()))
                == Self.report.fileName)
        let disposition = pdf.field("Content-Disposition") ?? ""
        #expect(disposition.hasPrefix("attachment; filename*0*=utf-8''%D0%9E"))
        var joined = ""
        for piece in disposition.components(separatedBy: "; ").dropFirst() {
            joined += piece.components(separatedBy: "=").dropFirst().joined(separator: "=")
        }
        #expect(joined.dropFirst("utf-8''".count).removingPercentEncoding == Self.report.fileName)
        #expect(pdf.decoded == Self.report.bytes)
        let lines = String(decoding: MailRenderer.render(mail), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.filter { $0.utf8.count > 78 })")
    }

    @Test func htmlWithoutImagesIsAnAlternative() {
        let root = Entity(MailRenderer.render(MailRendererTests.mail(text: "Hi", html: "<b>Hi</b>")))
        #expect(root.type.hasPrefix("multipart/alternative;"))
        #expect(root.children.map(\.type) == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
        #expect(root.children.map { String(decoding: $0.decoded, as: UTF8.self) } == ["Hi", "<b>Hi</b>"])
    }

    @Test func aBoundaryFoundInTheContentIsReplaced() {
        let seed = "ticket.42.event.9@desk.example"
        let first = MimeWriter.boundary(seed: seed, salt: "alternative", attempt: 0)
        let text = "a 7bit text quoting --\(first) on purpose"
        #expect(MailEncoders.isSevenBitSafe(text))
        let root = Entity(MailRenderer.render(MailRendererTests.mail(text: text, html: "<p>x</p>")))
        #expect(!root.type.contains(first))
        #expect(root.type.contains(MimeWriter.boundary(seed: seed, salt: "alternative", attempt: 1)))
        #expect(String(decoding: root.children[0].decoded, as: UTF8.self) == text)
        #expect(MimeWriter.boundary(seed: "other@x", salt: "alternative", attempt: 0) != first)
    }

    @Test func oddMediaTypesAndNamesAreTamed() {
        #expect(MimeWriter.mediaType("IMAGE/Png") == "image/png")
        for bad in [
            "", "image", "image/", "/png", "a/b/c", "multipart/mixed", "message/rfc822", "te xt/plain", "text/pl;ain",
        ] {
            #expect(MimeWriter.mediaType(bad) == "application/octet-stream", "\(bad)")
        }
        let quoted = MailAttachment(fileName: "a \"b\" \\c.txt", mediaType: "text/plain", bytes: [65])
        let nameless = MailAttachment(fileName: "", mediaType: "text/plain", bytes: [])
        let root = Entity(MailRenderer.render(MailRendererTests.mail(attachments: [quoted, nameless])))
        #expect(root.children[1].field("Content-Disposition") == "attachment; filename=\"a \\\"b\\\" \\\\c.txt\"")
        #expect(root.children[2].field("Content-Disposition") == "attachment")
        #expect(root.children[2].type == "text/plain")
        #expect(root.children[2].decoded == [])
    }
}
