import Foundation

/// A failure `helpdesk-demo` explains in one sentence (exit status 1).
struct DemoFailure: Error, CustomStringConvertible {
    /// What went wrong, with the operating system's words when it said something.
    let message: String

    var description: String { message }
}

/// Directories the demo writes to, checked before anything is written.
enum DemoDirectory {
    /// Makes sure `path` is a writable directory, creating it (and its parents) when missing.
    ///
    /// - Throws: a sentence naming `purpose`, the path and the operating system's error text.
    static func prepare(_ path: String, for purpose: String) throws(DemoFailure) -> URL {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DemoFailure(message: "cannot use \(path) as the \(purpose): it is a file, not a directory")
            }
        } else {
            if let failure = makeDirectories(path) {
                throw DemoFailure(message: "cannot create the \(purpose) \(path): \(failure)")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw DemoFailure(message: "cannot write to the \(purpose) \(path): \(String(cString: strerror(errno)))")
        }
        return url
    }

    /// Creates `path` and its missing parents; returns the operating system's error text on failure.
    ///
    /// POSIX `mkdir` rather than `FileManager`, whose errors hide the system's reason behind
    /// `NSCocoaErrorDomain` codes.
    private static func makeDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }
}
