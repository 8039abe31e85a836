extension JournalScan {
    /// Verifies every frame of a segment of format version 1–3 (`bytes`, the content of `file`).
    ///
    /// Zeros from a frame boundary to the end of the file are space the writer preallocated: the
    /// journal ends there. A frame that is cut short or fails its checksum is a torn tail when
    /// no valid frame follows it (a crash during the last append), or when everything valid
    /// after it belongs to the same, last write and the damage looks like sectors that never
    /// reached the disk (see ``isInterruptedWrite(_:at:)``). Other damage is in the middle of
    /// the journal and the segment is reported corrupted at that offset.
    mutating func scanLegacy(version: UInt32, file: String) throws(FileStoreError) {
        var records: [Record] = []
        var tornTail: (offset: Int, reason: String)?
        var offset = FileFormat.headerSize
        try withBytes(bytes) { buffer throws(FileStoreError) in
            while offset < buffer.count {
                if Frame.onlyZeros(in: buffer, from: offset) { break }
                do {
                    let frame = try Frame.read(buffer, at: offset)
                    let sequence = frame.tag & ~Frame.writeStart
                    if let previous = records.last, sequence != previous.sequence + 1 {
                        throw FileStoreError.corrupted(
                            file: file, offset: offset, reason: "record \(sequence) follows record \(previous.sequence)"
                        )
                    }
                    records.append(Record(sequence: sequence, offset: offset, payload: frame.payload))
                    offset = frame.end
                } catch let problem as Frame.Problem {
                    let reason: String
                    switch problem {
                    case .shortHeader: reason = "incomplete record header"
                    case .lengthBeyondEnd(let length): reason = "record length \(length) runs past the end of the file"
                    case .checksumMismatch: reason = "record checksum mismatch"
                    }
                    if Frame.validFrameExists(in: buffer, after: offset) {
                        guard version >= 2, Self.isInterruptedWrite(buffer, at: offset) else {
                            throw FileStoreError.corrupted(
                                file: file, offset: offset, reason: reason + " before valid records")
                        }
                        tornTail = (offset, reason + " in an interrupted write")
                    } else {
                        tornTail = (offset, reason)
                    }
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

    /// `true` when the damage at `offset`, followed by valid records, is the trace of the last
    /// write reaching the disk only in part (a power loss while a group commit's pages were
    /// being written back, in any order): no valid record after the damage starts a later write
    /// (``Frame/writeStart``), so the damaged write was never acknowledged; and the damaged
    /// bytes show what an unwritten sector leaves in the preallocated file, zeros — the
    /// damaged frame's length/checksum word, or a whole aligned 512-byte sector before the
    /// next valid record. A flipped bit in an acknowledged record shows neither.
    static func isInterruptedWrite(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var firstValid: Int?
        var candidate = offset + 8
        while candidate + Frame.headerSize <= buffer.count, !Frame.onlyZeros(in: buffer, from: candidate) {
            if let frame = try? Frame.read(buffer, at: candidate) {
                if frame.tag & Frame.writeStart != 0 { return false }
                firstValid = firstValid ?? candidate
                candidate = frame.end
            } else {
                candidate += 8
            }
        }
        guard let firstValid else { return false }
        if buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == 0 { return true }
        let sector = 512
        var start = (offset + sector - 1) / sector * sector
        while start + sector <= firstValid {
            if buffer[start..<(start + sector)].allSatisfy({ $0 == 0 }) { return true }
            start += sector
        }
        return false
    }
}
