/// The verified records of one journal segment, and a torn tail if the segment ends in one.
struct JournalScan {
    /// One verified record.
    struct Record {
        /// Its sequence number.
        var sequence: UInt64
        /// Offset of its frame in the segment.
        var offset: Int
        /// Range of its payload in the segment's bytes.
        var payload: Range<Int>
    }

    /// The segment's header sequence.
    var firstSequence: UInt64
    /// Every valid record, in file order.
    var records: [Record] = []
    /// Offset just after the last valid record: where the next append goes.
    var validEnd: Int
    /// Offset and reason of a damaged tail (nothing valid follows it), if any.
    var tornTail: (offset: Int, reason: String)?

    /// Verifies every frame of `bytes`, the content of segment `file`.
    ///
    /// Zeros from a frame boundary to the end of the file are space the writer preallocated: the
    /// journal ends there. A frame that is cut short or fails its checksum is a torn tail when no
    /// valid frame follows it (a crash during the last append); when a valid frame does follow,
    /// the damage is in the middle of the journal and the segment is reported corrupted at that
    /// offset.
    init(_ bytes: [UInt8], file: String) throws(FileStoreError) {
        firstSequence = try FileFormat.readHeader(bytes, kind: .journal, file: file)
        validEnd = FileFormat.headerSize
        var records: [Record] = []
        var tornTail: (offset: Int, reason: String)?
        var offset = FileFormat.headerSize
        try withBytes(bytes) { buffer throws(FileStoreError) in
            while offset < buffer.count {
                if Frame.onlyZeros(in: buffer, from: offset) { break }
                do {
                    let frame = try Frame.read(buffer, at: offset)
                    if let previous = records.last, frame.tag != previous.sequence + 1 {
                        throw FileStoreError.corrupted(
                            file: file, offset: offset,
                            reason: "record \(frame.tag) follows record \(previous.sequence)")
                    }
                    records.append(Record(sequence: frame.tag, offset: offset, payload: frame.payload))
                    offset = frame.end
                } catch let problem as Frame.Problem {
                    let reason: String
                    switch problem {
                    case .shortHeader: reason = "incomplete record header"
                    case .lengthBeyondEnd(let length): reason = "record length \(length) runs past the end of the file"
                    case .checksumMismatch: reason = "record checksum mismatch"
                    }
                    if Frame.validFrameExists(in: buffer, after: offset) {
                        throw FileStoreError.corrupted(
                            file: file, offset: offset, reason: reason + " before valid records")
                    }
                    tornTail = (offset, reason)
                    return
                } catch let error as FileStoreError {
                    throw error
                } catch {
                    throw FileStoreError.corrupted(file: file, offset: offset, reason: "\(error)")
                }
            }
        }
        self.records = records
        self.tornTail = tornTail
        validEnd = tornTail?.offset ?? max(offset, FileFormat.headerSize)
    }
}
