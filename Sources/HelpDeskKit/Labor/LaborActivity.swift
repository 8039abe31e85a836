/// A kind of work time can be logged for (e.g. `work`, `travel`), from the desk's configured list.
public struct LaborActivity: Hashable, Sendable, Codable {
    /// Stable code stored on time entries; unique, non-blank.
    public var code: String
    /// Name shown to people.
    public var name: String
    /// An entry of this activity is an on-site visit: it counts against a service period's
    /// included visits (``ServicePeriod/includedVisits``).
    public var isVisit: Bool

    /// Describes an activity.
    public init(code: String, name: String, isVisit: Bool = false) {
        self.code = code
        self.name = name
        self.isVisit = isVisit
    }

    private enum CodingKeys: String, CodingKey { case code, name, isVisit }

    /// Decodes an activity; one written before visits were counted is not a visit.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            isVisit: try container.decodeIfPresent(Bool.self, forKey: .isVisit) ?? false)
    }

    /// The default list: work, travel, consultation.
    public static let standard: [LaborActivity] = [
        LaborActivity(code: "work", name: "Work"),
        LaborActivity(code: "travel", name: "Travel"),
        LaborActivity(code: "consultation", name: "Consultation"),
    ]
}
