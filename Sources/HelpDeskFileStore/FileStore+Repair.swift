import Foundation

extension FileStore {
    /// The documented last-resort recovery for a corrupted journal: cuts segment `file` of the
    /// (closed) store in `directory` at `offset` (as named by ``FileStoreError/corrupted(file:offset:reason:)``)
    /// and deletes every later segment. Every record from that offset on is lost; take a copy of
    /// the directory first.
    public static func discardJournal(in directory: URL, from file: String, at offset: Int) throws(FileStoreError) {
        let path = directory.standardizedFileURL.path
        guard let first = FileFormat.sequence(inName: file, kind: .journal) else {
            throw .notAStore(file: file)
        }
        try FileIO.truncate(path + "/" + file, to: max(offset, FileFormat.headerSize))
        for name in try FileIO.list(path) {
            if let later = FileFormat.sequence(inName: name, kind: .journal), later > first {
                try FileIO.remove(path + "/" + name)
            }
        }
        try FileIO.syncDirectory(path)
    }
}
