/// Text written in a single-byte legacy charset, the inverse of the parser's tables: for hosts that
/// replay old mail, and for tests and demos that write letters as old mailers did.
public enum LegacyText {
    /// `text` in the single-byte charset `label` names (`windows-1251`, `KOI8-R`, `latin1`, …);
    /// `nil` when the label names no single-byte charset or a character has no byte in it.
    public static func encode(_ text: String, charset label: String) -> [UInt8]? {
        guard let table = MailCharset.named(label)?.table else { return nil }
        var upper: [UInt32: UInt8] = [:]
        for (offset, scalar) in table.enumerated() where upper[UInt32(scalar)] == nil {
            upper[UInt32(scalar)] = UInt8(0x80 + offset)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = upper[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }
}
