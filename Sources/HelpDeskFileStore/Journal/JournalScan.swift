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
    /// The format version the segment was written in.
    var version: UInt32
    /// Every valid record, in file order.
    var records: [Record] = []
    /// Offset just after the last valid record: where the next append goes.
    var validEnd: Int
    /// Offset and reason of a damaged tail (nothing valid follows it), if any.
    var tornTail: (offset: Int, reason: String)?
    /// The segment's bytes, payloads descrambled (format 4): what the records' ranges index.
    var bytes: [UInt8]

    /// Verifies every record of `bytes`, the content of segment `file`.
    ///
    /// Zeros from a record boundary to the end of the file are space the writer preallocated: the
    /// journal ends there. A damaged record is cut off as a torn tail only when it lies in the
    /// last write (no later write starts after it) and shows a sector that write never reached
    /// (see ``RecordFrame``); any other damage refuses the segment as corrupted at that offset,
    /// so damage to an acknowledged write is never mistaken for an interrupted one. Segments of
    /// format versions 1–3 are read with the rules they were written under (``scanLegacy``).
    init(_ bytes: [UInt8], file: String) throws(FileStoreError) {
        let header = try FileFormat.readHeader(bytes, kind: .journal, file: file)
        firstSequence = header.sequence
        version = header.version
        validEnd = FileFormat.headerSize
        self.bytes = bytes
        if header.version < 4 {
            try scanLegacy(version: header.version, file: file)
        } else {
            try scanRecords(file: file)
        }
    }

    /// Scans format-4 records and descrambles their payloads in ``bytes``.
    private mutating func scanRecords(file: String) throws(FileStoreError) {
        var records: [Record] = []
        var tornTail: (offset: Int, reason: String)?
        var offset = FileFormat.headerSize
        // The buffer closure cannot throw a typed error: it hands the failure out instead.
        let failure: FileStoreError? = bytes.withUnsafeMutableBytes { buffer in
            let view = UnsafeRawBufferPointer(buffer)
            while offset < view.count, !Frame.onlyZeros(in: view, from: offset) {
                let read = Result { () throws(RecordFrame.Problem) in try RecordFrame.read(view, at: offset) }
                guard case .success(let found) = read else {
                    if case .failure(let problem) = read {
                        switch Result(catching: { () throws(FileStoreError) in
                            try Self.judge(problem, in: view, at: offset, file: file)
                        }) {
                        case .success(let tail): tornTail = tail
                        case .failure(let error): return error
                        }
                    }
                    break
                }
                let sequence = found.tag & ~Frame.writeStart
                if let previous = records.last, sequence != previous.sequence + 1 {
                    return .corrupted(
                        file: file, offset: offset, reason: "record \(sequence) follows record \(previous.sequence)")
                }
                RecordFrame.scramble(UnsafeMutableRawBufferPointer(rebasing: buffer[found.payload]), tag: found.tag)
                records.append(Record(sequence: sequence, offset: offset, payload: found.payload))
                offset = found.end
            }
            return nil
        }
        if let failure { throw failure }
        self.records = records
        self.tornTail = tornTail
        validEnd = tornTail?.offset ?? max(offset, FileFormat.headerSize)
    }

    /// The torn tail a damaged record at `offset` is, or the corruption it reveals.
    private static func judge(
        _ problem: RecordFrame.Problem, in buffer: UnsafeRawBufferPointer, at offset: Int, file: String
    ) throws(FileStoreError) -> (offset: Int, reason: String) {
        if RecordFrame.laterWriteStarts(in: buffer, after: offset) {
            throw .corrupted(
                file: file, offset: offset,
                reason: problem.reason + " in an acknowledged write (a later write follows it)")
        }
        let evidence: Range<Int>
        switch problem {
        case .truncated(let what): return (offset, what + ": the last write never completed")
        case .damagedHeader:
            evidence = offset..<(offset + RecordFrame.headerSize)
            // Zeros with a stray bit are no record header: a written one carries its marker.
            if RecordFrame.isBlankHeader(buffer, at: offset) {
                return (offset, "stray bytes where no record was written")
            }
        case .damagedBody(let body): evidence = offset..<body.upperBound
        }
        guard RecordFrame.hasUnwrittenSector(buffer, in: evidence) else {
            throw .corrupted(
                file: file, offset: offset,
                reason: problem.reason + " in the last write, whose every sector was written: it was acknowledged")
        }
        return (offset, problem.reason + ": the last write never reached these sectors")
    }
}
