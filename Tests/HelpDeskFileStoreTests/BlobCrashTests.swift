import Foundation
import HelpDeskKit
import Testing

@testable import HelpDeskFileStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Crash safety of blobs")
struct BlobCrashTests {
    /// `helpdesk-crash-writer`, built next to the test bundle.
    private func crashWriter() throws -> URL {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        for folder in candidates {
            let binary = folder.appendingPathComponent("helpdesk-crash-writer")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "helpdesk-crash-writer near \(candidates)"])
    }

    /// The writer's blob `number` (`CrashWriter.blob(_:)`).
    private static func blob(_ number: Int) -> [UInt8] {
        (0..<(16_384 + number * 97)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number &* 7 &+ ($0 >> 8)) }
    }

    /// Kills a writer putting blobs with SIGKILL at random moments; after each kill, opening the
    /// directory leaves no temporary file, every acknowledged blob reads back exactly, the one in
    /// flight is absent or whole, and every file in the directory verifies.
    @Test func acknowledgedBlobsSurviveSIGKILL() async throws {
        let binary = try crashWriter()
        let directory = freshDirectory("blob-crash")
        defer { removeDirectory(directory) }
        var random = SplitMix64(seed: 2215)
        var acknowledged = 0
        var leftovers = 0
        for round in 0..<40 {
            let process = Process()
            process.executableURL = binary
            process.arguments = [directory.path, "blobs"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(20_000 + random.next() % 80_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let last = lines.last.flatMap({ Int($0) }) { acknowledged = max(acknowledged, last) }

            let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            leftovers += try folders.filter {
                try FileManager.default.contentsOfDirectory(
                    atPath: directory.appendingPathComponent($0).path
                ).contains { $0.hasSuffix(".tmp") }
            }.count
            let store = try FileBlobStore(directory: directory)
            var files = 0
            for folder in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                for name in try FileManager.default.contentsOfDirectory(
                    atPath: directory.appendingPathComponent(folder).path)
                {
                    #expect(!name.hasSuffix(".tmp"), "round \(round): \(folder)/\(name) left after opening")
                    let digest = try #require(BlobDigest(hex: folder + name), "round \(round): \(folder)/\(name)")
                    #expect(try await store.bytes(digest) != nil, "round \(round): \(digest) vanished")
                    files += 1
                }
            }
            for number in 1..<(acknowledged + 1) {
                let bytes = Self.blob(number)
                #expect(try await store.bytes(SHA256.hash(bytes)) == bytes, "round \(round): blob \(number) lost")
            }
            let inFlight = Self.blob(acknowledged + 1)
            let found = try await store.bytes(SHA256.hash(inFlight))
            #expect(found == nil || found == inFlight, "round \(round): the blob in flight is partial")
            #expect(files >= acknowledged, "round \(round): \(files) files for \(acknowledged) acknowledged blobs")
        }
        #expect(acknowledged > 10, "the writer acknowledged only \(acknowledged) blobs")
        // Kills between writing and renaming leave temporary files now and then (not asserted:
        // timing-dependent); opening removed every one of them above.
        print("blob crash: \(acknowledged) blobs acknowledged, temporary files left by \(leftovers) kills")
    }
}
