import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 11:10: an engineer's role at work: another group's ticket stays out of sight, and billing is
    /// refused with the missing permission named; neither attempt changes the desk.
    mutating func rolesAtWork() async throws(HelpDeskError) {
        guard let vpn = tickets.vpn else { return }
        at(11, 10)
        let ben = Performer.employee(staff.ben.id)
        let before = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let number = try await desk.ticket(vpn, as: .system).number
        say("\(staff.ben.name), an engineer in Field engineers, opens \(number) of the Network group")
        do {
            _ = try await desk.ticket(vpn, as: ben)
            then("WARNING: an engineer read another group's ticket")
        } catch {
            then("\(error.code): outside his groups the ticket does not exist for him")
        }
        say("\(staff.ben.name) tries to top up \(demo.clients.acme.name)'s prepaid balance")
        do {
            _ = try await desk.topUp(
                demo.clients.acme.id, amount: Price(Money(minorUnits: 1_000_00, currency: .rub)),
                paymentReference: "BEN-1", by: ben)
            then("WARNING: an engineer topped up a balance")
        } catch {
            if case .forbidden(_, let action) = error.reason {
                then("\(error.code): his role lacks the permission \(action.prefix { $0 != " " })")
            } else {
                then("WARNING: refused for another reason: \(error)")
            }
        }
        let after = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        then(after == before ? "nothing changed; Maria, the administrator, handles balances" : "WARNING: the desk changed")
        pause()
    }
}
