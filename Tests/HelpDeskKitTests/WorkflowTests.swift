import Foundation
import HelpDeskKit
import Testing

@Suite("Workflow definitions")
struct WorkflowTests {
    static let statuses = Workflow.standard.statuses

    static func make(
        statuses: [TicketStatus] = statuses, transitions: [StatusCode: Set<StatusCode>] = Workflow.standard.transitions,
        initial: StatusCode = .new, postponed: StatusCode = .postponed, returnTo: StatusCode = .inProgress,
        merged: StatusCode = .closed, replies: [StatusCode: StatusCode] = [:]
    ) throws(WorkflowError) -> Workflow {
        try Workflow(
            statuses: statuses, transitions: transitions, initialStatus: initial, postponedStatus: postponed,
            returnToWorkStatus: returnTo, mergedStatus: merged, clientReplyTransitions: replies)
    }

    @Test func theStandardWorkflowHasOneStatusPerCategoryAndNoWayOutOfClosed() {
        let standard = Workflow.standard
        #expect(Set(standard.statuses.map(\.category)) == Set(StatusCategory.allCases))
        #expect(standard.transitions[.closed] == nil)
        #expect(standard.allows(from: .new, to: .inProgress))
        #expect(!standard.allows(from: .new, to: .closed))
        #expect(standard.allows(from: .resolved, to: .closed))
        #expect(standard.codes(in: [.waiting]) == [.waitingForClient, .postponed])
    }

    @Test func invalidDefinitionsAreTypedErrors() {
        let duplicate =
            Self.statuses + [TicketStatus(.new, agentLabel: "Again", customerLabel: "Again", category: .new)]
        #expect(throws: WorkflowError.duplicateStatus(.new)) { try Self.make(statuses: duplicate) }
        let blank = [TicketStatus("x", agentLabel: " ", customerLabel: "X", category: .open)] + Self.statuses
        #expect(throws: WorkflowError.blankLabel("x")) { try Self.make(statuses: blank) }
        #expect(throws: WorkflowError.unknownStatus("ghost")) { try Self.make(transitions: [.new: ["ghost"]]) }
        #expect(throws: WorkflowError.selfTransition(.new)) { try Self.make(transitions: [.new: [.new]]) }
        #expect(throws: WorkflowError.transitionFromClosed(.closed)) {
            try Self.make(transitions: [.closed: [.inProgress]])
        }
        #expect(throws: WorkflowError.wrongCategory(.inProgress, role: .postponed, actual: .open)) {
            try Self.make(postponed: .inProgress)
        }
        #expect(throws: WorkflowError.wrongCategory(.resolved, role: .merged, actual: .resolved)) {
            try Self.make(merged: .resolved)
        }
        #expect(throws: WorkflowError.clientReplyNotAllowed(from: .closed, to: .inProgress)) {
            try Self.make(replies: [.closed: .inProgress])
        }
    }

    @Test func aWorkflowRoundTripsThroughJSONAndIsValidatedOnDecoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Workflow.standard)
        #expect(try JSONDecoder().decode(Workflow.self, from: data) == Workflow.standard)
        #expect(try encoder.encode(JSONDecoder().decode(Workflow.self, from: data)) == data)
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(
            of: "\"mergedStatus\":\"closed\"", with: "\"mergedStatus\":\"new\"")
        #expect(throws: WorkflowError.self) { try JSONDecoder().decode(Workflow.self, from: Data(broken.utf8)) }
    }
}

/// The standard workflow is a constant built without validation: the validating initializer
/// must accept the very same definition.
@Suite("The standard workflow validates")
struct StandardWorkflowValidationTests {
    @Test func theValidatingInitializerAcceptsItUnchanged() throws {
        let standard = Workflow.standard
        let validated = try Workflow(
            statuses: standard.statuses, transitions: standard.transitions, initialStatus: standard.initialStatus,
            postponedStatus: standard.postponedStatus, returnToWorkStatus: standard.returnToWorkStatus,
            mergedStatus: standard.mergedStatus, clientReplyTransitions: standard.clientReplyTransitions)
        #expect(validated == standard)
    }
}
