import Foundation

/// Runs independent pieces of CPU work on all cores (snapshot chunks encode and decode in parallel).
enum Parallel {
    /// `body(0) … body(count - 1)`, computed concurrently, in index order.
    ///
    /// `body` must be safe to call from several threads at once; callers pass closures that only
    /// read shared, immutable data.
    static func map<Element>(_ count: Int, _ body: (Int) -> Element) -> [Element] {
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

    /// The closure and the result buffer; each iteration writes only its own slot.
    private struct Work<Element>: @unchecked Sendable {
        let body: (Int) -> Element
        let results: UnsafeMutableBufferPointer<Element?>
    }
}

/// Calls `body` with the bytes of `array`, keeping `body`'s typed error.
func withBytes<Result>(
    _ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(FileStoreError) -> Result
) throws(FileStoreError) -> Result {
    let outcome: Swift.Result<Result, FileStoreError> = array.withUnsafeBytes { buffer in
        Swift.Result { () throws(FileStoreError) in try body(buffer) }
    }
    return try outcome.get()
}
