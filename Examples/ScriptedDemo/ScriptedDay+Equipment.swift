import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 16:55–16:58: an old printer found in Northwind's shop is registered, moved to the warehouse
    /// as a spare and then written off; Maria, the account manager, reads what happened to it and
    /// to Northwind's contract.
    mutating func equipmentLifecycle() async throws(HelpDeskError) {
        let clients = demo.clients
        let maria = Performer.employee(staff.maria.id)
        let locations = try await desk.locations(of: clients.northwind.id, as: .system)
        guard let shop = locations.first(where: { $0.name.hasPrefix("Shop") }),
            let warehouse = locations.first(where: { $0.name.hasPrefix("Warehouse") }),
            let contract = try await desk.contracts(of: clients.northwind.id, as: .system).first
        else { return }
        at(16, 55)
        let old = try await desk.addAsset(
            NewAsset(
                modelID: clients.northwindPrinter.modelID, serialNumber: "PHB3F00007", inventoryNumber: "NW-0007",
                locationID: shop.id, contractID: contract.id, inServiceSince: DemoClients.february),
            by: maria)
        say("\(staff.maria.name) registers the old printer \(staff.ben.name) found in the shop's back room (NW-0007)")
        then("it is listed at the \(shop.name), serviced under \(contract.number)")
        at(16, 56)
        _ = try await desk.moveAsset(old.id, to: warehouse.id, by: maria)
        say("\(staff.maria.name) moves NW-0007 to the \(warehouse.name) as a spare")
        let atWarehouse = try await desk.assets(location: warehouse.id, as: maria).map { $0.inventoryNumber ?? "?" }
        then("a dispatcher taking a call from the warehouse now sees it there: \(atWarehouse.joined(separator: ", "))")
        at(16, 57)
        _ = try await desk.retireAsset(old.id, by: maria)
        say("\(staff.maria.name) writes NW-0007 off: it is retired")
        let offered = try await desk.registrationHints(contact: clients.igor.id, as: maria).installedAssets
        then("it stays in the records, but no new ticket can name it; the warehouse now offers \(offered.count) device(s)")
        do {
            _ = try await desk.createTicket(
                NewTicket(
                    title: "Spare printer", channel: .phone, requester: .contact(clients.igor.id), assetIDs: [old.id]),
                by: .employee(staff.olga.id))
            then("WARNING: a ticket named a retired printer")
        } catch {
            then("\(staff.olga.name) tries to register a call about it: refused, the printer is retired (\(error.code))")
        }
        at(16, 58)
        say("\(staff.maria.name) reads the history of NW-0007:")
        for entry in try await desk.trail(of: .asset(old.id), as: maria) { then(describe(entry, periods: [])) }
        say("\(staff.maria.name) reads what was done to contract \(contract.number) and its periods:")
        let periods = try await desk.contract(contract.id, as: maria).periods
        for entry in try await desk.trail(of: .contract(contract.id), as: maria) { then(describe(entry, periods: periods)) }
        pause()
    }

    /// A trail entry as a manager reads it: when, who, what, and the place or the period (its
    /// fields are named after the period's dates in UTC; `periods` gives them in Moscow time).
    private func describe(_ entry: TrailEntry, periods: [ServicePeriod]) -> String {
        let who = demo.directory.name(of: entry.performer)
        let when = DemoTime.dayAndMonth(entry.at) + " " + DemoTime.clock(entry.at)
        var what = entry.action.label.lowercased()
        switch entry.action {
        case .moved:
            if let change = entry.changes.first { what += " from the \(change.oldValue ?? "?") to the \(change.newValue ?? "?")" }
        case .periodAdded, .invoiced, .paid:
            let day = Date.ISO8601FormatStyle().year().month().day()
            if let field = entry.changes.first?.field,
                let period = periods.first(where: { field.hasPrefix("period \($0.startsAt.formatted(day))…") })
            {
                let last = period.endsAt.addingTimeInterval(-1)
                what += " for \(DemoTime.dayAndMonth(period.startsAt)) – \(DemoTime.dayAndMonth(last))"
            }
        default:
            break
        }
        return "\(when)  \(who): \(what)"
    }
}
