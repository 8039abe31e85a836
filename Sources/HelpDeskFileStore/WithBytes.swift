import Foundation

/// Calls `body` with the bytes of `array`, keeping `body`'s typed error.
func withBytes<Result>(
    _ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(FileStoreError) -> Result
) throws(FileStoreError) -> Result {
    let outcome: Swift.Result<Result, FileStoreError> = array.withUnsafeBytes { buffer in
        Swift.Result { () throws(FileStoreError) in try body(buffer) }
    }
    return try outcome.get()
}
