extension Template: Codable {
    /// Decodes a template from its source string, parsing it with the standard limits.
    ///
    /// A stored source that no longer parses fails decoding with the `TemplateError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(parsing: container.decode(String.self))
    }

    /// Encodes the template as its source string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }
}
