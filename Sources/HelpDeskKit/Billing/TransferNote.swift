import DoubleEntry
import Foundation

/// Why a transfer was posted, in words: a payment reference or an adjustment's reason.
public struct TransferNote: Hashable, Sendable, Codable {
    /// The transfer explained.
    public var transferID: TransferID
    /// The text.
    public var text: String
    /// Who posted it.
    public var performer: Performer
    /// When.
    public var at: Date

    /// Describes a note.
    public init(transferID: TransferID, text: String, performer: Performer, at: Date) {
        self.transferID = transferID
        self.text = text
        self.performer = performer
        self.at = at
    }
}
