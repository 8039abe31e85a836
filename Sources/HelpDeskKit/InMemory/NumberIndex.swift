/// Maps ticket numbers to rows: a dense array for the usual sequential numbers, a dictionary for
/// numbers far outside that run.
struct NumberIndex: Sendable {
    private var base: Int?
    private var dense: [Int32] = []
    private var sparse: [Int: Int32] = [:]

    /// The row of `number`, if any.
    func row(of number: Int) -> Int32? {
        if let base, number >= base, number - base < dense.count {
            let row = dense[number - base]
            return row >= 0 ? row : nil
        }
        return sparse[number]
    }

    /// Records that `number` lives in `row`.
    mutating func insert(_ number: Int, row: Int32) {
        let base = self.base ?? number
        self.base = base
        let offset = number - base
        if offset >= 0, offset < dense.count + 1024 {
            if offset >= dense.count { dense.append(contentsOf: repeatElement(-1, count: offset - dense.count + 1)) }
            dense[offset] = row
        } else {
            sparse[number] = row
        }
    }
}
