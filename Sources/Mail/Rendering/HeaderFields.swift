/// The header fields of an outgoing message: unstructured text (subjects), address lists and
/// identifier lists, each sanitized, encoded when needed and folded.
enum HeaderFields {
    /// RFC 5322 `atext` besides letters and digits.
    static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// `name: text`, plain when `text` is printable ASCII with words that fit a line (and no `=?`
    /// a decoder would take for an encoded-word), else as encoded-words.
    static func unstructured(_ name: String, _ text: String) -> [UInt8] {
        let clean = HeaderText.sanitized(text)
        var writer = HeaderWriter(name)
        if clean.isEmpty { return writer.line }
        if isPlain(clean) {
            var leading = " "
            var word = ""
            for character in clean {
                if character == " " {
                    if !word.isEmpty {
                        writer.append(word, leading: leading)
                        leading = ""
                        word = ""
                    }
                    leading.append(" ")
                } else {
                    word.append(character)
                }
            }
            // Trailing spaces are dropped (a reader trims them anyway; a fold could leave a blank line).
            if !word.isEmpty { writer.append(word, leading: leading) }
            return writer.line
        }
        let first = EncodedWords.capacity(characters: HeaderWriter.firstLineRoom(name))
        for word in EncodedWords.words(clean, firstCapacity: first) { writer.append(word) }
        return writer.line
    }

    static func isPlain(_ text: String) -> Bool {
        guard HeaderText.isPrintableASCII(text), !text.contains("=?") else { return false }
        return text.split(separator: " ").allSatisfy { $0.utf8.count <= 76 }
    }

    /// `name: a, b, …` with display names quoted or encoded; `emptyGroup` is written when no address is left.
    static func addresses(_ name: String, _ list: [MailAddress], emptyGroup: String? = nil) -> [UInt8]? {
        let mailboxes = list.compactMap { mailbox -> [String]? in
            let address = HeaderText.address(mailbox.address)
            return address.isEmpty ? nil : atoms(name: mailbox.name, address: address)
        }
        var writer = HeaderWriter(name)
        if mailboxes.isEmpty {
            guard let emptyGroup else { return nil }
            writer.append(emptyGroup)
            return writer.line
        }
        for (index, var atoms) in mailboxes.enumerated() {
            if index < mailboxes.count - 1 { atoms[atoms.count - 1] += "," }
            for atom in atoms { writer.append(atom) }
        }
        return writer.line
    }

    /// One mailbox as atoms: the display name's words (plain, one quoted string, or encoded-words), then `<address>`.
    static func atoms(name: String?, address: String) -> [String] {
        let clean = HeaderText.sanitized(name ?? "")
        if clean.allSatisfy({ $0 == " " }) { return [address] }
        return displayName(clean) + ["<\(address)>"]
    }

    static func displayName(_ name: String) -> [String] {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let fitsALine = words.allSatisfy { $0.utf8.count <= 60 }
        if HeaderText.isPrintableASCII(name) && !name.contains("=?") && fitsALine {
            let isPhrase = words.allSatisfy { word in
                !word.isEmpty && word.utf8.allSatisfy { isAlphanumeric($0) || atextSymbols.contains($0) }
            }
            if isPhrase { return words.map(String.init) }
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            quoted.append("\"")
            if quoted.utf8.count <= 70 { return [quoted] }
        }
        return EncodedWords.words(name, firstCapacity: EncodedWords.capacity(characters: 75))
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// `name: <id1> <id2> …`, or `nil` when no identifier is left after sanitizing.
    static func identifiers(_ name: String, _ ids: [String]) -> [UInt8]? {
        let clean = ids.map(HeaderText.identifier).filter { !$0.isEmpty }
        if clean.isEmpty { return nil }
        var writer = HeaderWriter(name)
        for id in clean { writer.append("<\(id)>") }
        return writer.line
    }

    /// A field written verbatim (`MIME-Version: 1.0`).
    static func plain(_ name: String, _ value: String) -> [UInt8] {
        Array("\(name): \(value)\r\n".utf8)
    }
}
