import SeededRandom

/// Ways to break a message for the mutation fuzz; each makes mutants of one corpus message.
enum MailMutation: String, CaseIterable, CustomStringConvertible, Sendable {
    case byteFlips, truncation, deletedLines, duplicatedLines, boundaryLines, hugeHeaderLine, encodedWordGarbage
    case lineEndSoup, nestedComments, boundaryFlood

    var description: String { rawValue }

    /// `true` for the mutations that make megabyte-sized mutants (run on a sample of the corpus).
    var isHeavy: Bool { [.hugeHeaderLine, .nestedComments, .boundaryFlood].contains(self) }

    /// Mutants of `bytes`, drawn from `random`.
    func mutants(of bytes: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        switch self {
        case .byteFlips:
            return (0..<6).map { round in
                var copy = bytes
                guard !copy.isEmpty else { return [UInt8(truncatingIfNeeded: round)] }
                for _ in 0..<(1 + round * 3) {
                    copy[Int.random(in: 0..<copy.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                return copy
            }
        case .truncation:
            return (0..<6).map { _ in Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) }
        case .deletedLines:
            return (0..<4).map { round in
                edit(bytes, times: 1 + round * 2, using: &random) { lines, index in
                    lines.remove(at: index)
                }
            }
        case .duplicatedLines:
            return (0..<4).map { round in
                edit(bytes, times: 1 + round * 2, using: &random) { lines, index in
                    lines.insert(lines[index], at: index)
                }
            }
        case .boundaryLines:
            return boundaryMutants(bytes, using: &random)
        case .hugeHeaderLine:
            return hugeHeaderMutants(bytes, using: &random)
        case .encodedWordGarbage:
            return (0..<4).map { _ in encodedWordGarbage(bytes, using: &random) }
        case .lineEndSoup:
            return (0..<4).map { _ in lineEndSoup(bytes, using: &random) }
        case .nestedComments:
            return nestedCommentMutants(bytes)
        case .boundaryFlood:
            return boundaryFlood(bytes, using: &random)
        }
    }

    // MARK: - Lines

    /// The message cut after each LF (the LF stays with its line).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    private func edit(
        _ bytes: [UInt8], times: Int, using random: inout SplitMix64, _ change: (inout [[UInt8]], Int) -> Void
    ) -> [UInt8] {
        var lines = Self.lines(bytes)
        for _ in 0..<times where !lines.isEmpty {
            change(&lines, Int.random(in: 0..<lines.count, using: &random))
        }
        return lines.flatMap { $0 }
    }

    /// The header block's lines (up to the first empty line).
    private static func headerLineCount(_ lines: [[UInt8]]) -> Int {
        lines.firstIndex { $0 == [0x0A] || $0 == [0x0D, 0x0A] } ?? lines.count
    }

    // MARK: - Mutations

    private func boundaryMutants(_ bytes: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        let lines = Self.lines(bytes)
        let boundaries = lines.indices.filter { lines[$0].starts(with: [0x2D, 0x2D]) }
        guard !boundaries.isEmpty else { return [] }
        var result: [[UInt8]] = []
        for _ in 0..<4 {
            var copy = lines
            let index = boundaries[Int.random(in: 0..<boundaries.count, using: &random)]
            if Bool.random(using: &random) {
                copy.remove(at: index)
            } else {
                copy.insert(
                    contentsOf: repeatElement(copy[index], count: Int.random(in: 1...50, using: &random)), at: index)
            }
            result.append(copy.flatMap { $0 })
        }
        // Every boundary line removed, and every closing one turned into an opening one.
        result.append(lines.enumerated().filter { !boundaries.contains($0.offset) }.flatMap(\.element))
        result.append(
            lines.flatMap { line in line.starts(with: [0x2D, 0x2D]) ? Self.withoutClosingDashes(line) : line })
        return result
    }

    /// A closing boundary line (`--b--`) as an opening one (`--b`); other lines unchanged.
    private static func withoutClosingDashes(_ line: [UInt8]) -> [UInt8] {
        var body = line
        var ending: [UInt8] = []
        while let last = body.last, last == 0x0A || last == 0x0D { ending.insert(body.removeLast(), at: 0) }
        guard body.count >= 4, body.suffix(2) == [0x2D, 0x2D] else { return line }
        return Array(body.dropLast(2)) + ending
    }

    private func hugeHeaderMutants(_ bytes: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        var lines = Self.lines(bytes)
        let headerCount = Self.headerLineCount(lines)
        let megabyte = 1 << 20
        let fillers: [[UInt8]] = [
            [UInt8](repeating: UInt8(ascii: "x"), count: megabyte),
            Array(String(repeating: "=?utf-8?B?0J/RgNC4?= ", count: megabyte / 21).utf8),
            Array(String(repeating: "a@b, ", count: megabyte / 5).utf8),
            Array(String(repeating: "\r\n x", count: megabyte / 4).utf8),
        ]
        var result: [[UInt8]] = []
        for filler in fillers {
            let index = headerCount == 0 ? 0 : Int.random(in: 0..<headerCount, using: &random)
            var copy = lines
            let names = ["Subject: ", "From: ", "To: ", "References: ", "Content-Type: multipart/mixed; boundary="]
            let name = Array(names[Int.random(in: 0..<names.count, using: &random)].utf8)
            copy.insert(name + filler + [0x0D, 0x0A], at: index)
            result.append(copy.flatMap { $0 })
        }
        lines.insert([UInt8](repeating: UInt8(ascii: "X"), count: megabyte) + [0x0D, 0x0A], at: 0)
        result.append(lines.flatMap { $0 })
        return result
    }

    private func encodedWordGarbage(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let pieces = [
            "=?", "?=", "=?utf-8?", "=?utf-8?B?", "=?utf-8?Q?", "=?koi8-r?B?////?=", "=?windows-1251?Q?=E0=?=",
            "=?x-unknown?B?0J/RgA==?=", "=?utf-8*ru?B?0J8=?=", "=?utf-8?Q?=FF=FE=?=", "=??B??=", "=?utf-8?B?==?=",
            " ", "\t", "\"", "(", ")", "<", ">", ",", ";", ":", "\\", "=",
        ]
        var garbage: [UInt8] = Array("Subject: ".utf8)
        for _ in 0..<Int.random(in: 10...400, using: &random) {
            garbage += Array(pieces[Int.random(in: 0..<pieces.count, using: &random)].utf8)
        }
        garbage += [0x0D, 0x0A]
        var lines = Self.lines(bytes)
        let headerCount = Self.headerLineCount(lines)
        lines.insert(garbage, at: headerCount == 0 ? 0 : Int.random(in: 0..<headerCount, using: &random))
        return lines.flatMap { $0 }
    }

    private func lineEndSoup(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let endings: [[UInt8]] = [[0x0D, 0x0A], [0x0A], [0x0D], [0x0A, 0x0D], [0x0D, 0x0D, 0x0A], [0x0A, 0x0A], []]
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D {
                result += endings[Int.random(in: 0..<endings.count, using: &random)]
            } else {
                result.append(byte)
            }
        }
        return result
    }

    private func nestedCommentMutants(_ bytes: [UInt8]) -> [[UInt8]] {
        let depth = 10_000
        let open = String(repeating: "(", count: depth)
        let close = String(repeating: ")", count: depth)
        let headers = [
            "From: " + open + "a@b.example" + close + " <c@d.example>",
            "To: " + open + "x",
            "Date: Tue, 1 Dec 2026 09:15:00 +0300 " + open + close,
            "Content-Type: text/plain; charset=" + open + "utf-8" + close,
            "Message-ID: <" + String(repeating: "<", count: depth) + "id@x" + String(repeating: ">", count: depth),
            "Subject: " + String(repeating: "\\(", count: depth),
            "Cc: " + String(repeating: "\"", count: depth) + "@",
        ]
        return headers.map { Array(($0 + "\r\n").utf8) + bytes }
    }

    private func boundaryFlood(_ bytes: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        let header = Array("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n".utf8)
        let opening = Array("--b\r\n".utf8)
        let nested = Array("--b\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n".utf8)
        return [
            header + Array([[UInt8]](repeating: opening, count: 100_000).joined()),
            header + Array([[UInt8]](repeating: nested, count: 20_000).joined()) + bytes,
            header + Array([[UInt8]](repeating: Array("--b-\r\n--".utf8), count: 100_000).joined()),
        ]
    }
}
