import Foundation

/// The JSON encoding of every JSON part the store writes (the rest of a unit of work, a
/// snapshot's directory and comment threads).
///
/// Keys are sorted, so equal values always give the same bytes: a dictionary's own iteration
/// order depends on its history and on the process's hash seed.
enum StoreJSON {
    /// The sorted-keys JSON of `value`.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }
}
