/// Parses RFC 5322 / MIME messages. Never fails: what it cannot read becomes a ``MailProblem``.
public struct MailParser: Sendable {
    /// The bounds applied to every message.
    public var limits: MailLimits

    /// A parser with `limits`.
    public init(limits: MailLimits = MailLimits()) { self.limits = limits }

    /// Parses `bytes`, a whole message as received (CRLF or LF line ends).
    public func parse(_ bytes: [UInt8]) -> MailMessage {
        // Placeholder until the parser lands: the message as one raw part.
        MailMessage(root: MailPart(body: bytes, isRaw: true), byteCount: bytes.count)
    }
}
