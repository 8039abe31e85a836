import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the store needs (Foundation cannot fsync a
/// directory or take an advisory lock).
enum FileIO {
    /// Throws the current `errno` as ``FileStoreError/io(operation:path:errno:)``.
    static func fail(_ operation: String, _ path: String) -> FileStoreError {
        .io(operation: operation, path: path, errno: errno)
    }

    /// Opens `path` with POSIX `flags`, retrying on `EINTR`.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(FileStoreError) -> Int32 {
        while true {
            let fd = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
            if fd >= 0 { return fd }
            if errno != EINTR { throw fail("open", path) }
        }
    }

    /// Closes a descriptor, ignoring errors (data is synced explicitly before).
    static func close(_ fd: Int32) {
        _ = systemClose(fd)
    }

    /// Writes all of `bytes` at `offset`.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws(FileStoreError)
    {
        var done = 0
        while done < bytes.count {
            let result = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw fail("write", path)
            }
            if result == 0 { throw FileStoreError.io(operation: "write", path: path, errno: EIO) }
            done += result
        }
    }

    /// Makes the file's data (and the metadata needed to read it) durable. Never retried: after a
    /// failed sync the page cache state is unknown, so the caller must stop using the store.
    static func syncData(_ fd: Int32, path: String) throws(FileStoreError) {
        #if canImport(Darwin)
            if fcntl(fd, F_FULLFSYNC) == 0 { return }
            if fsync(fd) != 0 { throw fail("fsync", path) }
        #else
            if fdatasync(fd) != 0 { throw fail("fdatasync", path) }
        #endif
    }

    /// `fsync` of a whole file, metadata included.
    static func syncFile(_ fd: Int32, path: String) throws(FileStoreError) {
        #if canImport(Darwin)
            if fcntl(fd, F_FULLFSYNC) == 0 { return }
        #endif
        if fsync(fd) != 0 { throw fail("fsync", path) }
    }

    /// Makes a directory's entries (created, renamed, removed files) durable.
    static func syncDirectory(_ path: String) throws(FileStoreError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try syncFile(fd, path: path)
    }

    /// Reads the whole file at `path`.
    static func readAll(_ path: String) throws(FileStoreError) -> [UInt8] {
        let fd = try open(path, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("stat", path) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while done < size {
                let result = pread(fd, buffer.baseAddress! + done, size - done, off_t(done))
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if result == 0 { break }
                done += result
            }
        }
        if failure != 0 { throw .io(operation: "read", path: path, errno: failure) }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    /// Shortens the file at `path` to `length` bytes and syncs it.
    static func truncate(_ path: String, to length: Int) throws(FileStoreError) {
        let fd = try open(path, O_WRONLY)
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw fail("truncate", path) }
        try syncFile(fd, path: path)
    }

    /// Atomically renames `from` to `to` (same directory).
    static func rename(_ from: String, _ to: String) throws(FileStoreError) {
        guard systemRename(from, to) == 0 else { throw fail("rename", from) }
    }

    /// Removes a file; a missing file is not an error.
    static func remove(_ path: String) throws(FileStoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw fail("unlink", path) }
    }

    /// Takes an exclusive, non-blocking advisory lock; `false` when another handle holds it.
    static func tryLock(_ fd: Int32, path: String) throws(FileStoreError) -> Bool {
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw fail("flock", path) }
        }
        return true
    }

    /// Releases the advisory lock explicitly, then closes: a child process forked meanwhile
    /// (holding a copy of the descriptor until it execs) must not keep the store locked.
    static func unlockAndClose(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// Names in directory `path`.
    static func list(_ path: String) throws(FileStoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .io(operation: "list", path: path, errno: ENOENT)
        }
    }

    /// Creates `path` and any missing parents, syncing each parent directory that gained an entry.
    static func makeDirectory(_ path: String) throws(FileStoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw .io(operation: "mkdir", path: path, errno: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw fail("mkdir", path) }
        if !parent.isEmpty { try syncDirectory(parent) }
    }
}

private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
