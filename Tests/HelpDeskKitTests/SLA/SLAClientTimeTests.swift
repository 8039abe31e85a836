import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Contracts measured in the client's local time, on the shipped Russian production calendar.
@Suite("SLA in the client's local time")
struct SLAClientTimeTests {
    /// `moscow`: the Russian five-day week in Europe/Moscow with the 2024–2027 production
    /// calendar; normal 1 h / 8 h, high 30 min / 4 h.
    static let moscow = SLAPolicy(
        id: "moscow", name: "Moscow office hours", calendar: try! BusinessCalendar.russianFiveDay(),
        targets: [
            .normal: SLATargets(reaction: .hours(1), resolution: .hours(8)),
            .high: SLATargets(reaction: .minutes(30), resolution: .hours(4)),
        ])

    struct Client {
        let test: TestDesk
        let company: Company
        let yekaterinburg: Location
        let moscowOffice: Location
        let vladivostok: Location
        let clientTime: Contract
        let deskTime: Contract
    }

    static func client(locationCalendar: BusinessCalendar? = nil) async throws -> Client {
        let configuration = HelpDeskConfiguration(
            sla: try SLAConfiguration(policies: [moscow], defaultPolicyID: "moscow"))
        let test = try await TestDesk.make(configuration: configuration)
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Ural Metals"), by: .system)
        let yekaterinburg = try await desk.addLocation(
            NewLocation(
                companyID: company.id, name: "Plant", timeZoneIdentifier: "Asia/Yekaterinburg",
                calendar: locationCalendar), by: .system)
        let moscowOffice = try await desk.addLocation(
            NewLocation(companyID: company.id, name: "Head office", timeZoneIdentifier: "Europe/Moscow"), by: .system)
        let vladivostok = try await desk.addLocation(
            NewLocation(companyID: company.id, name: "Port", timeZoneIdentifier: "Asia/Vladivostok"), by: .system)
        let since = TestDesk.start.addingTimeInterval(-86_400)
        let clientTime = try await desk.addContract(
            NewContract(companyID: company.id, number: "UM-LOCAL", startsAt: since, slaTime: .clientLocal), by: .system)
        let deskTime = try await desk.addContract(
            NewContract(companyID: company.id, number: "UM-DESK", startsAt: since), by: .system)
        return Client(
            test: test, company: company, yekaterinburg: yekaterinburg, moscowOffice: moscowOffice,
            vladivostok: vladivostok, clientTime: clientTime, deskTime: deskTime)
    }

    static func file(_ client: Client, at instant: String, contract: Contract, location: Location) async throws -> Ticket {
        client.test.clock.set(to: at(instant))
        return try await client.test.desk.createTicket(
            NewTicket(
                title: "Line stopped", channel: .phone, requester: .freeText("Dispatcher"), companyID: client.company.id,
                locationID: location.id, contractID: contract.id),
            by: .employee(client.test.anna.id))
    }

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func clientLocalDeadlinesFollowTheClientsWorkingHours() async throws {
        let client = try await Self.client()
        // Tuesday 10 March 2026, 16:30 in Moscow = 18:30 in Yekaterinburg: the plant has gone home.
        let local = try await Self.file(client, at: "2026-03-10T16:30:00+03:00", contract: client.clientTime, location: client.yekaterinburg)
        let desk = try await Self.file(client, at: "2026-03-10T16:30:00+03:00", contract: client.deskTime, location: client.yekaterinburg)
        #expect(desk.sla?.reaction?.dueAt == Self.at("2026-03-10T17:30:00+03:00"), "desk time: an hour later in Moscow")
        #expect(desk.sla?.clientTime == nil)
        #expect(local.sla?.reaction?.dueAt == Self.at("2026-03-11T10:00:00+05:00"), "the plant's next morning")
        #expect(local.sla?.resolution?.dueAt == Self.at("2026-03-11T18:00:00+05:00"))
        #expect(local.sla?.clientTime == SLAClientTime(
            locationID: client.yekaterinburg.id, timeZoneIdentifier: "Asia/Yekaterinburg", usesLocationCalendar: false))
        // A client-local contract on a ticket without a location runs on desk time.
        client.test.clock.set(to: Self.at("2026-03-10T16:30:00+03:00"))
        let nowhere = try await client.test.desk.createTicket(
            NewTicket(title: "Where?", channel: .email, requester: .freeText("Someone"), companyID: client.company.id,
                      contractID: client.clientTime.id), by: .system)
        #expect(nowhere.sla?.clientTime == nil && nowhere.sla?.reaction?.dueAt == Self.at("2026-03-10T17:30:00+03:00"))
    }

    @Test func theEveningBeforeAPublicHolidayIsDueAfterIt() async throws {
        let client = try await Self.client()
        // Tuesday 3 November 2026 is the eve of Unity Day: one hour shorter, work ends at 17:00.
        let late = try await Self.file(client, at: "2026-11-03T17:30:00+03:00", contract: client.deskTime, location: client.moscowOffice)
        #expect(late.sla?.reaction?.dueAt == Self.at("2026-11-05T10:00:00+03:00"))
        #expect(late.sla?.resolution?.dueAt == Self.at("2026-11-05T18:00:00+03:00"))
        let eve = try await Self.file(client, at: "2026-11-03T16:30:00+03:00", contract: client.deskTime, location: client.moscowOffice)
        #expect(eve.sla?.reaction?.dueAt == Self.at("2026-11-05T09:30:00+03:00"), "30 min on the eve, 30 min after")
        // In Vladivostok 17:30 Moscow is already 00:30 on the holiday itself.
        let port = try await Self.file(client, at: "2026-11-03T17:30:00+03:00", contract: client.clientTime, location: client.vladivostok)
        #expect(port.sla?.reaction?.dueAt == Self.at("2026-11-05T10:00:00+10:00"))
        // New Year 2027: filed on the last working day of 2026, due on 11 January.
        let newYear = try await Self.file(client, at: "2026-12-30T17:45:00+03:00", contract: client.deskTime, location: client.moscowOffice)
        #expect(newYear.sla?.reaction?.dueAt == Self.at("2027-01-11T09:45:00+03:00"))
    }

    @Test func aLocationsOwnCalendarWins() async throws {
        // The plant works 07:00–16:00 every weekday, with no holidays of its own.
        let plant = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Yekaterinburg",
            schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try LocalInterval(parsing: "07:00-16:00")]))
        let client = try await Self.client(locationCalendar: plant)
        let ticket = try await Self.file(client, at: "2026-11-03T15:30:00+05:00", contract: client.clientTime, location: client.yekaterinburg)
        #expect(ticket.sla?.clientTime?.usesLocationCalendar == true)
        #expect(ticket.sla?.reaction?.dueAt == Self.at("2026-11-04T07:30:00+05:00"), "no Unity Day on the plant's calendar")
        #expect(ticket.sla?.resolution?.dueAt == Self.at("2026-11-04T14:30:00+05:00"), "30 min on the 3rd, 7 h 30 min on the 4th")
    }

    @Test func recalculationsKeepTheClientsCalendar() async throws {
        let client = try await Self.client()
        let desk = client.test.desk
        let agent = Performer.employee(client.test.anna.id)
        let ticket = try await Self.file(client, at: "2026-11-02T15:00:00+05:00", contract: client.clientTime, location: client.yekaterinburg)
        let basis = try #require(ticket.sla?.clientTime)
        client.test.clock.set(to: Self.at("2026-11-02T16:00:00+05:00"))
        _ = try await desk.changeStatus(ticket.id, to: .waitingForClient, by: agent)
        client.test.clock.set(to: Self.at("2026-11-03T10:00:00+05:00"))
        _ = try await desk.changeStatus(ticket.id, to: .inProgress, by: agent)
        client.test.clock.set(to: Self.at("2026-11-03T11:00:00+05:00"))
        _ = try await desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: agent)
        _ = try await desk.tick(now: Self.at("2026-11-03T11:05:00+05:00"))
        let after = try await desk.ticket(ticket.id, as: .system)
        let sla = try #require(after.sla)
        #expect(sla.clientTime == basis)
        #expect(sla.pauses == [DateInterval(start: Self.at("2026-11-02T16:00:00+05:00"), end: Self.at("2026-11-03T10:00:00+05:00"))])
        // Exactly where the Yekaterinburg calendar puts the high-priority 4 h: 15:00–16:00 on the 2nd, then
        // (after the pause) 10:00–13:00 on the 3rd. On Moscow time it would be 13:00 Moscow (10:00 UTC).
        let local = try BusinessCalendar.russianFiveDay(timeZoneIdentifier: "Asia/Yekaterinburg")
        let expected = try local.deadline(from: sla.startedAt, adding: .hours(4), excluding: PauseSet(sla.pauses))
        #expect(sla.resolution?.dueAt == expected)
        #expect(expected == Self.at("2026-11-03T13:00:00+05:00"))
        // Moving the ticket to the Moscow office moves its clock to Moscow time.
        let moved = try await desk.updateTicket(ticket.id, TicketUpdate(locationID: .some(client.moscowOffice.id)), by: agent)
        #expect(moved.sla?.clientTime?.timeZoneIdentifier == "Europe/Moscow")
        let moscowDue = try Self.moscow.calendar.deadline(
            from: sla.startedAt, adding: .hours(4), excluding: PauseSet(sla.pauses))
        #expect(moved.sla?.resolution?.dueAt == moscowDue)
    }

    @Test func oldContractsRunOnDeskTimeAndBadLocationsAreRejected() async throws {
        let client = try await Self.client()
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(client.clientTime)) as! [String: Any]
        #expect(json["slaTime"] as? String == "clientLocal")
        json["slaTime"] = nil
        let old = try JSONDecoder().decode(Contract.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.slaTime == .desk)
        #expect(NewContract(companyID: client.company.id, number: "X", startsAt: TestDesk.start).slaTime == .desk)

        let desk = client.test.desk
        let moscowCalendar = try BusinessCalendar.russianFiveDay()
        for (request, field) in [
            (NewLocation(companyID: client.company.id, name: "Mars", timeZoneIdentifier: "Mars/Olympus"), "timeZoneIdentifier"),
            (NewLocation(companyID: client.company.id, name: "Omsk", timeZoneIdentifier: "Asia/Omsk", calendar: moscowCalendar), "calendar"),
            (NewLocation(companyID: client.company.id, name: "Idle", timeZoneIdentifier: "UTC",
                         calendar: try BusinessCalendar(timeZoneIdentifier: "UTC", schedule: .empty)), "calendar"),
        ] {
            do {
                _ = try await desk.addLocation(request, by: .system)
                Issue.record("\(request.name) was accepted")
            } catch {
                guard case .invalidInput(let reported, _) = error.reason else { Issue.record("\(error)"); continue }
                #expect(reported == field)
            }
        }
        // A location's calendar is kept by the store.
        let withCalendar = try await desk.addLocation(
            NewLocation(companyID: client.company.id, name: "Moscow 2", timeZoneIdentifier: "Europe/Moscow", calendar: moscowCalendar),
            by: .system)
        let stored = try await desk.locations(of: client.company.id, as: .system).first { $0.id == withCalendar.id }
        #expect(stored?.calendar == moscowCalendar)
    }
}
