/// A value that is written as its `description` and read back by a throwing parser; its
/// `Codable` form is that single string.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the `description` form.
    init(parsing text: String) throws(WorkingTimeError)
}

extension TextCodable {
    /// Encodes as the `description` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from the `description` string, rejecting text the parser does not accept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}
