import Foundation

/// Runs independent pieces of CPU work on all cores: snapshot chunks encode and decode in
/// parallel, and a bulk-loaded ticket table builds its lookup and columns side by side.
package enum Parallel {
    /// `body(0) … body(count - 1)`, computed concurrently, in index order.
    ///
    /// `body` must be safe to call from several threads at once; callers pass closures that only
    /// read shared, immutable data.
    package static func map<Element>(_ count: Int, _ body: (Int) -> Element) -> [Element] {
        let results = UnsafeMutableBufferPointer<Element?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        withoutActuallyEscaping(body) { body in
            let work = Work(body: body, results: results)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                work.results[index] = work.body(index)
            }
        }
        return results.map { $0! }
    }

    /// Runs every task, concurrently when `concurrently` is set, and returns when all are done.
    ///
    /// Each task must write only state no other task reads or writes (typically one local
    /// variable of the caller's).
    package static func perform(_ tasks: [() -> Void], concurrently: Bool = true) {
        guard concurrently else {
            for task in tasks { task() }
            return
        }
        _ = map(tasks.count) { tasks[$0]() }
    }

    /// A copy of `source` in new storage, made in slices on all cores when it is large.
    ///
    /// - Complexity: O(*n*); each element is copied (retained) once.
    package static func copy<Element>(_ source: [Element]) -> [Element] {
        let slice = 65_536
        guard source.count > slice else { return source.withUnsafeBufferPointer { Array($0) } }
        return source.withUnsafeBufferPointer { from in
            [Element](unsafeUninitializedCapacity: from.count) { to, initialized in
                let copy = SliceCopy(from: from, to: to)
                _ = map((from.count + slice - 1) / slice) { index in
                    copy.run(index * slice..<min(from.count, (index + 1) * slice))
                }
                initialized = from.count
            }
        }
    }

    /// The buffers of ``copy(_:)``; each slice initializes only its own range of `to`.
    private struct SliceCopy<Element>: @unchecked Sendable {
        let from: UnsafeBufferPointer<Element>
        let to: UnsafeMutableBufferPointer<Element>

        func run(_ range: Range<Int>) {
            (to.baseAddress! + range.lowerBound).initialize(
                from: from.baseAddress! + range.lowerBound, count: range.count)
        }
    }

    /// The closure and the result buffer; each iteration writes only its own slot.
    private struct Work<Element>: @unchecked Sendable {
        let body: (Int) -> Element
        let results: UnsafeMutableBufferPointer<Element?>
    }
}
