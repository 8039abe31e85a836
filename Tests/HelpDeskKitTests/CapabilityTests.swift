import Foundation
import HelpDeskTestSupport
import Testing
import WorkingTime

@testable import HelpDeskKit

/// A memory-backed store that does not offer the ratings feature.
private final class StoreWithoutRatings: MemoryBackedStore {
    let backingStore = InMemoryStore()

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws { try await backingStore.commit(work) }

    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        feature == (any RatingRepository).self ? nil : self as? Feature ?? backingStore as? Feature
    }
}

@Suite("Capabilities: registration, their share of a unit of work, feature stores")
struct CapabilityTests {
    private static func sampleRequest(_ ids: inout SeededIdentifierSource, token: String) -> RatingRequest {
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        return RatingRequest(
            id: ids.next(), token: RatingToken(token), ticketID: ids.next(), ticketNumber: TicketNumber(rawValue: 7),
            requester: .freeText("Ivan"), issuedAt: at, expiresAt: at.addingTimeInterval(3_600))
    }

    private static func topLevelKeys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
        return Set((object as? [String: Any] ?? [:]).keys)
    }

    @Test func hooksRunInTheOrderCapabilitiesAreRegistered() {
        #expect(
            Capabilities.all.map(\.name)
                == [
                    "tickets", "automation", "sla", "labor", "ratings", "billing", "clients", "allowances", "roles",
                    "assignment", "knowledge", "trail", "notifications", "cannedAnswers", "email", "visits", "maintenance",
                    "idempotency",
                ])
        #expect(
            Capabilities.ticketHooks.map(\.name)
                == [
                    "automation-rules", "sla-clocks", "rating-requests", "settlement", "debtor-warning", "open-load",
                    "notices", "visit-call-off",
                ])
        #expect(
            Capabilities.tickHooks.map(\.name)
                == [
                    "postponed-return", "sla-announcements", "contract-reminders", "backlog-drain", "knowledge-review", "maintenance-plans",
                    "idempotency-sweep", "time-rules",
                ],
            "time rules run last, after the tick's returns to work and SLA announcements")
        #expect(Capabilities.unitHooks.map(\.name) == ["backlog-drain", "knowledge-links", "visit-notices"])
        #expect(Capabilities.impliedLanes.count == 1, "a moved cursor implies its group's lane")
        #expect(Capabilities.changeTypes.count == Capabilities.tableTypes.count && Capabilities.tableTypes.count == 14)
        let imageKeys = Capabilities.imageTypes.map { $0.key }
        #expect(Set(imageKeys).count == imageKeys.count, "image keys are unique")
    }

    /// Rating changes keep the keys units carried before ratings became a capability, so journals
    /// written then replay unchanged.
    @Test func ratingChangesKeepTheirJournalKeys() throws {
        var ids = SeededIdentifierSource(seed: 5)
        var work = UnitOfWork()
        #expect(try Self.topLevelKeys(work).isEmpty)
        work.ratingRequests = [Self.sampleRequest(&ids, token: "a")]
        #expect(try Self.topLevelKeys(work) == ["ratingRequests"])
        #expect(!work.changesOnlyTicketHistory && !work.isEmpty)
        let decoded = try JSONDecoder().decode(UnitOfWork.self, from: try JSONEncoder().encode(work))
        #expect(decoded == work && decoded.hashValue == work.hashValue)
        #expect(decoded[RatingChanges.self].requests == work.ratingRequests)
        let legacy = #"{"ratingRequests":[],"ratings":[],"comments":[]}"#
        let empty = try JSONDecoder().decode(UnitOfWork.self, from: Data(legacy.utf8))
        #expect(empty.capabilities.isEmpty, "empty lists leave no part behind")
    }

    /// Idempotency moved onto the capability storage with the keys journals and snapshots had.
    @Test func idempotencyKeepsItsJournalAndSnapshotKeys() throws {
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        let record = IdempotencyRecord(
            key: "req-1", command: "comment", fingerprint: "f", result: Data([1]), recordedAt: at,
            expiresAt: at.addingTimeInterval(60))
        var work = UnitOfWork()
        work.idempotency.records = [record]
        #expect(try Self.topLevelKeys(work) == ["idempotency"])
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(work)) as? [String: Any]
        let lists = object?["idempotency"] as? [String: Any]
        #expect(Set(lists?.keys.map { $0 } ?? []) == ["records", "forgotten"])
        #expect(try JSONDecoder().decode(UnitOfWork.self, from: try JSONEncoder().encode(work)) == work)
        var image = StoreImage()
        image.idempotency = [record]
        let imageObject = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(image)) as? [String: Any]
        #expect((imageObject?["idempotency"] as? [Any])?.count == 1, "a plain list, as before")
        #expect(
            try JSONDecoder().decode(StoreImage.self, from: try JSONEncoder().encode(image)).idempotency == [record])
    }

    /// Labor moved onto the capability storage with the keys it had.
    @Test func laborKeepsItsJournalAndSnapshotKeys() throws {
        var ids = SeededIdentifierSource(seed: 8)
        let rate = EmployeeRate(
            employeeID: ids.next(), validFrom: try LocalDate(year: 2026, month: 3, day: 1),
            hourlyCost: Money(minorUnits: 1_000_00, currency: .rub), hourlyBilling: nil)
        var work = UnitOfWork()
        work.employeeRates = [rate]
        #expect(try Self.topLevelKeys(work) == ["employeeRates"])
        #expect(work[LaborChanges.self].employeeRates == [rate] && !work.changesOnlyTicketHistory)
        #expect(try JSONDecoder().decode(UnitOfWork.self, from: try JSONEncoder().encode(work)) == work)
        var image = StoreImage()
        image.labor.employeeRates = [rate]
        #expect(try Self.topLevelKeys(image).contains("labor"))
        #expect(try JSONDecoder().decode(StoreImage.self, from: try JSONEncoder().encode(image)).labor == image.labor)
    }

    @Test func changeSetsCompareByContent() {
        var ids = SeededIdentifierSource(seed: 6)
        let request = Self.sampleRequest(&ids, token: "b")
        var one = UnitOfWork()
        var two = UnitOfWork()
        one.ratingRequests = [request]
        #expect(one != two)
        two[RatingChanges.self].requests.append(request)
        #expect(one == two && one.hashValue == two.hashValue)
        two.ratingRequests = []
        #expect(two.capabilities.isEmpty && two == UnitOfWork(), "emptied changes are removed")
    }

    @Test func imagesKeepTheirSectionKey() throws {
        var ids = SeededIdentifierSource(seed: 7)
        var image = StoreImage()
        #expect(!(try Self.topLevelKeys(image)).contains("ratings"))
        image.ratings.requests = [Self.sampleRequest(&ids, token: "c")]
        #expect(try Self.topLevelKeys(image).contains("ratings"))
        let decoded = try JSONDecoder().decode(StoreImage.self, from: try JSONEncoder().encode(image))
        #expect(decoded == image && decoded.ratings == image.ratings)
    }

    @Test func aStoreWithoutTheFeatureRefusesItsCommandsAndChangesNothing() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let store = StoreWithoutRatings()
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let ticket = try await test.ticket()
        let before = try await StoreSnapshot.capture(store)
        let error = await #expect(throws: HelpDeskError.self) {
            try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        }
        #expect(error?.code == .misconfigured)
        #expect(error.map { if case .storeLacksFeature = $0.reason { true } else { false } } == true)
        #expect(try await StoreSnapshot.capture(store) == before)
        await #expect(throws: HelpDeskError.self) {
            try await test.desk.ratings(of: ticket.id, as: .system)
        }
    }
}
