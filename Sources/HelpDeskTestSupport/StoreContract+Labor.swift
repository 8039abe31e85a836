import Foundation
import HelpDeskKit
import WorkingTime

extension StoreContract {
    static func day(_ text: String) -> LocalDate {
        do { return try LocalDate(parsing: text) } catch { fatalError("bad date \(text)") }
    }

    static func entry(
        on ticket: Ticket, employee: EmployeeID, date: String, minutes: Int, ids: inout SeededIdentifierSource,
        at instant: Date = start
    ) -> TimeEntry {
        TimeEntry(
            id: ids.next(), ticketID: ticket.id, employeeID: employee, workDate: day(date), spentMinutes: minutes,
            chargedMinutes: (minutes + 14) / 15 * 15, billable: minutes % 2 == 0, activity: "work",
            comment: "Replaced the «fuser» 🖨️", createdAt: instant.addingTimeInterval(0.25))
    }

    static let laborChecks: [ContractCheck] = [
        ContractCheck("time entries round-trip and are listed by ticket, employee and work date") { store in
            var ids = SeededIdentifierSource(seed: 60)
            let first = fullTicket(number: 1, ids: &ids)
            let second = fullTicket(number: 2, ids: &ids)
            let olga: EmployeeID = ids.next()
            let ivan: EmployeeID = ids.next()
            var work = creation(of: first, ids: &ids)
            work.save(second, expectedRevision: nil)
            let a = entry(on: first, employee: olga, date: "2026-03-03", minutes: 50, ids: &ids)
            let b = entry(on: first, employee: ivan, date: "2026-03-02", minutes: 7, ids: &ids)
            let c = entry(on: second, employee: olga, date: "2026-03-05", minutes: 1_440, ids: &ids)
            let d = entry(
                on: second, employee: olga, date: "2026-03-02", minutes: 30, ids: &ids, at: start.addingTimeInterval(60)
            )
            work.timeEntryWrites = [a, b, c, d].map { TimeEntryWrite(entry: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntry(a.id), a, "entry by id")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(on: first.id), [b, a],
                "by ticket, work date order")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(on: ids.next()), [],
                "unknown ticket")
            let march = day("2026-03-01")...day("2026-03-31")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(of: olga, workedIn: march),
                [d, a, c], "by employee")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(
                    of: olga, workedIn: day("2026-03-03")...day("2026-03-04")), [a], "range bounds")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(
                    workedIn: day("2026-03-02")...day("2026-03-02")), [b, d], "period, then created")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(
                    workedIn: day("2026-04-01")...day("2026-04-30")), [], "empty period")
        },
        ContractCheck("time entry edits need the stored revision and deletions remove the entry") { store in
            var ids = SeededIdentifierSource(seed: 61)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            let original = entry(on: ticket, employee: ids.next(), date: "2026-03-02", minutes: 20, ids: &ids)
            work.timeEntryWrites = [TimeEntryWrite(entry: original, expectedRevision: nil)]
            try await store.commit(work)
            var changed = original
            changed.spentMinutes = 25
            changed.revision = 2
            var stale = UnitOfWork()
            stale.timeEntryWrites = [TimeEntryWrite(entry: changed, expectedRevision: 5)]
            try await requireStorageError(.conflict) { try await store.commit(stale) }
            var again = UnitOfWork()
            again.timeEntryWrites = [TimeEntryWrite(entry: original, expectedRevision: nil)]
            try await requireStorageError(.conflict) { try await store.commit(again) }
            var update = UnitOfWork()
            update.timeEntryWrites = [TimeEntryWrite(entry: changed, expectedRevision: 1)]
            try await store.commit(update)
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntry(original.id), changed,
                "edited")
            var staleDelete = UnitOfWork()
            staleDelete.timeEntryDeletions = [TimeEntryDeletion(id: original.id, expectedRevision: 1)]
            try await requireStorageError(.conflict) { try await store.commit(staleDelete) }
            var delete = UnitOfWork()
            delete.timeEntryDeletions = [TimeEntryDeletion(id: original.id, expectedRevision: 2)]
            try await store.commit(delete)
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntry(original.id), nil, "deleted")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(on: ticket.id), [],
                "deleted from the ticket")
            try await requireStorageError(.conflict) { try await store.commit(delete) }
            var missing = UnitOfWork()
            missing.timeEntryWrites = [TimeEntryWrite(entry: changed, expectedRevision: 2)]
            try await requireStorageError(.conflict) { try await store.commit(missing) }
        },
        ContractCheck("a time entry must name a stored or inserted ticket") { store in
            var ids = SeededIdentifierSource(seed: 62)
            let stranger = fullTicket(number: 7, ids: &ids)
            var work = UnitOfWork()
            work.timeEntryWrites = [
                TimeEntryWrite(
                    entry: entry(on: stranger, employee: ids.next(), date: "2026-03-02", minutes: 5, ids: &ids),
                    expectedRevision: nil)
            ]
            try await requireStorageError(.conflict) { try await store.commit(work) }
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).timeEntries(
                    workedIn: day("2026-01-01")...day("2026-12-31")), [], "nothing stored")
        },
        ContractCheck("employee rates are upserted by employee and date and listed by date") { store in
            var ids = SeededIdentifierSource(seed: 63)
            let olga = Employee(id: ids.next(), name: "Olga", email: "olga@example.com")
            let march = EmployeeRate(
                employeeID: olga.id, validFrom: day("2026-03-01"),
                hourlyCost: Money(minorUnits: 150_000, currency: .rub),
                hourlyBilling: Money(minorUnits: 300_050, currency: .rub))
            let january = EmployeeRate(
                employeeID: olga.id, validFrom: day("2026-01-01"),
                hourlyCost: Money(minorUnits: 120_000, currency: .rub))
            var work = UnitOfWork()
            work.employees = [olga]
            work.employeeRates = [march, january]
            try await store.commit(work)
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).rateHistory(of: olga.id),
                [january, march], "by validFrom")
            var raise = march
            raise.hourlyCost = Money(minorUnits: 160_000, currency: .rub)
            var update = UnitOfWork()
            update.employeeRates = [raise]
            try await store.commit(update)
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).rateHistory(of: olga.id),
                [january, raise], "replaced, not duplicated")
            try requireEqual(
                try await requireFeature((any LaborRepository).self, of: store).rateHistory(of: ids.next()), [],
                "no rates")
        },
        ContractCheck("a unit with a stale time entry applies none of its changes") { store in
            var ids = SeededIdentifierSource(seed: 64)
            let ticket = fullTicket(number: 1, ids: &ids)
            let olga = Employee(id: ids.next(), name: "Olga", email: "olga@example.com")
            var work = creation(of: ticket, ids: &ids)
            work.employees = [olga]
            let stored = entry(on: ticket, employee: olga.id, date: "2026-03-02", minutes: 20, ids: &ids)
            work.timeEntryWrites = [TimeEntryWrite(entry: stored, expectedRevision: nil)]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var bad = creation(of: fullTicket(number: 2, ids: &ids), ids: &ids)
            bad.employeeRates = [
                EmployeeRate(
                    employeeID: olga.id, validFrom: day("2026-01-01"), hourlyCost: Money(minorUnits: 1, currency: .usd))
            ]
            bad.timeEntryWrites = [
                TimeEntryWrite(
                    entry: entry(on: ticket, employee: olga.id, date: "2026-03-03", minutes: 9, ids: &ids),
                    expectedRevision: nil)
            ]
            bad.timeEntryDeletions = [TimeEntryDeletion(id: stored.id, expectedRevision: 3)]
            try await requireStorageError(.conflict) { try await store.commit(bad) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after rejected unit")
        },
    ]
}
