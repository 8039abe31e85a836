/// The channel a ticket arrived through.
public enum Channel: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// A letter to the support mailbox.
    case email
    /// A call taken by a dispatcher.
    case phone
    /// A form on a website.
    case webForm
    /// The client portal.
    case portal
    /// A messenger or chat bot.
    case messenger
    /// A program using the host's API.
    case api

    public var description: String { rawValue }
}
