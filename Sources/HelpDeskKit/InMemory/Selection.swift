/// Partial sorting: the first `count` elements of an array in order, without sorting the rest.
enum Selection {
    /// Reorders `items` so that its first `count` elements are the smallest, in order.
    ///
    /// - Complexity: O(*n* + *k* log *k*) on average (quickselect, then a sort of the prefix).
    static func sortPrefix<Element>(_ items: inout [Element], count: Int, by isBefore: (Element, Element) -> Bool) {
        let count = min(count, items.count)
        guard count > 0 else { return }
        if count * 4 >= items.count {
            items.sort(by: isBefore)
            return
        }
        var low = 0
        var high = items.count - 1
        while low < high {
            let pivot = medianOfThree(items, low, (low + high) / 2, high, by: isBefore)
            var i = low
            var j = high
            while i <= j {
                while isBefore(items[i], pivot) { i += 1 }
                while isBefore(pivot, items[j]) { j -= 1 }
                if i <= j {
                    items.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if count - 1 <= j {
                high = j
            } else if count - 1 >= i {
                low = i
            } else {
                break
            }
        }
        items[0..<count].sort(by: isBefore)
    }

    private static func medianOfThree<Element>(
        _ items: [Element], _ a: Int, _ b: Int, _ c: Int, by isBefore: (Element, Element) -> Bool
    ) -> Element {
        let x = items[a]
        let y = items[b]
        let z = items[c]
        if isBefore(x, y) {
            if isBefore(y, z) { return y }
            return isBefore(x, z) ? z : x
        }
        if isBefore(x, z) { return x }
        return isBefore(y, z) ? z : y
    }
}
