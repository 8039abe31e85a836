/// Turns UTF-8 offsets into line and column, walking forward from the last offset asked for.
///
/// The parser asks in increasing order, so all positions of one parse cost one pass together;
/// an earlier offset restarts from the beginning (only error paths do that).
struct PositionTracker {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The position of the byte at `target` (which must start a Unicode scalar, or be the end).
    mutating func position(at target: Int) -> TemplatePosition {
        let target = min(max(target, 0), bytes.count)
        if target < offset { (offset, line, column) = (0, 1, 1) }
        while offset < target {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0b1100_0000 != 0b1000_0000 {
                column += 1  // a scalar's first byte; continuation bytes add nothing
            }
            offset += 1
        }
        return TemplatePosition(line: line, column: column, offset: target)
    }
}
