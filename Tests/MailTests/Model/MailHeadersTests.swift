import Mail
import Testing

@Suite struct MailHeadersTests {
    @Test func namesCompareIgnoringASCIICase() {
        let headers = MailHeaders([
            MailHeader(name: "Received", value: "a"), MailHeader(name: "SUBJECT", value: "Принтер"),
            MailHeader(name: "received", value: "b"),
        ])
        #expect(headers["subject"] == "Принтер")
        #expect(headers.values("RECEIVED") == ["a", "b"])
        #expect(!headers.contains("Subject-X"))
        #expect(!"Subjecu".caseInsensitivelyEquals("subject"))
        #expect(!"[".caseInsensitivelyEquals("{"))  // 0x5B and 0x7B differ by 32 but are not letters
    }

    @Test func addressPartsSplitAtTheLastAt() {
        let address = MailAddress(name: "Иван", address: "\"a@b\"@Example.RU")
        #expect(address.domain == "Example.RU")
        #expect(address.localPart == "\"a@b\"")
        #expect(address.normalized == "\"a@b\"@example.ru")
        #expect(MailAddress(address: "nodomain").domain == "")
    }
}
