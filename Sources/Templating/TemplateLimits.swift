/// How large a template `Template(parsing:limits:)` accepts, so hostile input is refused early.
public struct TemplateLimits: Hashable, Sendable {
    /// The longest source accepted, in UTF-8 bytes.
    public var maximumBytes: Int
    /// The most placeholders one template may hold.
    public var maximumPlaceholders: Int

    /// Creates limits; values below zero act as zero.
    public init(maximumBytes: Int = 65_536, maximumPlaceholders: Int = 256) {
        self.maximumBytes = maximumBytes
        self.maximumPlaceholders = maximumPlaceholders
    }

    /// 64 KiB and 256 placeholders: far beyond any notice or canned answer.
    public static let standard = TemplateLimits()
}
