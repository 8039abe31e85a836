/// Choosing the text, the HTML and the attachments from a message's MIME tree.
///
/// `text` is the first `text/plain` part meant for reading (not an attachment: no `attachment`
/// disposition and no file name unless marked `inline`; `format=flowed` unwrapped); without one (or
/// when it is blank), the first such `text/html` part turned into text. Embedded messages (`message/rfc822`) are not searched: they are attachments
/// (`.eml`) with their own tree in ``MailPart/children``. Machine-readable reports
/// (`message/delivery-status`, `message/disposition-notification`, `message/feedback-report`,
/// `text/rfc822-headers`) stay in the tree only. Every other leaf is an attachment.
struct BodySelection {
    /// The text body, line ends `\n`.
    var text = ""
    /// The HTML body, charset-decoded.
    var html: String?
    /// The attachments in tree order.
    var attachments: [MailAttachment] = []

    /// Media types kept in the tree only.
    private static let reports: Set<String> = [
        "message/delivery-status", "message/global-delivery-status", "message/disposition-notification",
        "message/feedback-report", "text/rfc822-headers", "message/global-headers",
    ]

    /// The selection for `root`, charset problems added to `problems`.
    init(root: MailPart, problems: inout [MailProblem]) {
        var leaves: [(part: MailPart, path: String)] = []
        Self.collect(root, path: "", into: &leaves)
        let plain = leaves.firstIndex { Self.isBody($0.part, "text/plain") }
        let htmlIndex = leaves.firstIndex { Self.isBody($0.part, "text/html") }
        if let htmlIndex {
            html = Self.decode(leaves[htmlIndex].part, path: leaves[htmlIndex].path, problems: &problems)
        }
        if let plain {
            let part = leaves[plain].part
            text = Self.decode(part, path: leaves[plain].path, problems: &problems)
            if part.parameters["format"]?.lowercased() == "flowed" {
                text = FlowedText.unwrapped(text, deleteSpace: part.parameters["delsp"]?.lowercased() == "yes")
            }
        }
        if let html, text.allSatisfy(\.isWhitespace) {
            text = HTMLText.text(of: html)  // no plain part, or an empty one beside the HTML
        }
        var counter = 0
        for (index, leaf) in leaves.enumerated() where index != plain && index != htmlIndex {
            let part = leaf.part
            guard !Self.reports.contains(part.mediaType) else { continue }
            counter += 1
            let name = part.fileName ?? Self.madeUpName(counter, part)
            let isInline = part.disposition == "inline" || (part.contentID != nil && part.disposition != "attachment")
            attachments.append(
                MailAttachment(
                    fileName: name, mediaType: part.mediaType, contentID: part.contentID, isInline: isInline,
                    bytes: part.body))
        }
    }

    /// The leaves of the tree in order; an embedded message counts as one leaf.
    private static func collect(_ part: MailPart, path: String, into leaves: inout [(part: MailPart, path: String)]) {
        if part.isMultipart && !part.isRaw {
            for (number, child) in part.children.enumerated() {
                collect(child, path: path.isEmpty ? "\(number + 1)" : "\(path).\(number + 1)", into: &leaves)
            }
        } else {
            leaves.append((part, path))
        }
    }

    /// `true` for a part of `mediaType` meant for reading.
    private static func isBody(_ part: MailPart, _ mediaType: String) -> Bool {
        guard part.mediaType == mediaType else { return false }
        if part.disposition == "attachment" { return false }
        return part.fileName == nil || part.disposition == "inline"
    }

    /// The body of a text part decoded in its charset (guessed when unknown, absent or wrong); for HTML
    /// without a charset parameter, the `<meta>` charset is used when given.
    static func decode(_ part: MailPart, path: String, problems: inout [MailProblem]) -> String {
        var label = part.charset
        if label == nil && part.mediaType == "text/html" { label = metaCharset(part.body) }
        let (text, trouble) = part.body.withUnsafeBufferPointer { body in
            // CR and LF are the same bytes in every charset the parser knows: normalise before decoding.
            guard part.mediaType == "text/plain", let normalized = LineEnds.normalized(body) else {
                return TextDecoding.decode(body, label: label)
            }
            return normalized.withUnsafeBufferPointer { TextDecoding.decode($0, label: label) }
        }
        switch trouble {
        case .unknownCharset?: problems.append(MailProblem(.unknownCharset, detail(path, label ?? "")))
        case .invalidText?: problems.append(MailProblem(.invalidText, detail(path, "not \(label ?? "")")))
        case nil: break
        }
        return text
    }

    /// The charset a `<meta charset=…>` or `<meta http-equiv… content="…; charset=…">` names in the first
    /// 2 KB of `html`, or `nil`.
    private static func metaCharset(_ html: [UInt8]) -> String? {
        let head = html.prefix(2_048).map(ByteScan.lower)
        let key = Array("charset=".utf8)
        guard head.count > key.count,
            let start = (0...(head.count - key.count)).first(where: { head[$0..<($0 + key.count)].elementsEqual(key) })
        else { return nil }
        var index = start + key.count
        while index < head.count && (head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'")) {
            index += 1
        }
        let begin = index
        while index < head.count,
            HTMLText.isAlphanumeric(head[index]) || head[index] == UInt8(ascii: "-")
                || head[index] == UInt8(ascii: "_")
        {
            index += 1
        }
        return index > begin ? String(decoding: head[begin..<index], as: UTF8.self) : nil
    }

    /// `attachment-N.ext`, the extension from the media type.
    private static func madeUpName(_ number: Int, _ part: MailPart) -> String {
        "attachment-\(number).\(fileExtension(part.mediaType))"
    }

    /// A file extension for `mediaType`.
    static func fileExtension(_ mediaType: String) -> String {
        if let found = extensions[mediaType] { return found }
        guard let slash = mediaType.firstIndex(of: "/") else { return "bin" }
        let subtype = mediaType[mediaType.index(after: slash)...]
        let clean = subtype.hasPrefix("x-") ? subtype.dropFirst(2) : subtype
        guard !clean.isEmpty, clean.count <= 8, clean.utf8.allSatisfy(HTMLText.isAlphanumeric) else { return "bin" }
        return String(clean)
    }

    /// Extensions of common media types.
    private static let extensions: [String: String] = [
        "text/plain": "txt", "text/html": "html", "text/calendar": "ics", "text/csv": "csv",
        "text/xml": "xml", "message/rfc822": "eml", "message/global": "eml", "image/jpeg": "jpg",
        "image/png": "png", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg",
        "image/tiff": "tiff", "image/bmp": "bmp", "application/pdf": "pdf", "application/zip": "zip",
        "application/gzip": "gz", "application/msword": "doc", "application/vnd.ms-excel": "xls",
        "application/json": "json", "application/xml": "xml", "application/rtf": "rtf",
        "application/pkcs7-signature": "p7s", "application/x-pkcs7-signature": "p7s",
        "application/pgp-signature": "asc", "application/octet-stream": "bin", "audio/mpeg": "mp3",
        "video/mp4": "mp4",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    ]
}

/// Line-end normalisation on bytes.
enum LineEnds {
    /// `input` with CRLF and lone CR turned into LF, or `nil` when it holds no CR.
    static func normalized(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var carriageReturn = ByteScan.find(0x0D, in: input, from: 0, to: input.count) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var start = 0
        while true {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<carriageReturn]))
            output.append(0x0A)
            start = carriageReturn &+ 1
            if start < input.count && input[start] == 0x0A { start &+= 1 }
            guard let next = ByteScan.find(0x0D, in: input, from: start, to: input.count) else { break }
            carriageReturn = next
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<input.count]))
        return output
    }
}
