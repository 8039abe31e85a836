import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// What one run of an entry did.
enum Outcome: Sendable, CustomStringConvertible {
    /// It succeeded and returned these tickets (empty for anything but a ticket list).
    case returned([Ticket])
    /// It threw a typed engine error.
    case refused(HelpDeskError)
    /// It threw something else: always a defect.
    case otherError(String)

    static func of(_ body: () async throws -> [Ticket]) async -> Outcome {
        do {
            return .returned(try await body())
        } catch let error as HelpDeskError {
            return .refused(error)
        } catch {
            return .otherError("\(type(of: error)): \(error)")
        }
    }

    var description: String {
        switch self {
        case .returned(let tickets): "succeeded (\(tickets.count) tickets)"
        case .refused(let error): "refused with \(error.code): \(error.message)"
        case .otherError(let text): "threw a non-HelpDeskError \(text)"
        }
    }
}

/// What a run must produce.
enum Expected: Sendable, CustomStringConvertible {
    /// Exactly this error (reasons compared).
    case error(HelpDeskError)
    /// ``HelpDeskError/Code/forbidden`` naming this performer.
    case forbidden(Performer)
    /// Success, returning exactly these tickets (a narrowed ticket list).
    case tickets(Set<TicketID>)
    /// Success.
    case allowed

    var description: String {
        switch self {
        case .error(let error): "\(error.code): \(error.message)"
        case .forbidden(let performer): "forbidden for \(performer)"
        case .tickets(let ids): "exactly \(ids.count) tickets"
        case .allowed: "success"
        }
    }
}

enum AccessCheck {
    /// The codes a refused hostile call may carry.
    static let refusalCodes: Set<HelpDeskError.Code> = [.forbidden, .notFound, .rejected]

    /// Records an issue unless `outcome` is what `expected` says.
    static func expect(
        _ outcome: Outcome, _ expected: Expected, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let fail = { (why: String) -> Void in
            Issue.record("\(context): expected \(expected), but it \(outcome)\(why)", sourceLocation: sourceLocation)
        }
        switch (expected, outcome) {
        case (_, .otherError):
            fail("")
        case (.error(let wanted), .refused(let error)):
            if error != wanted { fail("") }
            if !refusalCodes.contains(error.code) { fail(" (code not forbidden/notFound/rejected)") }
        case (.forbidden(let performer), .refused(let error)):
            guard error.code == .forbidden, case .forbidden(let who, _) = error.reason, who == performer else {
                fail("")
                return
            }
        case (.tickets(let wanted), .returned(let tickets)):
            let got = Set(tickets.map(\.id))
            let strays = tickets.filter { !wanted.contains($0.id) }
            if !strays.isEmpty { fail(": it leaked \(strays.map { "\($0.number) (\($0.title))" })") }
            if got.count != tickets.count { fail(": it returned a ticket twice") }
            if !wanted.subtracting(got).isEmpty { fail(": it omitted \(wanted.subtracting(got).count) of them") }
        case (.allowed, .returned):
            break
        default:
            fail("")
        }
    }

    /// Runs `body`, expecting it to record issues when `hole` describes a known hole.
    static func withHole(_ hole: String?, _ body: () async throws -> Void) async rethrows {
        if let hole {
            await withKnownIssue(Comment(rawValue: "known hole: " + hole)) { try await body() }
        } else {
            try await body()
        }
    }
}
