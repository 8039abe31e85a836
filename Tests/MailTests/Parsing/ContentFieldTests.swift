import Testing

@testable import Mail

@Suite("Mail parsing: content fields")
struct ContentFieldTests {
    func field(_ text: String, mediaType: Bool = true) -> ContentField {
        var problems: [MailProblem] = []
        return Array(text.utf8).withUnsafeBufferPointer {
            ContentField.parse(
                $0, isMediaType: mediaType, decoder: HeaderTextDecoder(), field: "Content-Type", problems: &problems)
        }
    }

    @Test func typesAndPlainParameters() {
        let content = field("Text/HTML (comment) ; Charset = \"UTF-8\" ; format=flowed;boundary=\"a;b \\\"c\"")
        #expect(content.value == "text/html")
        #expect(content.parameters == ["charset": "UTF-8", "format": "flowed", "boundary": "a;b \"c"])
        #expect(content.boundary == Array("a;b \"c".utf8))
        #expect(field("multipart/mixed; boundary=----=_Part_0_1.2/3").boundary == Array("----=_Part_0_1.2/3".utf8))
        #expect(field("text").value == nil)
        #expect(field("attachment; filename=report.pdf", mediaType: false).value == "attachment")
        #expect(field("; ; =; x=; =y; garbage").value == nil)
    }

    @Test func rfc2231ValuesAndContinuations() {
        #expect(field("application/pdf; name*=utf-8''%D1%81%D1%87%D1%91%D1%82.pdf").parameters["name"] == "счёт.pdf")
        #expect(field("application/pdf; name*=windows-1251'ru'%F1%F7%E5%F2.pdf").parameters["name"] == "счет.pdf")
        #expect(field("a/b; name*1=\"second\"; name*0=\"first-\"").parameters["name"] == "first-second")
        #expect(field("a/b; name*0*=utf-8''%D0%B0; name*1=\"b\"; name*2*=%D0%B2").parameters["name"] == "аbв")
        #expect(field("a/b; name*=''plain%20name").parameters["name"] == "plain name")
        #expect(field("a/b; name*=x-unknown''%D0%B0").parameters["name"] == "а")  // unknown charset: guessed
        #expect(field("a/b; name=\"old.txt\"; name*=utf-8''new.txt").parameters["name"] == "new.txt")
        #expect(field("a/b; name*99999999999999999999=x").parameters["name"] == nil)
    }

    @Test func encodedWordsInQuotedValues() {
        #expect(field("a/b; name=\"=?utf-8?B?0YHRh9GR0YIucGRm?=\"").parameters["name"] == "счёт.pdf")
        #expect(field("a/b; name==?utf-8?Q?=D0=B0?=").parameters["name"] == "а")
    }
}
