/// A kind of work time can be logged for (e.g. `work`, `travel`), from the desk's configured list.
public struct LaborActivity: Hashable, Sendable, Codable {
    /// Stable code stored on time entries; unique, non-blank.
    public var code: String
    /// Name shown to people.
    public var name: String

    /// Describes an activity.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The default list: work, travel, consultation.
    public static let standard: [LaborActivity] = [
        LaborActivity(code: "work", name: "Work"),
        LaborActivity(code: "travel", name: "Travel"),
        LaborActivity(code: "consultation", name: "Consultation"),
    ]
}
