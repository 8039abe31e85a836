import Foundation

/// One field of a record as the trail shows it: its name and its value as text.
struct TrailField<Record>: Sendable {
    let name: String
    let text: @Sendable (Record) -> String?

    init(_ name: String, _ text: @escaping @Sendable (Record) -> String?) {
        self.name = name
        self.text = text
    }
}

/// A record whose changes the trail lists field by field.
protocol TrailRecord {
    /// The fields the trail compares, in the order it lists them.
    static var trailFields: [TrailField<Self>] { get }
}

extension TrailRecord {
    /// Every field whose text differs between `old` and `new`; `nil` stands for "no record" (a
    /// creation lists every set field, a deletion every field it had).
    static func trailChanges(from old: Self?, to new: Self?) -> [TrailChange] {
        trailFields.compactMap { field in
            let before = old.flatMap(field.text)
            let after = new.flatMap(field.text)
            return before == after ? nil : TrailChange(field.name, from: before, to: after)
        }
    }
}

/// Text forms shared by the trail's fields.
enum TrailText {
    /// An instant in ISO 8601, as audit values are written.
    static func instant(_ date: Date?) -> String? { date.map { $0.formatted(.iso8601) } }
    /// A list of identifiers, comma-separated; `nil` when empty.
    static func ids<Tag>(_ ids: [Identifier<Tag>]) -> String? {
        ids.isEmpty ? nil : ids.map(\.description).joined(separator: ",")
    }
    /// A dictionary as `key=value; …` sorted by key; `nil` when empty.
    static func pairs(_ values: [String: String]) -> String? {
        values.isEmpty ? nil : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
    /// `nil` for an empty text.
    static func text(_ value: String?) -> String? { value?.isEmpty == false ? value : nil }
}

extension Company: TrailRecord {
    static let trailFields: [TrailField<Company>] = [
        TrailField("name") { $0.name }, TrailField("registration") { TrailText.pairs($0.registration) },
        TrailField("notes") { TrailText.text($0.notes) }, TrailField("slaPolicy") { $0.slaPolicyID?.description },
        TrailField("ticketSharing") { "\($0.ticketSharing)" },
    ]
}

extension Location: TrailRecord {
    static let trailFields: [TrailField<Location>] = [
        TrailField("name") { $0.name }, TrailField("address") { TrailText.text($0.address) },
        TrailField("timeZone") { $0.timeZoneIdentifier },
    ]
}

extension Contact: TrailRecord {
    static let trailFields: [TrailField<Contact>] = [
        TrailField("name") { $0.name }, TrailField("location") { $0.locationID?.description },
        TrailField("additionalLocations") { TrailText.ids($0.additionalLocationIDs) },
        TrailField("position") { TrailText.text($0.position) }, TrailField("email") { $0.email },
        TrailField("phone") { $0.phone }, TrailField("mayFileTickets") { "\($0.mayFileTickets)" },
        TrailField("mayApprovePaidWork") { "\($0.mayApprovePaidWork)" },
        TrailField("portalScope") { "\($0.portalScope)" }, TrailField("mayViewBilling") { "\($0.mayViewBilling)" },
        TrailField("active") { "\($0.isActive)" },
    ]
}

extension Contract: TrailRecord {
    static let trailFields: [TrailField<Contract>] = [
        TrailField("number") { $0.number }, TrailField("startsAt") { TrailText.instant($0.startsAt) },
        TrailField("endsAt") { TrailText.instant($0.endsAt) }, TrailField("status") { $0.status.rawValue },
        TrailField("coveredLocations") { TrailText.ids($0.coveredLocationIDs) },
        TrailField("coveredCategories") { TrailText.ids($0.coveredCategoryIDs) },
        TrailField("slaPolicy") { $0.slaPolicyID?.description }, TrailField("manager") { $0.managerID?.description },
        TrailField("requiresPaidWorkApproval") { "\($0.requiresPaidWorkApproval)" },
    ]
}

extension ServicePeriod: TrailRecord {
    static let trailFields: [TrailField<ServicePeriod>] = [
        TrailField("startsAt") { TrailText.instant($0.startsAt) },
        TrailField("endsAt") { TrailText.instant($0.endsAt) }, TrailField("fee") { $0.fee.description },
        TrailField("includedLaborMinutes") { $0.includedLaborMinutes.map(String.init) },
        TrailField("laborRoundingStepMinutes") { $0.laborRoundingStepMinutes.map(String.init) },
        TrailField("laborAlertPercent") { $0.laborAlertPercent.map(String.init) },
        TrailField("invoicedAt") { TrailText.instant($0.invoicedAt) },
        TrailField("paymentDueAt") { TrailText.instant($0.paymentDueAt) },
        TrailField("paidAt") { TrailText.instant($0.paidAt) },
    ]
}

extension AssetModel: TrailRecord {
    static let trailFields: [TrailField<AssetModel>] = [
        TrailField("name") { $0.name }, TrailField("kind") { $0.kind },
        TrailField("attributes") { TrailText.pairs($0.attributes) },
    ]
}

extension Asset: TrailRecord {
    static let trailFields: [TrailField<Asset>] = [
        TrailField("model") { $0.modelID.description }, TrailField("serialNumber") { $0.serialNumber },
        TrailField("inventoryNumber") { TrailText.text($0.inventoryNumber) },
        TrailField("location") { $0.locationID.description }, TrailField("contract") { $0.contractID?.description },
        TrailField("inServiceSince") { TrailText.instant($0.inServiceSince) },
        TrailField("retiredAt") { TrailText.instant($0.retiredAt) },
    ]
}

extension PriceListItem: TrailRecord {
    static let trailFields: [TrailField<PriceListItem>] = [
        TrailField("code") { $0.code }, TrailField("name") { $0.name }, TrailField("kind") { "\($0.kind)" },
        TrailField("pricing") { "\($0.pricing)" }, TrailField("price") { $0.price.description },
        TrailField("validFrom") { TrailText.instant($0.validFrom) },
        TrailField("validUntil") { TrailText.instant($0.validUntil) },
    ]
}
