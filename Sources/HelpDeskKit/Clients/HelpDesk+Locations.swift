import Foundation

extension HelpDesk {
    /// Adds a location to a company; the time zone must be a known IANA identifier.
    public func addLocation(_ request: NewLocation, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Location
    {
        try await perform(
            by: performer, command: "addLocation", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients, companyID: request.companyID))
            _ = try await loadCompany(request.companyID)
            try Validate.notBlank(request.name, field: "name")
            guard TimeZone(identifier: request.timeZoneIdentifier) != nil else {
                throw .invalidInput(field: "timeZoneIdentifier", problem: .malformed(expected: "an IANA time zone"))
            }
            if let calendar = request.calendar { try Validate.locationCalendar(calendar, zone: request.timeZoneIdentifier) }
            let siblings = try await storage { try await companyStore.locations(of: request.companyID) }
            if siblings.contains(where: { $0.name.lowercased() == request.name.lowercased() }) {
                throw .duplicateName(request.name)
            }
            let location = Location(
                id: nextID(), companyID: request.companyID, name: request.name, address: request.address,
                timeZoneIdentifier: request.timeZoneIdentifier, calendar: request.calendar)
            context.work.clients.locations = [location]
            try await recordTrail(
                .created, of: .location(location.id), company: location.companyID, from: nil, to: location,
                by: context.performer, into: &context.work)
            return location
        }
    }

    /// Renames a location or changes its address; its time zone and calendar stay (they date the
    /// SLA deadlines already running there: a site that moves to another zone is a new location).
    public func updateLocation(
        _ id: LocationID, _ update: LocationUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Location {
        try await perform(
            by: performer, command: "updateLocation", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            var location = try await loadLocation(id)
            try authorize(context.principal, AccessRequest(.manageClients, companyID: location.companyID))
            let original = location
            if let name = update.name {
                try Validate.notBlank(name, field: "name")
                let siblings = try await storage { try await companyStore.locations(of: location.companyID) }
                if siblings.contains(where: { $0.id != id && $0.name.lowercased() == name.lowercased() }) {
                    throw .duplicateName(name)
                }
                location.name = name
            }
            if let address = update.address { location.address = address }
            guard location != original else { return location }
            context.work.clients.locations = [location]
            try await recordTrail(
                .updated, of: .location(id), company: location.companyID, from: original, to: location,
                by: context.performer, into: &context.work)
            return location
        }
    }
}
