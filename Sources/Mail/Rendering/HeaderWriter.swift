/// One header field being written: atoms separated by white space, folded (CRLF before the white
/// space) so lines stay within 78 characters where an atom allows.
struct HeaderWriter {
    static let lineLimit = 78
    private(set) var bytes: [UInt8]
    private var column: Int
    private var lineHasContent = false

    /// Starts the field `name:` (the name must already be clean).
    init(_ name: String) {
        bytes = Array(name.utf8) + [58]
        column = bytes.count
    }

    /// The characters left on the first line after `name: `.
    static func firstLineRoom(_ name: String) -> Int { lineLimit - name.utf8.count - 2 }

    /// Appends `atom` after `leading` white space (which must not be empty unless the field is
    /// still empty), folding before the white space when the line would grow past the limit.
    mutating func append(_ atom: String, leading: String = " ") {
        let width = leading.utf8.count + atom.utf8.count
        if lineHasContent && column + width > Self.lineLimit && !leading.isEmpty {
            bytes += MailEncoders.crlf
            column = 0
        }
        bytes += Array(leading.utf8) + Array(atom.utf8)
        column += width
        lineHasContent = true
    }

    /// The field with its CRLF.
    var line: [UInt8] { bytes + MailEncoders.crlf }
}

/// Turns caller text into header-safe text: no CR, LF, NUL or other control character survives
/// into a header (each run of them becomes one space), so no value can start a new field.
enum HeaderText {
    /// `text` with every control character (C0, DEL) replaced by a space, runs collapsed to one.
    static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasControl = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                if !previousWasControl { scalars.append(" ") }
                previousWasControl = true
            } else {
                scalars.append(scalar)
                previousWasControl = false
            }
        }
        return String(scalars)
    }

    /// A field name as RFC 5322 allows it (printable ASCII without `:`, at most 76 characters), or `nil`
    /// when nothing is left.
    static func fieldName(_ name: String) -> String? {
        let kept = name.unicodeScalars.filter { $0.value >= 33 && $0.value <= 126 && $0 != ":" }.prefix(76)
        return kept.isEmpty ? nil : String(String.UnicodeScalarView(kept))
    }

    /// An identifier for `<…>` (Message-ID, Content-ID): printable ASCII without `<`, `>` and white space.
    static func identifier(_ id: String) -> String {
        String(
            String.UnicodeScalarView(
                id.unicodeScalars.filter { $0.value >= 33 && $0.value <= 126 && $0 != "<" && $0 != ">" }))
    }

    /// An address for a header: no white space, controls or `<>,;()` that would end it or start another.
    static func address(_ address: String) -> String {
        let forbidden: Set<Unicode.Scalar> = ["<", ">", ",", ";", "(", ")"]
        return String(
            String.UnicodeScalarView(
                address.unicodeScalars.filter {
                    $0.value > 32 && $0.value != 0x7F && !forbidden.contains($0) && !$0.properties.isWhitespace
                }))
    }

    /// `true` when every scalar is printable ASCII (or a space).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 <= 126 }
    }
}

/// RFC 2047 encoded-words (`=?utf-8?B?…?=`), each at most 75 characters, split between characters
/// (between grapheme clusters where one fits, else between Unicode scalars), never inside one.
enum EncodedWords {
    static let prefix = "=?utf-8?B?"
    static let overhead = 12  // "=?utf-8?B?" + "?="
    static let longestWord = 75

    /// The UTF-8 bytes a word of at most `characters` characters carries (at least one 4-byte scalar).
    static func capacity(characters: Int) -> Int {
        let payload = min(characters, longestWord) - overhead
        return max(payload / 4 * 3, 6)
    }

    /// `text` as encoded-words: the first carries at most `firstCapacity` bytes, the others `capacity`.
    static func words(_ text: String, firstCapacity: Int, capacity: Int = EncodedWords.capacity(characters: 75))
        -> [String]
    {
        chunks(text, firstCapacity: firstCapacity, capacity: capacity).map {
            prefix + String(decoding: MailEncoders.base64($0), as: UTF8.self) + "?="
        }
    }

    /// `text`'s UTF-8 cut into chunks at character boundaries.
    static func chunks(_ text: String, firstCapacity: Int, capacity: Int) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        var limit = firstCapacity
        func flush() {
            if !current.isEmpty {
                chunks.append(current)
                current = []
                limit = capacity
            }
        }
        for character in text {
            let bytes = Array(character.utf8)
            if current.count + bytes.count <= limit {
                current += bytes
                continue
            }
            flush()
            if bytes.count <= limit {
                current = bytes
                continue
            }
            // A grapheme longer than a word (a long emoji sequence): split between its scalars.
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if current.count + scalarBytes.count > limit { flush() }
                current += scalarBytes
            }
        }
        flush()
        return chunks
    }
}
