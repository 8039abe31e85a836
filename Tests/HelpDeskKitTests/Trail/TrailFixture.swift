import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization
import Testing

/// An in-memory store that remembers every unit of work it committed, so a test can check what
/// one command wrote together.
final class CommitRecordingStore: MemoryBackedStore {
    let backingStore = InMemoryStore()
    private let units = Mutex<[UnitOfWork]>([])

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws {
        try await backingStore.commit(work)
        units.withLock { $0.append(work) }
    }

    /// How many units were committed.
    var count: Int { units.withLock { $0.count } }
    /// The last committed unit.
    var last: UnitOfWork? { units.withLock { $0.last } }
}

/// A desk with Alpha (two locations, a contract managed by Boris) on a recording store; Anna
/// performs the commands, so Boris is told.
struct TrailFixture {
    let test: TestDesk
    let store: CommitRecordingStore
    let alpha: Company
    let office: Location
    let warehouse: Location
    let contract: Contract
    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }
    var boris: Performer { .employee(test.boris.id) }

    static let rub = BillingUnit.money(.rub)

    static func make() async throws -> TrailFixture {
        let store = CommitRecordingStore()
        let billing = BillingConfiguration(settleOn: .resolved, insufficientFunds: .receivable, laborItemCode: "ENG-HOUR")
        let test = try await TestDesk.make(store: store, configuration: HelpDeskConfiguration(billing: billing))
        let desk = test.desk
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha Retail"), by: .system)
        let office = try await desk.addLocation(NewLocation(companyID: alpha.id, name: "Office"), by: .system)
        let warehouse = try await desk.addLocation(NewLocation(companyID: alpha.id, name: "Warehouse"), by: .system)
        let contract = try await desk.addContract(
            NewContract(companyID: alpha.id, number: "A-1", startsAt: TestDesk.start, managerID: test.boris.id),
            by: .system)
        return TrailFixture(
            test: test, store: store, alpha: alpha, office: office, warehouse: warehouse, contract: contract)
    }

    /// Runs `command` and expects it to have committed one unit holding exactly one trail entry
    /// about `subject` with `action` and the `recordChanged` event naming that entry, told to
    /// `told` and never to a client. Returns the command's result and the entry.
    @discardableResult
    func expectTrailed<Result>(
        _ action: TrailAction, of subject: (Result) -> TrailSubject, told: [EmployeeID]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation, _ command: () async throws -> Result
    ) async throws -> (Result, TrailEntry) {
        let before = store.count
        let result = try await command()
        let subject = subject(result)
        #expect(store.count == before + 1, "one unit of work", sourceLocation: sourceLocation)
        let unit = try #require(store.last, sourceLocation: sourceLocation)
        let entry = try #require(unit.trailEntries.first, "a trail entry", sourceLocation: sourceLocation)
        #expect(unit.trailEntries.count == 1, sourceLocation: sourceLocation)
        #expect(entry.subject == subject && entry.action == action, "\(entry)", sourceLocation: sourceLocation)
        #expect(entry.performer == anna && entry.at == test.clock.now, sourceLocation: sourceLocation)
        let events = unit.events.filter { if case .recordChanged = $0.event { true } else { false } }
        #expect(
            events.map(\.event) == [.recordChanged(subject: subject, action: action, entry: entry.id)],
            sourceLocation: sourceLocation)
        if let event = events.first {
            #expect(event.audience.requester == nil && event.audience.contactIDs.isEmpty, sourceLocation: sourceLocation)
            #expect(!event.audience.employeeIDs.contains(test.anna.id), "not the performer", sourceLocation: sourceLocation)
            if let told { #expect(event.audience.employeeIDs == told, sourceLocation: sourceLocation) }
        }
        return (result, entry)
    }

    /// The code of the error `body` throws, or `nil` when it succeeds.
    static func code(_ body: () async throws -> some Any) async -> HelpDeskError.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as HelpDeskError {
            return error.code
        } catch {
            return .storage
        }
    }
}
