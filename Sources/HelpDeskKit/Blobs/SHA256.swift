/// SHA-256 (FIPS 180-4), written out by hand: one-shot with ``hash(_:)`` or streaming with
/// ``update(_:)`` and ``finalize()``.
///
/// The compression runs straight over the caller's bytes; only a partial block at the end of an
/// update is copied into the 64-byte buffer.
public struct SHA256: Sendable {
    /// The eight working words H0…H7.
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of an unfinished block.
    private var pending: [UInt8] = []
    /// Bytes hashed so far (the length is taken modulo 2^64, as the standard defines it).
    private var length: UInt64 = 0

    /// Starts a new hash.
    public init() {
        pending.reserveCapacity(64)
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> BlobDigest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the bytes in `buffer`.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> BlobDigest {
        var hasher = SHA256()
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes in `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0, let base = buffer.baseAddress else { return }
        length &+= UInt64(truncatingIfNeeded: buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { block in compress(block.baseAddress!, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (buffer.count - offset) / 64
        if whole > 0 {
            compress(base + offset, blocks: whole)
            offset += whole * 64
        }
        if offset < buffer.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset))
        }
    }

    /// Pads the message and returns its digest; the hasher must not be used afterwards.
    public mutating func finalize() -> BlobDigest {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 64) }
        pending.removeAll()
        var words = [UInt32](repeating: 0, count: 8)
        (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7]) = h
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for word in words {
            bytes.append(UInt8(truncatingIfNeeded: word >> 24))
            bytes.append(UInt8(truncatingIfNeeded: word >> 16))
            bytes.append(UInt8(truncatingIfNeeded: word >> 8))
            bytes.append(UInt8(truncatingIfNeeded: word))
        }
        return BlobDigest(bytes: bytes)!
    }

    /// Runs the compression function over `blocks` consecutive 64-byte blocks at `base`: the
    /// message schedule is kept in a 16-word ring and the rounds are unrolled by eight, each
    /// round writing two of the working variables in place (no shuffle of all eight).
    private mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = h
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { w in
            SHA256.constants.withUnsafeBufferPointer { k in
                for block in 0..<blocks {
                    let start = base + block &* 64
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: start.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                    }
                    var (a, b, c, d, e, f, g, hh) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    var t = 0
                    while t < 64 {
                        if t >= 16 {
                            for i in 0..<16 { w[i] = Self.schedule(w, i) }
                        }
                        for i in stride(from: 0, to: 16, by: 8) {
                            Self.round(a, b, c, &d, e, f, g, &hh, k[t &+ i], w[i])
                            Self.round(hh, a, b, &c, d, e, f, &g, k[t &+ i &+ 1], w[i &+ 1])
                            Self.round(g, hh, a, &b, c, d, e, &f, k[t &+ i &+ 2], w[i &+ 2])
                            Self.round(f, g, hh, &a, b, c, d, &e, k[t &+ i &+ 3], w[i &+ 3])
                            Self.round(e, f, g, &hh, a, b, c, &d, k[t &+ i &+ 4], w[i &+ 4])
                            Self.round(d, e, f, &g, hh, a, b, &c, k[t &+ i &+ 5], w[i &+ 5])
                            Self.round(c, d, e, &f, g, hh, a, &b, k[t &+ i &+ 6], w[i &+ 6])
                            Self.round(b, c, d, &e, f, g, hh, &a, k[t &+ i &+ 7], w[i &+ 7])
                        }
                        t &+= 16
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= hh
                }
            }
        }
        h = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// The next schedule word in place of `w[i]` (W[t] from W[t-16], W[t-15], W[t-7], W[t-2], all
    /// in the 16-word ring; the ring is rewritten in order, so earlier slots already hold new words).
    @inline(__always)
    private static func schedule(_ w: UnsafeMutableBufferPointer<UInt32>, _ i: Int) -> UInt32 {
        let x = w[(i &+ 1) & 15]
        let y = w[(i &+ 14) & 15]
        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
        return w[i] &+ s0 &+ w[(i &+ 9) & 15] &+ s1
    }

    /// One round: `h` becomes the new `a` and `d` the new `e`; the caller renames the rest.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
        _ h: inout UInt32, _ k: UInt32, _ w: UInt32
    ) {
        let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ k &+ w
        let t2 = (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d &+= t1
        h = t1 &+ t2
    }

    /// The round constants K0…K63: the first 32 bits of the fractional parts of the cube roots of
    /// the first 64 primes.
    private static let constants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

extension UInt32 {
    /// The bits rotated right by `count` (0 < count < 32).
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 &- count))
    }
}
