/// A MIME entity being written: its `Content-*` fields and its encoded body.
struct MimeEntity {
    var fields: [UInt8]
    var body: [UInt8]

    /// Fields, blank line, body.
    var bytes: [UInt8] { fields + MailEncoders.crlf + body }
}

/// Builds the MIME tree of an outgoing message: a text part, `multipart/alternative` with HTML,
/// `multipart/related` for inline images the HTML shows, `multipart/mixed` around attachments.
struct MimeWriter {
    /// The seed of the boundaries (the Message-ID): the same mail gets the same boundaries.
    var seed: String

    /// A `text/*` part in UTF-8: 7bit when it is short-lined ASCII, else quoted-printable.
    func text(_ text: String, subtype: String) -> MimeEntity {
        var fields = HeaderFields.plain("Content-Type", "text/\(subtype); charset=utf-8")
        if MailEncoders.isSevenBitSafe(text) {
            fields += HeaderFields.plain("Content-Transfer-Encoding", "7bit")
            return MimeEntity(fields: fields, body: MailEncoders.sevenBit(text))
        }
        fields += HeaderFields.plain("Content-Transfer-Encoding", "quoted-printable")
        return MimeEntity(fields: fields, body: MailEncoders.quotedPrintable(text))
    }

    /// A file in base64 (76 columns) with its name in `Content-Type` and `Content-Disposition`.
    func attachment(_ attachment: MailAttachment) -> MimeEntity {
        let name = HeaderText.sanitized(attachment.fileName)
        var type = HeaderWriter("Content-Type")
        type.append(Self.mediaType(attachment.mediaType) + (name.isEmpty ? "" : ";"))
        var disposition = HeaderWriter("Content-Disposition")
        disposition.append((attachment.isInline ? "inline" : "attachment") + (name.isEmpty ? "" : ";"))
        if !name.isEmpty {
            for atom in FileNameParameters.name(name) { type.append(atom) }
            for atom in FileNameParameters.filename(name) { disposition.append(atom) }
        }
        var fields = type.line + disposition.line
        if let id = attachment.contentID, let line = HeaderFields.identifiers("Content-ID", [id]) { fields += line }
        fields += HeaderFields.plain("Content-Transfer-Encoding", "base64")
        return MimeEntity(fields: fields, body: MailEncoders.base64Lines(attachment.bytes))
    }

    /// A multipart of `children` with a boundary derived from the seed that occurs in none of them.
    func multipart(_ subtype: String, _ children: [MimeEntity], parameters: String = "") -> MimeEntity {
        let encoded = children.map(\.bytes)
        var attempt = 0
        var boundary = Self.boundary(seed: seed, salt: subtype, attempt: attempt)
        while encoded.contains(where: { Self.contains($0, Array("--\(boundary)".utf8)) }) {
            attempt += 1
            boundary = Self.boundary(seed: seed, salt: subtype, attempt: attempt)
        }
        var type = HeaderWriter("Content-Type")
        type.append("multipart/\(subtype);")
        if !parameters.isEmpty { type.append(parameters + ";") }
        type.append("boundary=\"\(boundary)\"")
        var body: [UInt8] = []
        let delimiter = Array("--\(boundary)".utf8)
        for child in encoded {
            body += delimiter + MailEncoders.crlf + child + MailEncoders.crlf
        }
        body += delimiter + [45, 45]
        return MimeEntity(fields: type.line, body: body)
    }

    /// `=_hd_` and 16 hex digits of FNV-1a over seed, salt and attempt: `=_` never occurs in
    /// quoted-printable or base64 text, and the check in ``multipart(_:_:parameters:)`` covers 7bit text.
    static func boundary(seed: String, salt: String, attempt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)|\(salt)|\(attempt)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "=_hd_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `true` when `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }

    /// A `type/subtype` token pair, lowercased; anything else, a multipart or a `message/*` (which
    /// must not be base64) becomes `application/octet-stream`.
    static func mediaType(_ raw: String) -> String {
        let type = raw.lowercased()
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)
        let valid =
            parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { $0 > 32 && $0 < 127 && !tspecials.contains($0) }
            }
        guard valid, parts[0] != "multipart", parts[0] != "message" else { return "application/octet-stream" }
        return type
    }
}

/// A file name as MIME parameters: RFC 2231 (`filename*=utf-8''…`, continued over lines when long)
/// for new readers, and an encoded-word `name=` for old ones.
enum FileNameParameters {
    /// RFC 2231 `attr-char`: what may stay unescaped in an extended value.
    static let attributeCharacters = Set("!#$&+-.^_`|~".utf8)

    /// `true` when `name` can go as a plain quoted string.
    static func isPlain(_ name: String) -> Bool {
        HeaderText.isPrintableASCII(name) && !name.contains("=?") && name.utf8.count <= 60
    }

    static func quoted(_ name: String) -> String {
        var quoted = "\""
        for character in name {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// The Content-Type `name` parameter's atoms.
    static func name(_ name: String) -> [String] {
        if isPlain(name) { return ["name=\(quoted(name))"] }
        var words = EncodedWords.words(name, firstCapacity: EncodedWords.capacity(characters: 68))
        words[0] = "name=\"" + words[0]
        words[words.count - 1] += "\""
        return words
    }

    /// The Content-Disposition `filename` parameter's atoms (one per continuation, `;` between).
    static func filename(_ name: String) -> [String] {
        if isPlain(name) { return ["filename=\(quoted(name))"] }
        var segments: [String] = []
        var current = ""
        for character in name {
            var escaped = ""
            for byte in character.utf8 {
                if HeaderFields.isAlphanumeric(byte) || attributeCharacters.contains(byte) {
                    escaped.append(Character(Unicode.Scalar(byte)))
                } else {
                    escaped +=
                        "%"
                        + String(
                            decoding: [
                                MailEncoders.hexDigits[Int(byte >> 4)], MailEncoders.hexDigits[Int(byte & 0x0F)],
                            ], as: UTF8.self)
                }
            }
            if !current.isEmpty && current.utf8.count + escaped.utf8.count > 54 {
                segments.append(current)
                current = ""
            }
            current += escaped
        }
        segments.append(current)
        if segments.count == 1 { return ["filename*=utf-8''\(segments[0])"] }
        return segments.enumerated().map { index, segment in
            let value = index == 0 ? "utf-8''\(segment)" : segment
            return "filename*\(index)*=\(value)" + (index < segments.count - 1 ? ";" : "")
        }
    }
}
