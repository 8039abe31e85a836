/// Folded (lower-cased) titles of all rows in one contiguous byte buffer, for fast scans.
///
/// A changed title is appended anew; its old bytes stay behind as garbage until the buffer holds
/// more garbage than live text, when it is compacted.
struct TextColumn: Sendable {
    private var bytes: [UInt8] = []
    private var start: [Int] = []
    private var length: [Int32] = []
    private var garbage = 0

    /// An empty column.
    init() {}

    /// A column of `count` rows holding the folded `text(row)` of each.
    init(rows count: Int, folding text: (Int) -> String) {
        reserveCapacity(rows: count, bytes: count * 32)
        for row in 0..<count { append(text(row)) }
    }

    /// Reserves room for `rows` more rows holding about `bytes` bytes of text.
    mutating func reserveCapacity(rows: Int, bytes count: Int) {
        start.reserveCapacity(start.count + rows)
        length.reserveCapacity(length.count + rows)
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Appends the folded text of a new row.
    mutating func append(_ text: String) {
        start.append(bytes.count)
        length.append(0)
        write(text, at: start.count - 1)
    }

    /// Replaces the folded text of `row`.
    mutating func set(_ text: String, at row: Int) {
        garbage += Int(length[row])
        write(text, at: row)
        if garbage > 4096, garbage > bytes.count / 2 { compact() }
    }

    private mutating func write(_ text: String, at row: Int) {
        let position = bytes.count
        TextFolding.append(text, to: &bytes)
        start[row] = position
        length[row] = Int32(bytes.count - position)
    }

    private mutating func compact() {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(bytes.count - garbage)
        for row in start.indices {
            let from = start[row]
            start[row] = fresh.count
            fresh.append(contentsOf: bytes[from..<from + Int(length[row])])
        }
        bytes = fresh
        garbage = 0
    }

    /// Three-way comparison of the folded texts of two rows.
    func compare(_ lhs: Int, _ rhs: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            TextMatching.compare(
                UnsafeBufferPointer(rebasing: buffer[start[lhs]..<start[lhs] + Int(length[lhs])]),
                UnsafeBufferPointer(rebasing: buffer[start[rhs]..<start[rhs] + Int(length[rhs])]))
        }
    }

    /// Calls `body` with the buffer and the row ranges, for scans without copying.
    func withRows<Result>(
        _ body: (UnsafeBufferPointer<UInt8>, [Int], [Int32]) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { try body($0, start, length) }
    }
}
