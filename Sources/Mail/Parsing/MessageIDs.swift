/// Reading `Message-ID`, `In-Reply-To`, `References`, `Content-ID` and `Return-Path` values.
enum MessageIDs {
    /// The identifiers in `value` without angle brackets, in order: every `<id>` (white space inside
    /// removed, comments and junk between skipped); when there is no bracketed one, the bare words.
    static func list(_ value: [UInt8]) -> [String] {
        value.withUnsafeBufferPointer { input in
            var bracketed: [String] = []
            var bare: [String] = []
            var scanner = TokenScanner(input: input)
            let count = input.count
            while true {
                scanner.skipSpaceAndComments()
                guard scanner.index < count else { break }
                let byte = input[scanner.index]
                if byte == UInt8(ascii: "<") {
                    let start = scanner.index &+ 1
                    var end = start
                    while end < count && input[end] != UInt8(ascii: ">") && input[end] != UInt8(ascii: "<") {
                        end &+= 1
                    }
                    let id = compact(UnsafeBufferPointer(rebasing: input[start..<end]))
                    if !id.isEmpty { bracketed.append(id) }
                    scanner.index = end < count && input[end] == UInt8(ascii: ">") ? end &+ 1 : end
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") {
                    if byte == UInt8(ascii: "\"") { _ = scanner.quotedString() } else { scanner.index &+= 1 }
                } else {
                    let start = scanner.index
                    var end = start
                    while end < count, !ByteScan.isSpace(input[end]), input[end] != UInt8(ascii: "<"),
                        input[end] != UInt8(ascii: "("), input[end] != UInt8(ascii: ",")
                    {
                        end &+= 1
                    }
                    if bracketed.isEmpty {
                        bare.append(String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self))
                    }
                    scanner.index = end
                }
            }
            return bracketed.isEmpty ? bare : bracketed
        }
    }

    /// `Return-Path`: `""` for the null path `<>`, else the address without brackets.
    static func returnPath(_ value: [UInt8]) -> String {
        value.withUnsafeBufferPointer { input in
            guard let open = ByteScan.find(UInt8(ascii: "<"), in: input, from: 0, to: input.count) else {
                var scanner = TokenScanner(input: input)
                scanner.skipSpaceAndComments()
                let rest = UnsafeBufferPointer(rebasing: input[scanner.index...])
                return compact(rest)
            }
            let close = ByteScan.find(UInt8(ascii: ">"), in: input, from: open, to: input.count) ?? input.count
            return compact(UnsafeBufferPointer(rebasing: input[(open &+ 1)..<close]))
        }
    }

    /// The bytes without white space, as a string.
    private static func compact(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        for byte in input where !ByteScan.isSpace(byte) { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
