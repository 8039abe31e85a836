import Foundation

/// Builds the MIME tree of a message: header blocks, content fields, multipart bodies split at their
/// boundaries, embedded messages parsed as children, transfer encodings undone; depth and part limits
/// applied (never recursion without the depth bound).
struct MimeTreeBuilder {
    /// The bounds in force.
    let limits: MailLimits
    /// What was worked around so far.
    var problems: [MailProblem] = []
    /// Parts built so far in the whole message.
    var partCount = 0
    /// The raw header block of the root, kept for the message-level fields.
    var rootBlock: RawHeaderBlock?
    private var reportedTooManyParts = false

    /// The depth limit, at most 200 whatever the limits say: the tree is built recursively.
    private var maximumDepth: Int { min(limits.maximumDepth, 200) }

    /// A builder applying `limits`.
    init(limits: MailLimits) { self.limits = limits }

    /// The part (or message) in `input[range]`, at `depth`, typed `defaultType` when it declares none.
    mutating func part(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, depth: Int, defaultType: String, path: String
    ) -> MailPart {
        partCount &+= 1
        let block = HeaderBlockParser.parse(input, range, limits: limits, path: path, problems: &problems)
        if rootBlock == nil { rootBlock = block }
        var part = MailPart(headers: block.decoded(problems: &problems), mediaType: defaultType)
        let decoder = HeaderTextDecoder(fallback: block.fallback)
        var boundary: [UInt8]?
        if let field = block.first("content-type") {
            let content = field.value.withUnsafeBufferPointer {
                ContentField.parse($0, isMediaType: true, decoder: decoder, field: field.name, problems: &problems)
            }
            if let type = content.value { part.mediaType = type }
            part.parameters = content.parameters
            part.charset = content.parameters["charset"]?.lowercased()
            boundary = content.boundary
            part.fileName = content.parameters["name"]
        }
        if let field = block.first("content-disposition") {
            let content = field.value.withUnsafeBufferPointer {
                ContentField.parse($0, isMediaType: false, decoder: decoder, field: field.name, problems: &problems)
            }
            part.disposition = content.value
            if let name = content.parameters["filename"], !name.isEmpty { part.fileName = name }
        }
        if part.fileName?.isEmpty == true { part.fileName = nil }
        if let field = block.first("content-id") {
            part.contentID = MessageIDs.list(field.value).first
        }
        let body = block.bodyStart..<max(block.bodyStart, range.upperBound)
        if part.isMultipart {
            multipart(input, body, boundary: boundary, depth: depth, path: path, into: &part)
            return part
        }
        decodeBody(input, body, encoding: block.first("content-transfer-encoding"), path: path, into: &part)
        if part.mediaType == "message/rfc822" || part.mediaType == "message/global" {
            embedded(depth: depth, path: path, into: &part)
        }
        return part
    }

    /// Splits a multipart body and builds its children; a missing boundary keeps the body raw.
    private mutating func multipart(
        _ input: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, boundary: [UInt8]?, depth: Int, path: String,
        into part: inout MailPart
    ) {
        guard let boundary, !boundary.isEmpty else {
            problems.append(MailProblem(.missingBoundary, detail(path, "\(part.mediaType) without a boundary")))
            keepRaw(input, body, into: &part)
            return
        }
        let split = boundary.withUnsafeBufferPointer { Boundaries.split(input, body, boundary: $0) }
        guard split.found else {
            problems.append(MailProblem(.missingBoundary, detail(path, "the boundary never occurs")))
            keepRaw(input, body, into: &part)
            return
        }
        guard depth < maximumDepth else {
            problems.append(MailProblem(.tooDeep, detail(path, "deeper than \(maximumDepth)")))
            keepRaw(input, body, into: &part)
            return
        }
        if !split.closed {
            problems.append(MailProblem(.unterminatedMultipart, detail(path, "no closing boundary")))
        }
        let childType = part.mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
        for (number, range) in split.parts.enumerated() {
            guard roomForAnotherPart() else { break }
            let childPath = path.isEmpty ? "\(number &+ 1)" : "\(path).\(number &+ 1)"
            part.children.append(self.part(input, range, depth: depth &+ 1, defaultType: childType, path: childPath))
        }
    }

    /// Parses the body of a `message/rfc822` part as its one child.
    private mutating func embedded(depth: Int, path: String, into part: inout MailPart) {
        guard depth < maximumDepth else {
            problems.append(MailProblem(.tooDeep, detail(path, "deeper than \(maximumDepth)")))
            return
        }
        guard roomForAnotherPart() else { return }
        let bytes = part.body
        let childPath = path.isEmpty ? "1" : "\(path).1"
        let child = bytes.withUnsafeBufferPointer {
            self.part($0, 0..<$0.count, depth: depth &+ 1, defaultType: "text/plain", path: childPath)
        }
        part.children = [child]
    }

    /// `true` while the part limit allows another part; past it, reports ``MailProblem/Kind/tooManyParts`` once.
    private mutating func roomForAnotherPart() -> Bool {
        if partCount < limits.maximumParts { return true }
        if !reportedTooManyParts {
            reportedTooManyParts = true
            problems.append(MailProblem(.tooManyParts, "more than \(limits.maximumParts) parts"))
        }
        return false
    }

    /// Undoes the content-transfer-encoding of a leaf body.
    private mutating func decodeBody(
        _ input: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, encoding field: RawField?, path: String,
        into part: inout MailPart
    ) {
        let raw = UnsafeBufferPointer(rebasing: input[body])
        let name =
            field?.value.withUnsafeBufferPointer { value in
                var scanner = TokenScanner(input: value)
                scanner.skipSpaceAndComments()
                return scanner.token()?.lowercased() ?? ""
            } ?? ""
        switch name {
        case "base64":
            let (bytes, valid) = Base64Decoding.decode(raw)
            part.body = bytes
            if !valid { problems.append(MailProblem(.invalidBase64, detail(path, "invalid characters skipped"))) }
        case "quoted-printable":
            let (bytes, valid) = QuotedPrintableDecoding.decode(raw)
            part.body = bytes
            if !valid {
                problems.append(MailProblem(.invalidQuotedPrintable, detail(path, "invalid escapes kept")))
            }
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit":
            part.body = Array(raw)
        default:
            problems.append(MailProblem(.unknownTransferEncoding, detail(path, name)))
            part.body = Array(raw)
            part.isRaw = true
        }
    }

    /// Keeps `body` as the part's raw bytes.
    private func keepRaw(_ input: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, into part: inout MailPart) {
        part.body = Array(UnsafeBufferPointer(rebasing: input[body]))
        part.isRaw = true
    }
}

/// Finding the delimiter lines of a multipart body (RFC 2046 §5.1.1).
enum Boundaries {
    /// The parts between delimiter lines; the preamble and the epilogue are dropped.
    struct Split {
        /// Each part's range (without the line break that belongs to the next delimiter).
        var parts: [Range<Int>] = []
        /// `true` when a delimiter line occurred.
        var found = false
        /// `true` when the closing delimiter `--boundary--` occurred.
        var closed = false
    }

    /// Splits `input[body]` at lines `--boundary` and `--boundary--`, each followed only by blanks
    /// (transport padding): a line where other text follows the boundary is not a delimiter, so a longer
    /// boundary of a nested multipart that starts with this one never matches it.
    static func split(_ input: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, boundary: UnsafeBufferPointer<UInt8>)
        -> Split
    {
        var split = Split()
        guard let base = input.baseAddress, let boundaryBase = boundary.baseAddress else { return split }
        var partStart: Int?
        var lineStart = body.lowerBound
        let end = body.upperBound
        let length = boundary.count
        while lineStart < end {
            let newline = ByteScan.find(0x0A, in: input, from: lineStart, to: end)
            let next = newline.map { $0 &+ 1 } ?? end
            let lineEnd = newline ?? end
            defer { lineStart = next }
            guard lineEnd &- lineStart >= length &+ 2, input[lineStart] == UInt8(ascii: "-"),
                input[lineStart &+ 1] == UInt8(ascii: "-"),
                memcmp(base + (lineStart &+ 2), boundaryBase, length) == 0
            else { continue }
            var index = lineStart &+ 2 &+ length
            var closing = false
            if index &+ 1 < lineEnd && input[index] == UInt8(ascii: "-") && input[index &+ 1] == UInt8(ascii: "-") {
                closing = true
                index &+= 2
            }
            while index < lineEnd && ByteScan.isSpace(input[index]) { index &+= 1 }
            guard index == lineEnd else { continue }
            split.found = true
            if let start = partStart {
                var partEnd = lineStart
                if partEnd > start && input[partEnd &- 1] == 0x0A { partEnd &-= 1 }
                if partEnd > start && input[partEnd &- 1] == 0x0D { partEnd &-= 1 }
                split.parts.append(start..<partEnd)
            }
            if closing {
                split.closed = true
                return split
            }
            partStart = next
        }
        if let start = partStart { split.parts.append(start..<max(start, end)) }
        return split
    }
}
