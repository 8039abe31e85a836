import Foundation
import HelpDeskFileStore
import HelpDeskKit

/// SHA-256 throughput (the hand-written one, over one large buffer and over 1 KiB messages) and
/// the file blob store's durable puts and verified reads of 1 MiB blobs, in a temporary directory.
func blobBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let large = (0..<(quick ? 4 : 64) * 1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    var digest = SHA256.hash([])
    let bulk = Measure.seconds { digest = SHA256.hash(large) }
    let small = Array(large.prefix(1_024))
    let messages = quick ? 20_000 : 200_000
    let smallSeconds = Measure.seconds {
        for index in 0..<messages {
            var hasher = SHA256()
            hasher.update(small)
            hasher.update([UInt8(truncatingIfNeeded: index)])
            digest = hasher.finalize()
        }
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-blobs-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try FileBlobStore(directory: directory)
    let blobCount = quick ? 16 : 64
    let blobs = (0..<blobCount).map { index in Array(large[(index * 4_096)..<(index * 4_096 + 1_048_576)]) }
    var digests: [BlobDigest] = []
    let putSeconds = try await Measure.seconds {
        for blob in blobs { digests.append(try await store.put(blob)) }
    }
    let readSeconds = try await Measure.seconds {
        for stored in digests { _ = try await store.bytes(stored) }
    }
    let mebibytes = Double(large.count) / 1_048_576
    return [
        BenchmarkResult(
            name: "blobs.sha256", value: mebibytes / bulk, unit: "MiB/s", target: nil, higherIsBetter: true,
            notes: "SHA256.hash of one \(Int(mebibytes)) MiB buffer, one core (digest \(digest.description.prefix(8))…)"
        ),
        BenchmarkResult(
            name: "blobs.sha256.1k", value: Double(messages) / smallSeconds, unit: "ops/s", target: nil,
            higherIsBetter: true, notes: "streaming SHA256 of 1 025-byte messages, one core"),
        BenchmarkResult(
            name: "blobs.file.put", value: Double(blobCount) / putSeconds, unit: "ops/s", target: nil,
            higherIsBetter: true,
            notes: "FileBlobStore.put of \(blobCount) distinct 1 MiB blobs one after another (hash, temp file, fsync, "
                + "rename, directory fsync)"),
        BenchmarkResult(
            name: "blobs.file.read", value: Double(blobCount) / readSeconds, unit: "ops/s", target: nil,
            higherIsBetter: true, notes: "FileBlobStore.bytes of the same 1 MiB blobs, verified (page cache warm)"),
    ]
}
