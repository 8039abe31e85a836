import Foundation
import HelpDeskKit

/// A ``BlobStore`` under test, with what its adapter can do to it from outside.
public struct BlobStoreSubject: Sendable {
    /// The store, empty.
    public let store: any BlobStore
    /// Replaces the stored bytes of a blob behind the store's back (simulated damage); `nil` when
    /// the adapter cannot.
    public let damage: (@Sendable (BlobDigest, [UInt8]) async throws -> Void)?
    /// Opens the same storage again (a new handle, as after a restart); `nil` for memory.
    public let reopen: (@Sendable () async throws -> any BlobStore)?

    /// Describes a store under test.
    public init(
        _ store: any BlobStore, damage: (@Sendable (BlobDigest, [UInt8]) async throws -> Void)? = nil,
        reopen: (@Sendable () async throws -> any BlobStore)? = nil
    ) {
        self.store = store
        self.damage = damage
        self.reopen = reopen
    }
}

/// One named check of the blob-store contract.
public struct BlobContractCheck: Sendable, CustomStringConvertible {
    /// What the check verifies.
    public let name: String
    private let body: @Sendable (BlobStoreSubject) async throws -> Void

    /// Creates a check.
    public init(_ name: String, _ body: @escaping @Sendable (BlobStoreSubject) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check on `subject`, whose store must be empty; throws ``ContractViolation``.
    public func run(on subject: BlobStoreSubject) async throws {
        try await body(subject)
    }

    public var description: String { name }
}

/// The contract every ``BlobStore`` adapter runs (in memory, file, PostgreSQL).
public enum BlobStoreContract {
    /// All checks, in a stable order.
    public static let checks: [BlobContractCheck] = [
        BlobContractCheck("put then read returns the bytes, under their SHA-256", roundTrip),
        BlobContractCheck("putting the same bytes again changes nothing", idempotentPut),
        BlobContractCheck("a digest never stored reads as nil", missing),
        BlobContractCheck("the empty blob", empty),
        BlobContractCheck("a 5 MB blob", large),
        BlobContractCheck("concurrent puts of the same and of different blobs", concurrentPuts),
        BlobContractCheck("damaged bytes are an error, never wrong bytes", damage),
        BlobContractCheck("blobs survive reopening", reopening),
    ]

    /// Seeded bytes of `count`.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var result = [UInt8]()
        result.reserveCapacity(count + 8)
        while result.count < count {
            withUnsafeBytes(of: random.next()) { result.append(contentsOf: $0) }
        }
        result.removeLast(result.count - count)
        return result
    }

    /// Requires `digest` to read back as `expected` with the right size.
    static func requireStored(
        _ expected: [UInt8], at digest: BlobDigest, in store: any BlobStore, file: StaticString = #fileID,
        line: UInt = #line
    ) async throws {
        try requireEqual(digest, SHA256.hash(expected), "digest of \(expected.count) bytes", file: file, line: line)
        let read = try await store.bytes(digest)
        try require(
            read == expected, "blob \(digest) reads back as \(read?.count ?? -1) other bytes", file: file, line: line)
        try require(try await store.contains(digest), "contains(\(digest))", file: file, line: line)
        try requireEqual(try await store.byteCount(digest), Int64(expected.count), "byteCount", file: file, line: line)
    }

    static func roundTrip(_ subject: BlobStoreSubject) async throws {
        let abc = try await subject.store.put(Array("abc".utf8))
        try requireEqual(
            abc.description, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256(abc)")
        for (index, count) in [1, 55, 56, 64, 65, 1000, 4096, 65_537].enumerated() {
            let bytes = Self.bytes(count, seed: UInt64(index))
            let digest = try await subject.store.put(bytes)
            try await requireStored(bytes, at: digest, in: subject.store)
        }
        try await requireStored(Array("abc".utf8), at: abc, in: subject.store)
    }

    static func idempotentPut(_ subject: BlobStoreSubject) async throws {
        let bytes = Self.bytes(3000, seed: 7)
        let first = try await subject.store.put(bytes)
        let second = try await subject.store.put(bytes)
        try requireEqual(second, first, "digest of the second put")
        try await requireStored(bytes, at: first, in: subject.store)
    }

    static func missing(_ subject: BlobStoreSubject) async throws {
        let stored = try await subject.store.put(Self.bytes(100, seed: 1))
        for absent in [
            SHA256.hash(Self.bytes(100, seed: 2)), SHA256.hash([]),
            BlobDigest(bytes: [UInt8](repeating: 0, count: 32))!,
        ] {
            try require(try await subject.store.bytes(absent) == nil, "bytes(\(absent)) of a blob never stored")
            try require(try await !subject.store.contains(absent), "contains(\(absent)) of a blob never stored")
            try require(try await subject.store.byteCount(absent) == nil, "byteCount(\(absent)) of a blob never stored")
        }
        try require(try await subject.store.contains(stored), "the stored blob")
    }

    static func empty(_ subject: BlobStoreSubject) async throws {
        let digest = try await subject.store.put([])
        try requireEqual(
            digest.description, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256()")
        try await requireStored([], at: digest, in: subject.store)
    }

    static func large(_ subject: BlobStoreSubject) async throws {
        let bytes = Self.bytes(5 * 1024 * 1024, seed: 5)
        let digest = try await subject.store.put(bytes)
        try await requireStored(bytes, at: digest, in: subject.store)
    }

    static func concurrentPuts(_ subject: BlobStoreSubject) async throws {
        let store = subject.store
        let shared = Self.bytes(200_000, seed: 99)
        let results = try await withThrowingTaskGroup(of: (BlobDigest, BlobDigest, Int).self) { group in
            for task in 0..<16 {
                group.addTask {
                    let own = try await store.put(Self.bytes(10_000 + task, seed: 1000 + UInt64(task)))
                    let same = try await store.put(shared)
                    return (same, own, task)
                }
            }
            var results: [(BlobDigest, BlobDigest, Int)] = []
            for try await result in group { results.append(result) }
            return results
        }
        try requireEqual(results.count, 16, "finished tasks")
        for (same, own, task) in results {
            try await requireStored(shared, at: same, in: store)
            try await requireStored(Self.bytes(10_000 + task, seed: 1000 + UInt64(task)), at: own, in: store)
        }
    }

    static func damage(_ subject: BlobStoreSubject) async throws {
        guard let damage = subject.damage else { return }
        let bytes = Self.bytes(1000, seed: 3)
        var flipped = bytes
        flipped[500] ^= 0x01
        let other = Self.bytes(1000, seed: 4)
        for replacement in [flipped, Array(bytes.dropLast()), other, []] {
            let digest = try await subject.store.put(bytes)
            try await damage(digest, replacement)
            try await requireStorageError(.corrupted) { _ = try await subject.store.bytes(digest) }
        }
        let untouched = try await subject.store.put(other)
        try await requireStored(other, at: untouched, in: subject.store)
    }

    static func reopening(_ subject: BlobStoreSubject) async throws {
        guard let reopen = subject.reopen else { return }
        var stored: [([UInt8], BlobDigest)] = []
        for (index, count) in [0, 1, 64, 100_000].enumerated() {
            let bytes = Self.bytes(count, seed: 50 + UInt64(index))
            stored.append((bytes, try await subject.store.put(bytes)))
        }
        let reopened = try await reopen()
        for (bytes, digest) in stored { try await requireStored(bytes, at: digest, in: reopened) }
        try require(try await reopened.bytes(SHA256.hash(Self.bytes(7, seed: 7))) == nil, "a blob never stored")
    }
}
