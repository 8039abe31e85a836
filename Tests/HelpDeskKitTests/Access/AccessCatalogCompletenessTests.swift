import Foundation
import Testing

/// Fails when a public method of `HelpDesk` is missing from ``AccessCatalog`` (add an entry, or an
/// exemption with its reason), or when the catalogue names a method that no longer exists.
@Suite("Access catalogue covers every public HelpDesk method")
struct AccessCatalogCompletenessTests {
    /// `Sources/HelpDeskKit`, found from this file's path.
    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/HelpDeskKit")
    }

    @Test func everyPublicMethodIsCatalogued() throws {
        let declared = try Self.publicHelpDeskMethods()
        #expect(
            declared.count > 80, "the scan found only \(declared.count) methods: is the source layout still the same?")
        let catalogued = Set(AccessCatalog.entries.map(\.api)).union(AccessCatalog.exempt.keys)
        let missing = declared.subtracting(catalogued).sorted()
        let stale = catalogued.subtracting(declared).sorted()
        #expect(missing.isEmpty, "public HelpDesk methods without an access-catalogue entry: \(missing)")
        #expect(stale.isEmpty, "catalogue entries naming no public HelpDesk method: \(stale)")
        // Every command (it takes a performer `by:`) can be retried safely with an idempotency key.
        let withoutKey = declared.filter {
            $0.contains("by:") && !$0.hasSuffix("by:idempotencyKey:)") && AccessCatalog.idempotentByContent[$0] == nil
        }.sorted()
        #expect(withoutKey.isEmpty, "commands without a trailing idempotencyKey parameter: \(withoutKey)")
    }

    /// Names such as `ticket(_:as:)` of every `public func` declared at the top level of an
    /// `extension HelpDesk` or of `public actor HelpDesk`.
    static func publicHelpDeskMethods() throws -> Set<String> {
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            names.formUnion(methods(in: try String(contentsOf: url, encoding: .utf8)))
        }
        return names
    }

    static func methods(in source: String) -> [String] {
        var names: [String] = []
        var inHelpDesk = false
        let lines = source.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if let first = line.first, !first.isWhitespace, first != "}", first != "/", first != "@" {
                inHelpDesk =
                    line.hasPrefix("extension HelpDesk ") || line.hasPrefix("extension HelpDesk:")
                    || line.hasPrefix("public actor HelpDesk ")
            }
            let prefixes = ["    public func ", "    public nonisolated func "]
            guard inHelpDesk, let prefix = prefixes.first(where: line.hasPrefix) else { continue }
            let declaration = lines[index...].prefix(8).joined(separator: "\n").dropFirst(prefix.count)
            if let name = signature(String(declaration)) { names.append(name) }
        }
        return names
    }

    /// `name(label:label:)` from the text after `func `.
    static func signature(_ text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "(" || $0 == "<" }) else { return nil }
        let name = text[..<open]
        var depth = 0
        var parameters: [String] = []
        var current = ""
        var started = false
        for character in text[open...] {
            if character == "(" || character == "[" {
                depth += 1
                if depth == 1, character == "(" {
                    started = true
                    continue
                }
            } else if character == ")" || character == "]" {
                depth -= 1
                if depth == 0, started { break }
            }
            guard started else { continue }
            if character == ",", depth == 1 {
                parameters.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { parameters.append(current) }
        let labels = parameters.map { parameter in
            let head = parameter.split(separator: ":", maxSplits: 1).first ?? ""
            return head.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "_"
        }
        return "\(name)(" + labels.map { $0 + ":" }.joined() + ")"
    }
}
