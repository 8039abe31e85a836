/// One header field as read: its name and its value unfolded (line breaks removed) and trimmed, not decoded.
struct RawField {
    /// The field name as written.
    var name: String
    /// The value's bytes.
    var value: [UInt8]
}

/// A header block as read: its fields, where the body starts, and the charset raw 8-bit values are in.
struct RawHeaderBlock {
    /// The fields in order.
    var fields: [RawField] = []
    /// The index of the body's first byte (after the empty line), or the end of the input.
    var bodyStart: Int
    /// The guessed charset of raw 8-bit values (UTF-8 when they are valid UTF-8).
    var fallback: MailCharset = .utf8

    /// The first field named `name` (lowercase ASCII), or `nil`.
    func first(_ name: String) -> RawField? { fields.first { $0.name.caseInsensitivelyEquals(name) } }

    /// Every field named `name` (lowercase ASCII).
    func all(_ name: String) -> [RawField] { fields.filter { $0.name.caseInsensitivelyEquals(name) } }

    /// The fields decoded (encoded-words and raw 8-bit text) for ``MailHeaders``.
    func decoded(problems: inout [MailProblem]) -> MailHeaders {
        let decoder = HeaderTextDecoder(fallback: fallback)
        var headers: [MailHeader] = []
        headers.reserveCapacity(fields.count)
        for field in fields {
            let value = field.value.withUnsafeBufferPointer {
                decoder.decode($0, field: field.name, problems: &problems)
            }
            headers.append(MailHeader(name: field.name, value: value))
        }
        return MailHeaders(headers)
    }
}

/// Reading a header block (RFC 5322 §2.2): CRLF or bare LF, folded lines unfolded, field names checked,
/// the limits applied (the rest dropped with a problem, never a trap).
enum HeaderBlockParser {
    /// Reads the header block at the start of `input[range]`.
    static func parse(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limits: MailLimits, path: String,
        problems: inout [MailProblem]
    ) -> RawHeaderBlock {
        var block = RawHeaderBlock(bodyStart: range.upperBound)
        var current: RawField?
        var dropping = false
        var overLimit = false
        var lineStart = range.lowerBound
        let end = range.upperBound
        var first = true
        while lineStart < end {
            let newline = ByteScan.find(0x0A, in: input, from: lineStart, to: end)
            let next = newline.map { $0 &+ 1 } ?? end
            var lineEnd = newline ?? end
            if lineEnd > lineStart && input[lineEnd &- 1] == 0x0D { lineEnd &-= 1 }
            defer { first = false }
            if lineEnd == lineStart {  // the empty line: the body follows
                block.bodyStart = next
                return finish(block, current, problems: &problems, path: path)
            }
            if !overLimit && lineEnd &- range.lowerBound > limits.maximumHeaderBytes {
                overLimit = true
                dropping = true
                problems.append(MailProblem(.tooManyHeaders, detail(path, "the header block is too long")))
            }
            if ByteScan.isBlank(input[lineStart]) {  // a continuation line
                if !dropping && current != nil {
                    current?.value.append(contentsOf: UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd]))
                }
                lineStart = next
                continue
            }
            if let field = current { block.fields.append(field) }
            current = nil
            dropping = false
            if first && lineEnd &- lineStart >= 5 && input[lineStart..<(lineStart &+ 5)].elementsEqual("From ".utf8) {
                lineStart = next  // an mbox separator line
                continue
            }
            guard let colon = ByteScan.find(UInt8(ascii: ":"), in: input, from: lineStart, to: lineEnd) else {
                if fieldFollows(input, from: next, to: end) {
                    // A stray line among the fields: skipped, the fields after it are kept.
                    problems.append(MailProblem(.malformedHeader, detail(path, "a line without a colon was skipped")))
                    lineStart = next
                    continue
                }
                // Not a header: the body starts here (a missing empty line).
                problems.append(MailProblem(.malformedHeader, detail(path, "a line without a colon ends the header")))
                block.bodyStart = lineStart
                return finish(block, nil, problems: &problems, path: path)
            }
            var nameEnd = colon
            while nameEnd > lineStart && ByteScan.isBlank(input[nameEnd &- 1]) { nameEnd &-= 1 }
            let name = UnsafeBufferPointer(rebasing: input[lineStart..<nameEnd])
            guard !name.isEmpty, name.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                problems.append(MailProblem(.malformedHeader, detail(path, "an invalid field name")))
                dropping = true
                lineStart = next
                continue
            }
            if !overLimit && block.fields.count >= limits.maximumHeaderFields {
                overLimit = true
                problems.append(
                    MailProblem(.tooManyHeaders, detail(path, "more than \(limits.maximumHeaderFields) fields")))
            }
            if overLimit {
                dropping = true
                lineStart = next
                continue
            }
            current = RawField(
                name: String(decoding: name, as: UTF8.self),
                value: Array(UnsafeBufferPointer(rebasing: input[(colon &+ 1)..<lineEnd])))
            lineStart = next
        }
        block.bodyStart = end
        return finish(block, current, problems: &problems, path: path)
    }

    /// `true` when one of the two lines starting at `start` is a field with a valid name (`Name:` of
    /// printable ASCII without spaces): then a line without a colon before them is a stray line in the
    /// header, not the start of a body that lacks its empty line.
    private static func fieldFollows(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var lineStart = start
        for _ in 0..<2 where lineStart < end {
            let newline = ByteScan.find(0x0A, in: input, from: lineStart, to: end)
            var lineEnd = newline ?? end
            if lineEnd > lineStart && input[lineEnd &- 1] == 0x0D { lineEnd &-= 1 }
            guard lineEnd > lineStart, !ByteScan.isBlank(input[lineStart]) else { return false }
            if let colon = ByteScan.find(UInt8(ascii: ":"), in: input, from: lineStart, to: lineEnd), colon > lineStart,
                UnsafeBufferPointer(rebasing: input[lineStart..<colon]).allSatisfy({ $0 > 32 && $0 < 127 })
            {
                return true
            }
            lineStart = newline.map { $0 &+ 1 } ?? end
        }
        return false
    }

    /// Adds the last field, trims every value, keeps folded values within the byte limit, and guesses
    /// the charset of raw 8-bit values.
    private static func finish(
        _ block: RawHeaderBlock, _ last: RawField?, problems: inout [MailProblem], path: String
    ) -> RawHeaderBlock {
        var block = block
        if let last { block.fields.append(last) }
        var eightBit: [UInt8] = []
        var eightBitNames: [String] = []
        for index in block.fields.indices {
            trim(&block.fields[index].value)
            let isValidUTF8 = block.fields[index].value.withUnsafeBufferPointer {
                !ByteScan.hasEightBit($0) || UTF8Validation.isValid($0)
            }
            if !isValidUTF8 {
                eightBit.append(contentsOf: block.fields[index].value)
                eightBitNames.append(block.fields[index].name)
            }
        }
        if !eightBit.isEmpty {
            block.fallback = eightBit.withUnsafeBufferPointer { CharsetGuess.guessEightBit($0) }
            problems.append(
                MailProblem(
                    .rawEightBitHeader,
                    detail(path, "\(eightBitNames.joined(separator: ", ")) read as \(block.fallback.rawValue)")))
        }
        return block
    }

    /// Removes leading and trailing white space (and stray CRs) in place.
    private static func trim(_ value: inout [UInt8]) {
        var end = value.count
        while end > 0 && (ByteScan.isSpace(value[end &- 1])) { end &-= 1 }
        var start = 0
        while start < end && ByteScan.isSpace(value[start]) { start &+= 1 }
        if start > 0 || end < value.count { value = Array(value[start..<end]) }
    }
}

/// A problem's detail: `text`, after the part's path when it is not the message itself.
func detail(_ path: String, _ text: String) -> String { path.isEmpty ? text : "part \(path): \(text)" }
