extension SearchIndex {
    /// Moves the document `key` to `partition` without analyzing it again: its terms, lengths and
    /// place among equal scores stay; the partitions' statistics follow it. Unknown keys are ignored.
    public mutating func move(_ key: Key, toPartition partition: Int) {
        guard let document = numbers[key].map(Int.init) else { return }
        let old = Int(slots[document]) - 1
        let new = Int(slotOfPartition[partition] ?? newSlot(for: partition))
        guard old != new else { return }
        let fieldCount = fields.count
        slotDocuments[old] -= 1
        slotDocuments[new] += 1
        for field in 0..<fieldCount {
            let length = Int(lengths[document * fieldCount + field])
            slotLengths[old * fieldCount + field] -= length
            slotLengths[new * fieldCount + field] += length
        }
        slots[document] = UInt32(new + 1)
    }
}
