import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Every command with at least one invalid input, and the typed error it must raise.
enum RejectionCatalog {
    static let badFile = Attachment(fileName: "a.txt", mediaType: "text", byteCount: 1, checksum: "sha256:00")
    static var unknownTicket: TicketID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!) }
    static var unknownEmployee: EmployeeID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!) }
    static var unknownGroup: GroupID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000003")!) }
    static var unknownCategory: CategoryID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000004")!) }

    static func newTicket(_ change: (inout NewTicket) -> Void = { _ in }) -> NewTicket {
        var request = NewTicket(title: "Valid", channel: .phone, requester: .freeText("Ivan"))
        change(&request)
        return request
    }

    static let ticketCases: [RejectionCase] = [
        RejectionCase("create: blank title", { _ in .invalidInput(field: "title", problem: .blank) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.title = "  " }, by: f.anna)
        },
        RejectionCase("create: title too long", { _ in .invalidInput(field: "title", problem: .tooLong(maximum: 40)) })
        { f in
            _ = try await f.desk.createTicket(newTicket { $0.title = String(repeating: "x", count: 41) }, by: f.anna)
        },
        RejectionCase(
            "create: description too long",
            { _ in .invalidInput(field: "description", problem: .tooLong(maximum: 200)) }
        ) { f in
            _ = try await f.desk.createTicket(
                newTicket { $0.description = String(repeating: "x", count: 201) }, by: f.anna)
        },
        RejectionCase("create: blank requester", { _ in .invalidInput(field: "requester", problem: .blank) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.requester = .freeText("") }, by: f.anna)
        },
        RejectionCase("create: unknown category", { _ in .categoryNotFound(unknownCategory) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.categoryID = unknownCategory }, by: f.anna)
        },
        RejectionCase("create: unknown assignee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.assigneeID = unknownEmployee }, by: f.anna)
        },
        RejectionCase("create: inactive assignee", { f in .employeeInactive(f.test.former.id) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.assigneeID = f.test.former.id }, by: f.anna)
        },
        RejectionCase("create: unknown group", { _ in .groupNotFound(unknownGroup) }) { f in
            _ = try await f.desk.createTicket(newTicket { $0.groupID = unknownGroup }, by: f.anna)
        },
        RejectionCase(
            "create: assignee outside the group", { f in .assigneeNotInGroup(f.test.anna.id, f.test.fieldEngineers.id) }
        ) { f in
            _ = try await f.desk.createTicket(
                newTicket {
                    $0.assigneeID = f.test.anna.id
                    $0.groupID = f.test.fieldEngineers.id
                }, by: f.anna)
        },
        RejectionCase(
            "create: category default conflicts are checked too", { f in .employeeInactive(f.test.former.id) }
        ) { f in
            _ = try await f.desk.createTicket(newTicket { $0.watcherIDs = [f.test.former.id] }, by: f.anna)
        },
        RejectionCase(
            "create: malformed media type",
            { _ in .invalidInput(field: "attachment.mediaType", problem: .malformed(expected: "type/subtype")) }
        ) { f in
            _ = try await f.desk.createTicket(newTicket { $0.attachments = [badFile] }, by: f.anna)
        },
        RejectionCase("create: blank custom field key", { _ in .invalidInput(field: "customFields", problem: .blank) })
        { f in
            _ = try await f.desk.createTicket(newTicket { $0.customFields = [" ": .flag(true)] }, by: f.anna)
        },
        RejectionCase("create: by an inactive employee", { f in .employeeInactive(f.test.former.id) }) { f in
            _ = try await f.desk.createTicket(newTicket(), by: .employee(f.test.former.id))
        },
        RejectionCase("create: by an unknown employee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.createTicket(newTicket(), by: .employee(unknownEmployee))
        },
        RejectionCase("update: blank title", { _ in .invalidInput(field: "title", problem: .blank) }) { f in
            _ = try await f.desk.updateTicket(f.open.id, TicketUpdate(title: ""), by: f.anna)
        },
        RejectionCase("update: unknown category", { _ in .categoryNotFound(unknownCategory) }) { f in
            _ = try await f.desk.updateTicket(f.open.id, TicketUpdate(categoryID: unknownCategory), by: f.anna)
        },
        RejectionCase("update: unknown ticket", { _ in .ticketNotFound(unknownTicket) }) { f in
            _ = try await f.desk.updateTicket(unknownTicket, TicketUpdate(priority: .high), by: f.anna)
        },
        RejectionCase("update: closed ticket", { f in .ticketLocked(f.closed.number, status: .closed) }) { f in
            _ = try await f.desk.updateTicket(f.closed.id, TicketUpdate(priority: .high), by: f.anna)
        },
        RejectionCase(
            "assign: outside the group", { f in .assigneeNotInGroup(f.test.anna.id, f.test.fieldEngineers.id) }
        ) { f in
            _ = try await f.desk.assign(f.open.id, to: f.test.anna.id, group: f.test.fieldEngineers.id, by: f.anna)
        },
        RejectionCase("assign: inactive employee", { f in .employeeInactive(f.test.former.id) }) { f in
            _ = try await f.desk.assign(f.open.id, to: f.test.former.id, group: nil, by: f.anna)
        },
        RejectionCase("assign: unknown group", { _ in .groupNotFound(unknownGroup) }) { f in
            _ = try await f.desk.assign(f.open.id, to: nil, group: unknownGroup, by: f.anna)
        },
        RejectionCase("status: unknown code", { _ in .unknownStatus("done") }) { f in
            _ = try await f.desk.changeStatus(f.open.id, to: "done", by: f.anna)
        },
        RejectionCase(
            "status: transition not in the table",
            { f in .transitionNotAllowed(ticket: f.open.number, from: .new, to: .closed) }
        ) { f in
            _ = try await f.desk.changeStatus(f.open.id, to: .closed, by: f.anna)
        },
        RejectionCase("status: unknown ticket", { _ in .ticketNotFound(unknownTicket) }) { f in
            _ = try await f.desk.changeStatus(unknownTicket, to: .inProgress, by: f.anna)
        },
        RejectionCase(
            "postpone: instant not in the future",
            { _ in .invalidInput(field: "until", problem: .notInFuture(TestDesk.start)) }
        ) { f in
            _ = try await f.desk.postpone(f.open.id, until: TestDesk.start, by: f.anna)
        },
        RejectionCase(
            "postpone: from a status that may not be postponed",
            { f in .transitionNotAllowed(ticket: f.resolved.number, from: .resolved, to: .postponed) }
        ) { f in
            _ = try await f.desk.postpone(f.resolved.id, until: TestDesk.start.addingTimeInterval(86_400), by: f.anna)
        },
        RejectionCase(
            "postpone: to an instant outside the supported range",
            { _ in
                .invalidInput(field: "until", problem: .outOfRange(InstantRange.seconds))
            }
        ) { f in
            _ = try await f.desk.postpone(f.open.id, until: .distantFuture, by: f.anna)
        },
    ]
}
