import Foundation
import HelpDeskKit

extension StoreContract {
    /// A trail entry about `subject` with one changed field named `field`.
    static func trailEntry(
        _ subject: TrailSubject, _ action: TrailAction, field: String, company: CompanyID?,
        ids: inout SeededIdentifierSource, at offset: TimeInterval
    ) -> TrailEntry {
        TrailEntry(
            id: ids.next(), subject: subject, companyID: company, action: action,
            changes: [TrailChange(field, from: action == .created ? nil : "before «\(field)»", to: "after — \(field)")],
            performer: .employee(ids.next()), at: start.addingTimeInterval(offset))
    }

    static let trailChecks: [ContractCheck] = [
        ContractCheck("trail entries round-trip and read back per subject and overall in commit order") { store in
            let trail = try requireFeature((any TrailRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 110)
            let company: CompanyID = ids.next()
            let contract = TrailSubject.contract(ids.next())
            let subjects: [TrailSubject] = [
                .company(company), .location(ids.next()), .contact(ids.next()), contract, .asset(ids.next()),
                .assetModel(ids.next()), .priceListItem(ids.next()), .contractPrice(ids.next(), item: ids.next()),
                .account(company, unit: .money(.rub)), .account(company, unit: .prepaid("points")),
            ]
            var all: [TrailEntry] = []
            // Every subject kind in one unit, then the contract again in later units: the later
            // entries were written at an earlier instant, so order must come from the commits.
            var first = UnitOfWork()
            for (index, subject) in subjects.enumerated() {
                first.trailEntries.append(
                    trailEntry(subject, .created, field: "field\(index)", company: company, ids: &ids, at: 600))
            }
            try await store.commit(first)
            all += first.trailEntries
            for (offset, action) in [(300.0, TrailAction.updated), (0.5, .statusChanged), (100, .invoiced)] {
                var work = UnitOfWork()
                work.trailEntries = [
                    trailEntry(contract, action, field: "status", company: company, ids: &ids, at: offset),
                    trailEntry(.company(company), .updated, field: "name", company: company, ids: &ids, at: offset),
                ]
                try await store.commit(work)
                all += work.trailEntries
            }
            for subject in subjects {
                try requireEqual(try await trail.trail(of: subject), all.filter { $0.subject == subject }, "\(subject)")
            }
            try requireEqual(try await trail.trail(of: .asset(ids.next())), [], "a subject nobody changed")
            try requireEqual(try await trail.trailEntries(offset: 0, limit: .max), all, "every entry")
            try requireEqual(try await trail.trailEntries(offset: 3, limit: 4), Array(all[3..<7]), "a page")
            try requireEqual(try await trail.trailEntries(offset: all.count, limit: 5), [], "past the end")
            try requireEqual(try await trail.trailEntries(offset: 2, limit: 0), [], "an empty page")
        },
        ContractCheck("trail entries commit with their unit or not at all, and an entry is written once") { store in
            let trail = try requireFeature((any TrailRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 111)
            let existing = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: existing, ids: &ids))
            let subject = TrailSubject.company(ids.next())
            var kept = UnitOfWork()
            kept.trailEntries = [trailEntry(subject, .created, field: "name", company: nil, ids: &ids, at: 1)]
            try await store.commit(kept)
            let before = try await StoreSnapshot.capture(store)
            var refused = UnitOfWork()
            refused.trailEntries = [trailEntry(subject, .updated, field: "notes", company: nil, ids: &ids, at: 2)]
            var stale = existing
            stale.title = "Stale"
            refused.save(stale, expectedRevision: 99)
            try await requireStorageError(.conflict) { try await store.commit(refused) }
            var again = UnitOfWork()
            again.trailEntries = kept.trailEntries
            try await requireStorageError(.conflict) { try await store.commit(again) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            try requireEqual(try await trail.trail(of: subject), kept.trailEntries, "only the committed entry")
        },
    ]
}
