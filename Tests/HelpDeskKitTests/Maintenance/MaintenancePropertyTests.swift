import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import Testing
import WorkingTime

/// Random plans under random ticks, pauses, resumptions, edits, completions and ends, against a
/// reference model written from the documented rules (rule dates computed by hand, the Russian
/// production calendar read from its exception list, not through `BusinessCalendar`).
@Suite("Maintenance plans: the tick against a reference model")
struct MaintenancePropertyTests {
    typealias F = MaintenanceFixture

    /// The Russian calendar as plain sets: holidays and transferred working days.
    static let exceptions: (holidays: Set<LocalDate>, working: Set<LocalDate>) = {
        var holidays: Set<LocalDate> = []
        var working: Set<LocalDate> = []
        for exception in try! ProductionCalendar.russia() {
            switch exception.kind {
            case .holiday: holidays.insert(exception.date)
            case .extraWorkingDay: working.insert(exception.date)
            case .shortened, .shortenedBy: break
            }
        }
        return (holidays, working)
    }()

    static func isWorking(_ day: LocalDate) -> Bool {
        if exceptions.holidays.contains(day) { return false }
        if exceptions.working.contains(day) { return true }
        return day.weekday != .saturday && day.weekday != .sunday
    }

    /// One plan as the model sees it.
    struct ModelPlan {
        var id: MaintenancePlanID
        var frequency: RecurrenceRule.Frequency
        var interval: Int
        var start: LocalDate
        var policy: MaintenanceCalendarPolicy
        var lead: Int
        var catchUp: MaintenanceCatchUp
        var afterCompletion: Bool
        var status = MaintenancePlanStatus.active
        var endsOn: LocalDate?
        /// Rule date → "scheduled kind".
        var records: [LocalDate: String] = [:]
        var lastTicketOpen = false

        /// The rule's dates through `last`, by hand.
        func ruleDates(through last: LocalDate) -> [LocalDate] {
            var dates: [LocalDate] = []
            var k = 0
            while true {
                defer { k += 1 }
                var date: LocalDate?
                switch frequency {
                case .daily: date = try? start.adding(days: k * interval)
                case .weekly: date = try? start.adding(days: 7 * k * interval)
                case .monthly, .yearly:
                    let months = start.year * 12 + start.month - 1 + k * interval
                    if months / 12 > last.year { return dates }
                    date = try? LocalDate(year: months / 12, month: months % 12 + 1, day: start.day)
                }
                guard let date else { continue }
                if date > last { return dates }
                dates.append(date)
            }
        }

        func scheduled(_ date: LocalDate) -> LocalDate? {
            switch policy {
            case .keep: return date
            case .skip: return isWorking(date) ? date : nil
            case .nextWorkingDay, .previousWorkingDay:
                var day = date
                for _ in 0...31 {
                    if isWorking(day) { return day }
                    day = try! day.adding(days: policy == .nextWorkingDay ? 1 : -1)
                }
                return nil
            }
        }

        /// Records the due dates by the tick's rules; `resuming`: stops at the first to generate
        /// and records skipped catch-ups as "paused".
        mutating func run(today: LocalDate, resuming: Bool) -> Int {
            let cursor = records.keys.max()
            var steps: [(date: LocalDate, scheduled: LocalDate?)] = []
            for date in ruleDates(through: try! today.adding(days: lead + 31)) {
                if let cursor, date <= cursor { continue }
                if let endsOn, date >= endsOn { break }
                let scheduled = scheduled(date)
                guard try! (scheduled ?? date).adding(days: -lead) <= today else { break }
                steps.append((date, scheduled))
            }
            let latestMissed = steps.lastIndex { $0.scheduled.map { $0 < today } ?? false }
            var generated = 0
            var recorded = 0
            for (index, step) in steps.enumerated() {
                if !resuming, generated == 10 || recorded == 200 { break }
                guard let scheduled = step.scheduled else {
                    records[step.date] = "\(step.date) calendar"
                    recorded += 1
                    continue
                }
                let missed = scheduled < today
                let generate = !missed || catchUp == .all || (catchUp == .latest && index == latestMissed)
                if !generate {
                    records[step.date] = "\(scheduled) \(resuming ? "paused" : "catchUp")"
                    recorded += 1
                    continue
                }
                if resuming || (afterCompletion && lastTicketOpen) { break }
                records[step.date] = "\(scheduled) generated"
                recorded += 1
                generated += 1
                lastTicketOpen = true
            }
            return generated
        }
    }

    static func actual(_ f: F, _ plan: MaintenancePlanID) async throws -> [LocalDate: String] {
        var result: [LocalDate: String] = [:]
        for record in try await f.desk.maintenanceOccurrences(of: plan, as: .system) {
            let kind =
                switch record.outcome {
                case .generated: "generated"
                case .skippedByCalendar: "calendar"
                case .skippedByCatchUp: "catchUp"
                case .skippedWhilePaused: "paused"
                }
            result[record.date] = "\(record.scheduledDate) \(kind)"
        }
        return result
    }

    @Test("each (plan, date) is recorded once and the generated set is the model's", arguments: 0..<8)
    func againstModel(seed: UInt64) async throws {
        var random = SplitMix64(seed: 0x6d61_696e + seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let f = try await F.make(seed: seed)
        var today = F.date("2026-03-02")
        var models: [ModelPlan] = []
        for _ in 0..<3 {
            let frequency = pick([RecurrenceRule.Frequency.daily, .weekly, .monthly])
            let interval = frequency == .daily ? number(1...5) : number(1...2)
            let start = try F.date("2026-01-01").adding(days: number(0...120))
            var model = ModelPlan(
                id: Identifier(UUID()), frequency: frequency, interval: interval, start: start,
                policy: pick(MaintenanceCalendarPolicy.allCases), lead: number(0...6),
                catchUp: pick(MaintenanceCatchUp.allCases), afterCompletion: number(0...2) == 0)
            let plan = try await f.desk.createMaintenancePlan(try request(f, model), by: .system)
            model.id = plan.id
            models.append(model)
        }
        var generated = 0
        for step in 0..<40 {
            let index = number(0...(models.count - 1))
            var model = models[index]
            switch number(0...9) {
            case 0 where model.status == .active:
                _ = try await f.desk.pauseMaintenancePlan(model.id, by: .system)
                model.status = .paused
            case 1 where model.status == .paused:
                _ = try await f.desk.resumeMaintenancePlan(model.id, by: .system)
                model.status = .active
                _ = model.run(today: today, resuming: true)
            case 2 where model.status != .ended:
                model.lead = number(0...6)
                model.interval = model.frequency == .daily ? number(1...5) : number(1...2)
                model.policy = pick(MaintenanceCalendarPolicy.allCases)
                model.catchUp = pick(MaintenanceCatchUp.allCases)
                let stored = try await f.desk.maintenancePlan(model.id, as: .system)
                _ = try await f.desk.updateMaintenancePlan(
                    model.id, try request(f, model), expectedRevision: stored.revision, by: .system)
            case 3 where model.lastTicketOpen:
                let last = try await f.desk.maintenanceOccurrences(of: model.id, as: .system)
                    .last { $0.outcome.ticketID != nil }
                let ticket = try #require(last?.outcome.ticketID)
                _ = try await f.desk.changeStatus(ticket, to: .inProgress, by: .system)
                _ = try await f.desk.changeStatus(ticket, to: .resolved, by: .system)
                model.lastTicketOpen = false
            case 4 where model.status != .ended && number(0...3) == 0:
                let endsOn = try today.adding(days: number(0...20))
                _ = try await f.desk.endMaintenancePlan(model.id, from: endsOn, by: .system)
                model.status = .ended
                model.endsOn = endsOn
            default:
                today = try today.adding(days: number(1...6))
                let report = try await f.tick(today.description)
                var expected = 0
                for other in models.indices where other != index && models[other].status != .paused {
                    expected += models[other].run(today: today, resuming: false)
                }
                if model.status != .paused { expected += model.run(today: today, resuming: false) }
                #expect(report.maintenanceTickets.count == expected, "seed \(seed) step \(step)")
                #expect(report.maintenanceFailures.isEmpty)
                generated += expected
            }
            models[index] = model
            f.test.clock.set(to: today.instant(at: try TimeOfDay(hour: 8), in: F.moscow))
            for model in models {
                let actual = try await Self.actual(f, model.id)
                #expect(actual == model.records, "seed \(seed) step \(step): \(model.frequency) \(model.policy)")
            }
        }
        let tickets = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: .system)
        #expect(tickets.tickets.filter { $0.channel == .api }.count == generated, "one ticket per generated occurrence")
    }

    func request(_ f: F, _ model: ModelPlan) throws -> MaintenancePlanRequest {
        try f.request(
            RecurrenceRule(frequency: model.frequency, interval: model.interval), from: model.start.description,
            policy: model.policy, leadDays: model.lead, catchUp: model.catchUp, afterCompletion: model.afterCompletion,
            assignee: true)
    }
}
