import Foundation
import HelpDeskKit

/// Changes of a capability that HelpDeskKit does not register: no store can know how to keep them.
struct UnregisteredChanges: CapabilityChanges {
    var notes: [String] = []

    var isEmpty: Bool { notes.isEmpty }

    func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for note in notes { body(.record(kind: "note", id: note)) }
    }
}

extension StoreContract {
    static let capabilityChecks: [ContractCheck] = [
        ContractCheck("a unit holding changes of a capability the store does not know is refused, not dropped") {
            store in
            var ids = SeededIdentifierSource(seed: 90)
            let before = try await StoreSnapshot.capture(store)
            var work = creation(of: fullTicket(number: 1, ids: &ids), ids: &ids)
            work[UnregisteredChanges.self].notes = ["would be lost"]
            try require(!work.capabilities.isEmpty, "the unit holds the unknown changes")
            try await requireStorageError(.other) { try await store.commit(work) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after the refused unit")
        },
        ContractCheck("a unit's capability changes read back through the capability's repository") { store in
            let ratingStore = try requireFeature((any RatingRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 91)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            let issued = request(for: ticket, token: "capability-token_CCCCCCCCCCCCCCC", ids: &ids)
            work[RatingChanges.self].requests = [issued]
            try requireEqual(work.ratingRequests, [issued], "the named list and the capability's part agree")
            try await store.commit(work)
            try requireEqual(try await ratingStore.ratingRequests(of: ticket.id), [issued], "stored")
        },
    ]
}
