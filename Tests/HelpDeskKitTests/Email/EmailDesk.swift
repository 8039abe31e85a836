import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Mail

/// A desk with one client company for the email tests: Severstal Service with Ivan (files tickets),
/// Olga (his colleague) and Petr (may not file tickets).
struct EmailDesk {
    let test: TestDesk
    let company: Company
    let ivan: Contact
    let olga: Contact
    let petr: Contact
    var desk: HelpDesk { test.desk }

    static func make(
        store: any HelpDeskStore = InMemoryStore(), _ configure: (inout EmailSettings) -> Void = { _ in }
    ) async throws -> EmailDesk {
        var configuration = HelpDeskConfiguration()
        configure(&configuration.email)
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Северсталь-Сервис"), by: .system)
        func contact(_ name: String, _ email: String, files: Bool = true) async throws -> Contact {
            try await desk.addContact(
                NewContact(companyID: company.id, name: name, email: email, mayFileTickets: files), by: .system)
        }
        return EmailDesk(
            test: test, company: company, ivan: try await contact("Иван Петров", "ivan@severstal.example"),
            olga: try await contact("Ольга Смирнова", "olga@severstal.example"),
            petr: try await contact("Пётр Сидоров", "petr@severstal.example", files: false))
    }

    /// Receives `raw` as the mail gateway.
    func receive(_ raw: [UInt8]) async throws -> EmailReceipt { try await desk.receiveEmail(raw) }

    /// The ticket a receipt names.
    func ticket(of receipt: EmailReceipt) async throws -> Ticket {
        guard let id = receipt.record.outcome.ticketID else { throw EmailTestError.noTicket(receipt.record.outcome) }
        return try await desk.ticket(id, as: .system)
    }
}

enum EmailTestError: Error { case noTicket(EmailOutcome) }

/// Builds test letters.
enum Letter {
    /// `text` in windows-1251.
    static func windows1251(_ text: String) -> [UInt8] {
        LegacyText.encode(text, charset: "windows-1251") ?? []
    }

    /// A plain UTF-8 letter; `headers` are added as written.
    static func plain(
        from: String, subject: String, id: String, body: String, headers: [String] = [], to: String = "support@desk.example"
    ) -> [UInt8] {
        var lines = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Message-ID: <\(id)>"]
        lines += headers
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        return Array((lines.joined(separator: "\r\n") + "\r\n" + body + "\r\n").utf8)
    }
}
