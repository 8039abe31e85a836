import Foundation
import HelpDeskKit
import Testing

@Suite("SHA-256 matches FIPS 180-4 and Python's hashlib")
struct SHA256Tests {
    /// The FIPS 180-2 / NIST CAVS example messages.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistVector(_ message: String, _ expected: String) {
        #expect(SHA256.hash(Array(message.utf8)).description == expected)
    }

    @Test func oneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).description == expected)
        var streamed = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { streamed.update(chunk) }
        #expect(streamed.finalize().description == expected)
    }

    struct Fixture: Decodable {
        var hex: String
        var sha256: String
    }

    static func fixtures() throws -> [Fixture] {
        let url = try #require(
            Bundle.module.url(forResource: "sha256", withExtension: "json", subdirectory: "Fixtures"))
        struct File: Decodable { var cases: [Fixture] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    static func bytes(hex: String) throws -> [UInt8] {
        let utf8 = Array(hex.utf8)
        return try stride(from: 0, to: utf8.count, by: 2).map { index in
            try #require(UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16))
        }
    }

    /// Each fixture hashed in one shot and in seeded random chunkings (empty chunks included)
    /// gives hashlib's digest.
    @Test func hashlibFixturesInRandomChunkings() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 60)
        #expect(Set(fixtures.map { $0.hex.count / 2 }).isSuperset(of: [0, 55, 56, 63, 64, 65, 119, 120, 128, 300]))
        var random = SplitMix64(seed: 0x5eed_b10b)
        for fixture in fixtures {
            let bytes = try Self.bytes(hex: fixture.hex)
            #expect(SHA256.hash(bytes).description == fixture.sha256)
            for _ in 0..<8 {
                var hasher = SHA256()
                var offset = 0
                while offset < bytes.count {
                    let size = Int(random.next() % 80)
                    let end = min(bytes.count, offset + size)
                    bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
                    offset = end
                }
                #expect(hasher.finalize().description == fixture.sha256, "\(bytes.count) bytes")
            }
        }
    }

    @Test func digestTextForms() throws {
        let digest = SHA256.hash(Array("abc".utf8))
        let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(digest.checksum == "sha256:" + hex)
        #expect(BlobDigest(hex: hex) == digest)
        #expect(BlobDigest(hex: hex.uppercased()) == digest)
        #expect(BlobDigest(checksum: digest.checksum) == digest)
        #expect(BlobDigest(bytes: digest.bytes) == digest)
        #expect(digest.bytes.count == 32)
        for bad in ["", String(hex.dropLast()), hex + "0", String(hex.dropLast()) + "g", "sha256:" + hex] {
            #expect(BlobDigest(hex: bad) == nil, "\(bad)")
        }
        for bad in [hex, "SHA256:" + hex, "md5:" + hex, "sha256:" + hex.dropLast(), "sha256: " + hex] {
            #expect(BlobDigest(checksum: bad) == nil, "\(bad)")
        }
        #expect(BlobDigest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        let encoded = try JSONEncoder().encode(digest)
        #expect(String(decoding: encoded, as: UTF8.self) == "\"\(hex)\"")
        #expect(try JSONDecoder().decode(BlobDigest.self, from: encoded) == digest)
        let other = SHA256.hash([])
        #expect((digest < other) == (digest.description < other.description))
    }
}
