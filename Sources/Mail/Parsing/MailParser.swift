/// Parses RFC 5322 / MIME messages. Never fails: what it cannot read becomes a ``MailProblem``.
///
/// Works on bytes throughout: header blocks (CRLF or LF, folding, limits), RFC 2047 encoded-words,
/// addresses, dates, message identifiers, content fields with RFC 2231 parameters, nested multiparts
/// and embedded messages, base64 and quoted-printable, the charsets of `MailCharset` with a guess for
/// unknown or mislabelled text, and the body chosen as described in `BodySelection`.
public struct MailParser: Sendable {
    /// The bounds applied to every message.
    public var limits: MailLimits

    /// A parser with `limits`.
    public init(limits: MailLimits = MailLimits()) { self.limits = limits }

    /// Parses `bytes`, a whole message as received (CRLF or LF line ends).
    public func parse(_ bytes: [UInt8]) -> MailMessage {
        var problems: [MailProblem] = []
        let parsedCount = min(bytes.count, max(0, limits.maximumMessageBytes))
        if parsedCount < bytes.count {
            problems.append(MailProblem(.messageTooLarge, "\(bytes.count) bytes, \(parsedCount) parsed"))
        }
        var builder = MimeTreeBuilder(limits: limits)
        let root = bytes.withUnsafeBufferPointer { all in
            builder.part(
                UnsafeBufferPointer(rebasing: all[0..<parsedCount]), 0..<parsedCount, depth: 0,
                defaultType: "text/plain", path: "")
        }
        problems += builder.problems
        var message = MailMessage(root: root, byteCount: bytes.count)
        if let block = builder.rootBlock { readFields(block, into: &message, problems: &problems) }
        let selection = BodySelection(root: root, problems: &problems)
        message.text = selection.text
        message.html = selection.html
        message.attachments = selection.attachments
        var seen: Set<MailProblem> = []
        message.problems = problems.filter { seen.insert($0).inserted }  // a value decoded twice reports once
        return message
    }

    /// Fills the message-level fields from the root's header block.
    private func readFields(_ block: RawHeaderBlock, into message: inout MailMessage, problems: inout [MailProblem]) {
        let decoder = HeaderTextDecoder(fallback: block.fallback)
        let addresses = AddressParser(decoder: decoder)
        message.subject = message.headers["subject"] ?? ""
        if let from = block.first("from") {
            message.from = addresses.addresses(from.value, field: from.name, problems: &problems)
        } else {
            problems.append(MailProblem(.missingHeader, "From"))
        }
        if let sender = block.first("sender") {
            message.sender = addresses.addresses(sender.value, field: sender.name, problems: &problems).first
        }
        for field in block.all("reply-to") {
            message.replyTo += addresses.addresses(field.value, field: field.name, problems: &problems)
        }
        for field in block.all("to") {
            message.to += addresses.addresses(field.value, field: field.name, problems: &problems)
        }
        for field in block.all("cc") {
            message.cc += addresses.addresses(field.value, field: field.name, problems: &problems)
        }
        if let date = block.first("date") {
            message.date = DateParser.date(date.value)
            if message.date == nil {
                problems.append(MailProblem(.invalidDate, String(decoding: date.value.prefix(80), as: UTF8.self)))
            }
        } else {
            problems.append(MailProblem(.missingHeader, "Date"))
        }
        if let id = block.first("message-id") {
            message.messageID = MessageIDs.list(id.value).first
        }
        if message.messageID == nil { problems.append(MailProblem(.missingHeader, "Message-ID")) }
        for field in block.all("in-reply-to") { message.inReplyTo += MessageIDs.list(field.value) }
        for field in block.all("references") { message.references += MessageIDs.list(field.value) }
        if let path = block.first("return-path") { message.returnPath = MessageIDs.returnPath(path.value) }
    }
}
