import Foundation

/// A stable digest of a command's performer and input, stored with an idempotency key so a
/// repeated call can be told from a different request reusing the key.
///
/// The input is encoded as canonical JSON (sorted keys) and hashed with two 64-bit FNV-1a lanes:
/// stable across processes and releases (unlike `Hasher`), and cheap. It guards against a host's
/// mistake, not an attacker: the host chooses its own keys.
struct RequestFingerprint: Hashable, Sendable {
    /// The digest as 32 hexadecimal digits.
    let hex: String

    /// The fingerprint of `command` performed by `performer` with `inputs`.
    init(command: String, performer: Performer, inputs: [any Encodable]) throws(HelpDeskError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A non-finite number (an infinite instant) is fingerprinted, not refused here: the command
        // checks its input afterwards and names the field at fault.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        var bytes = Array(command.utf8)
        do {
            bytes += try encoder.encode(performer)
            for input in inputs { bytes += try encoder.encode(input) }
        } catch {
            throw .invalidInput(field: "request", problem: .malformed(expected: "an encodable request"))
        }
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* 0x100_0000_01b3
            high = (high ^ UInt64(byte ^ 0x5a)) &* 0x100_0000_01b3
        }
        hex = String(format: "%016llx%016llx", high, low)
    }
}

/// One command call made with an idempotency key: the key, the command's name and the
/// fingerprint of its input.
struct IdempotentCall: Sendable {
    let key: IdempotencyKey
    let command: String
    let fingerprint: RequestFingerprint

    /// The call for `key`, or `nil` without a key (then nothing is fingerprinted).
    static func make(
        _ key: IdempotencyKey?, _ command: String, by performer: Performer,
        _ inputs: @autoclosure () -> [any Encodable]
    ) throws(HelpDeskError) -> IdempotentCall? {
        guard let key else { return nil }
        let text = key.rawValue
        if text.isEmpty || text.count > IdempotencyKey.maximumLength
            || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            throw .invalidInput(
                field: "idempotencyKey", problem: .malformed(expected: "1–200 characters without control characters"))
        }
        return IdempotentCall(
            key: key, command: command,
            fingerprint: try RequestFingerprint(command: command, performer: performer, inputs: inputs()))
    }
}
