import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension RejectionCatalog {
    static let conversationCases: [RejectionCase] = [
        RejectionCase("comment: blank body without files", { _ in .invalidInput(field: "body", problem: .blank) }) {
            f in
            _ = try await f.desk.comment(on: f.open.id, NewComment(" \n"), by: f.anna)
        },
        RejectionCase("comment: too long", { _ in .invalidInput(field: "body", problem: .tooLong(maximum: 200)) }) {
            f in
            _ = try await f.desk.comment(on: f.open.id, NewComment(String(repeating: "y", count: 201)), by: f.anna)
        },
        RejectionCase("comment: a client writes an internal note", { _ in .clientCannotWriteInternalNote }) { f in
            _ = try await f.desk.comment(
                on: f.open.id, NewComment("psst", visibility: .internal), by: .client(name: "Ivan Petrov"))
        },
        RejectionCase("comment: blank client name", { _ in .invalidInput(field: "performer", problem: .blank) }) { f in
            _ = try await f.desk.comment(on: f.open.id, NewComment("hi"), by: .client(name: ""))
        },
        RejectionCase("comment: closed ticket", { f in .ticketLocked(f.closed.number, status: .closed) }) { f in
            _ = try await f.desk.comment(on: f.closed.id, NewComment("hi"), by: .client(name: "Ivan Petrov"))
        },
        RejectionCase(
            "comment: malformed checksum",
            { _ in .invalidInput(field: "attachment.checksum", problem: .malformed(expected: "algorithm:hex")) }
        ) { f in
            let file = Attachment(fileName: "a.txt", mediaType: "text/plain", byteCount: 1, checksum: "sha256:xyz")
            _ = try await f.desk.comment(on: f.open.id, NewComment("file", attachments: [file]), by: f.anna)
        },
        RejectionCase("watch: unknown employee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.addWatchers([f.test.boris.id, unknownEmployee], to: f.open.id, by: f.anna)
        },
        RejectionCase("unwatch: unknown ticket", { _ in .ticketNotFound(unknownTicket) }) { f in
            _ = try await f.desk.removeWatchers([f.test.boris.id], from: unknownTicket, by: f.anna)
        },
        RejectionCase("attach: nothing", { _ in .invalidInput(field: "attachments", problem: .blank) }) { f in
            _ = try await f.desk.attach([], to: f.open.id, by: f.anna)
        },
        RejectionCase(
            "attach: a path instead of a name",
            { _ in
                .invalidInput(field: "attachment.fileName", problem: .malformed(expected: "a name without directories"))
            }
        ) { f in
            let file = Attachment(
                fileName: "../etc/passwd", mediaType: "text/plain", byteCount: 1, checksum: "sha256:00")
            _ = try await f.desk.attach([file], to: f.open.id, by: f.anna)
        },
        RejectionCase(
            "attach: negative size", { _ in .invalidInput(field: "attachment.byteCount", problem: .negative) }
        ) { f in
            let file = Attachment(fileName: "a.txt", mediaType: "text/plain", byteCount: -1, checksum: "sha256:00")
            _ = try await f.desk.attach([file], to: f.open.id, by: f.anna)
        },
        RejectionCase("link: to itself", { f in .selfReference(f.open.number) }) { f in
            try await f.desk.link(f.open.id, .related, to: f.open.id, by: f.anna)
        },
        RejectionCase("link: twice", { f in .alreadyLinked(f.open.number, f.other.number) }) { f in
            try await f.desk.link(f.open.id, .parent, to: f.other.id, by: f.anna)
        },
        RejectionCase("link: unknown ticket", { _ in .ticketNotFound(unknownTicket) }) { f in
            try await f.desk.link(f.open.id, .related, to: unknownTicket, by: f.anna)
        },
        RejectionCase("link: closed ticket", { f in .ticketLocked(f.closed.number, status: .closed) }) { f in
            try await f.desk.link(f.open.id, .child, to: f.closed.id, by: f.anna)
        },
        RejectionCase("unlink: not linked", { f in .notLinked(f.open.number, f.resolved.number) }) { f in
            try await f.desk.unlink(f.open.id, from: f.resolved.id, by: f.anna)
        },
        RejectionCase("merge: into itself", { f in .selfReference(f.open.number) }) { f in
            try await f.desk.merge(f.open.id, into: f.open.id, by: f.anna)
        },
        RejectionCase("merge: into a closed ticket", { f in .ticketLocked(f.closed.number, status: .closed) }) { f in
            try await f.desk.merge(f.open.id, into: f.closed.id, by: f.anna)
        },
        RejectionCase("merge: unknown source", { _ in .ticketNotFound(unknownTicket) }) { f in
            try await f.desk.merge(unknownTicket, into: f.open.id, by: f.anna)
        },
    ]

    static let directoryCases: [RejectionCase] = [
        RejectionCase("employee: blank name", { _ in .invalidInput(field: "name", problem: .blank) }) { f in
            _ = try await f.desk.addEmployee(NewEmployee(name: "", email: "x@example.com"), by: .system)
        },
        RejectionCase(
            "employee: malformed email",
            { _ in .invalidInput(field: "email", problem: .malformed(expected: "name@domain")) }
        ) { f in
            _ = try await f.desk.addEmployee(NewEmployee(name: "X", email: "not-an-email"), by: .system)
        },
        RejectionCase("employee: email in use, other case", { _ in .duplicateEmail("ANNA@service.example") }) { f in
            _ = try await f.desk.addEmployee(NewEmployee(name: "Anna 2", email: "ANNA@service.example"), by: .system)
        },
        RejectionCase("employee: unknown group", { _ in .groupNotFound(unknownGroup) }) { f in
            _ = try await f.desk.addEmployee(
                NewEmployee(name: "X", email: "x@example.com", groupIDs: [unknownGroup]), by: .system)
        },
        RejectionCase("employee: deactivate unknown", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.deactivateEmployee(unknownEmployee, by: .system)
        },
        RejectionCase("group: blank name", { _ in .invalidInput(field: "name", problem: .blank) }) { f in
            _ = try await f.desk.addGroup(named: "\t", by: .system)
        },
        RejectionCase("group: name in use", { _ in .duplicateName("service DESK") }) { f in
            _ = try await f.desk.addGroup(named: "service DESK", by: .system)
        },
        RejectionCase("category: sibling with the same name", { _ in .duplicateName("printers") }) { f in
            _ = try await f.desk.addCategory(NewServiceCategory(name: "printers"), by: .system)
        },
        RejectionCase("category: unknown parent", { _ in .categoryNotFound(unknownCategory) }) { f in
            _ = try await f.desk.addCategory(NewServiceCategory(name: "Toner", parentID: unknownCategory), by: .system)
        },
        RejectionCase(
            "category: default assignee outside the default group",
            { f in .assigneeNotInGroup(f.test.anna.id, f.test.fieldEngineers.id) }
        ) { f in
            _ = try await f.desk.addCategory(
                NewServiceCategory(
                    name: "Cabling", defaultAssigneeID: f.test.anna.id, defaultGroupID: f.test.fieldEngineers.id),
                by: .system)
        },
    ]
}
