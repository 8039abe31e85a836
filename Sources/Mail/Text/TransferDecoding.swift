/// Base64 decoding as mail needs it: white space skipped, missing padding tolerated, invalid characters
/// skipped and reported.
enum Base64Decoding {
    private static let invalid: UInt8 = 0xFF
    private static let blank: UInt8 = 0xFE
    private static let pad: UInt8 = 0xFD

    /// Each byte's 6-bit value, or one of the markers above.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "-"))] = 62  // the URL-safe alphabet, as some mailers write it
        table[Int(UInt8(ascii: "_"))] = 63
        for byte in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C] { table[byte] = blank }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()

    /// The decoded bytes, and `false` when `input` held characters outside the alphabet or a lone
    /// sixth-bit group (those are skipped).
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        var valid = true
        let capacity = input.count / 4 &* 3 &+ 3
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
            var count = 0
            var accumulator: UInt32 = 0
            var pending = 0
            values.withUnsafeBufferPointer { values in
                for byte in input {
                    let value = values[Int(byte)]
                    if value < 64 {
                        accumulator = accumulator << 6 | UInt32(value)
                        pending &+= 1
                        if pending == 4 {
                            output[count] = UInt8(truncatingIfNeeded: accumulator >> 16)
                            output[count &+ 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                            output[count &+ 2] = UInt8(truncatingIfNeeded: accumulator)
                            count &+= 3
                            pending = 0
                            accumulator = 0
                        }
                    } else if value == blank {
                        continue
                    } else if value == pad {
                        flush(&accumulator, &pending, output, &count, &valid)
                    } else {
                        valid = false
                    }
                }
            }
            flush(&accumulator, &pending, output, &count, &valid)
            written = count
        }
        return (bytes, valid)
    }

    /// Writes the bytes of a partial group (2 or 3 characters); a lone character is invalid.
    @inline(__always)
    private static func flush(
        _ accumulator: inout UInt32, _ pending: inout Int, _ output: UnsafeMutableBufferPointer<UInt8>,
        _ count: inout Int, _ valid: inout Bool
    ) {
        switch pending {
        case 2:
            output[count] = UInt8(truncatingIfNeeded: accumulator >> 4)
            count &+= 1
        case 3:
            output[count] = UInt8(truncatingIfNeeded: accumulator >> 10)
            output[count &+ 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
            count &+= 2
        case 1: valid = false
        default: break
        }
        pending = 0
        accumulator = 0
    }
}

/// Quoted-printable decoding (RFC 2045 §6.7) and the Q encoding of encoded-words (RFC 2047 §4.2).
enum QuotedPrintableDecoding {
    /// The decoded bytes, and `false` when an `=` began no valid escape (it is kept literally).
    /// Soft line breaks are removed, lowercase hex accepted, trailing blanks before a line break dropped.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        var valid = true
        let count = input.count
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { output, written in
            var length = 0  // the output never outgrows the input
            var index = 0
            while index < count {
                let byte = input[index]
                if byte == UInt8(ascii: "=") {
                    if index &+ 2 < count, let high = ByteScan.hexValue(input[index &+ 1]),
                        let low = ByteScan.hexValue(input[index &+ 2])
                    {
                        output[length] = high << 4 | low
                        length &+= 1
                        index &+= 3
                        continue
                    }
                    // A soft line break: `=`, optional blanks, then CRLF, LF or the end.
                    var next = index &+ 1
                    while next < count && ByteScan.isBlank(input[next]) { next &+= 1 }
                    if next == count {
                        index = next
                    } else if input[next] == 0x0A {
                        index = next &+ 1
                    } else if input[next] == 0x0D {
                        index = next &+ 1 < count && input[next &+ 1] == 0x0A ? next &+ 2 : next &+ 1
                    } else {
                        valid = false
                        output[length] = byte
                        length &+= 1
                        index &+= 1
                    }
                } else if ByteScan.isBlank(byte) {
                    var next = index &+ 1
                    while next < count && ByteScan.isBlank(input[next]) { next &+= 1 }
                    if next < count && input[next] != 0x0A && input[next] != 0x0D {
                        while index < next {
                            output[length] = input[index]
                            length &+= 1
                            index &+= 1
                        }
                    }
                    index = next
                } else {
                    output[length] = byte
                    length &+= 1
                    index &+= 1
                }
            }
            written = length
        }
        return (bytes, valid)
    }

    /// The Q encoding of an encoded-word: `_` is a space, `=XX` a byte; `false` for an invalid escape.
    static func decodeQ(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        let count = input.count
        var index = 0
        var valid = true
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "=") {
                if index &+ 2 < count, let high = ByteScan.hexValue(input[index &+ 1]),
                    let low = ByteScan.hexValue(input[index &+ 2])
                {
                    output.append(high << 4 | low)
                    index &+= 3
                    continue
                }
                valid = false
                output.append(byte)
            } else {
                output.append(byte)
            }
            index &+= 1
        }
        return valid
    }
}
