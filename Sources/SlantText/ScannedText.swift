/// An article's code points, decoded from UTF-8 in one pass that also notes where the
/// line feeds and the possible quotation marks stand.
///
/// Paragraph splitting looks for nothing but line feeds, and quotation finding for
/// nothing but quote marks; both are rare (one code point in fifty or so). Testing for
/// them while eight ASCII bytes sit in one register costs a few instructions per eight
/// code points, where a separate scan per paragraph cost several per code point.
struct ScannedText {
    /// The text's code points.
    let scalars: [Unicode.Scalar]
    /// Offsets of U+000A, in increasing order.
    let lineFeeds: [Int]
    /// Offsets of the code points `QuoteFinder.isCandidate` accepts, in increasing order.
    let quoteCandidates: [Int]

    init(_ text: String) {
        var text = text
        var lineFeeds: [Int] = []
        var quotes: [Int] = []
        scalars = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, o = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        if i &+ 8 <= n {
                            let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                            if word & 0x8080_8080_8080_8080 == 0 {
                                // Eight ASCII bytes are eight code points: widen them in one go.
                                let chunk = unsafeBitCast(word, to: SIMD8<UInt8>.self)
                                UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: chunk), as: SIMD8<UInt32>.self)
                                // A byte equal to 0x0A, or to 0x22 or 0x27 once bits 0 and 2 are
                                // cleared (which also lets # and & through), becomes a zero byte.
                                let feeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                                let marks = (word & ~0x0505_0505_0505_0505) ^ 0x2222_2222_2222_2222
                                if Self.hasZeroByte(feeds) || Self.hasZeroByte(marks) {
                                    for k in 0..<8 {
                                        let c = UInt8(truncatingIfNeeded: word >> (8 &* k))
                                        if c == 0x0A { lineFeeds.append(o &+ k) } else if c == 0x22 || c == 0x27 { quotes.append(o &+ k) }
                                    }
                                }
                                o &+= 8; i &+= 8
                                continue
                            }
                        }
                        if b == 0x0A { lineFeeds.append(o) } else if b == 0x22 || b == 0x27 { quotes.append(o) }
                        out[o] = Unicode.Scalar(b); o &+= 1; i &+= 1
                        continue
                    }
                    var v: UInt32
                    let extra: Int
                    if b >= 0xF0 { v = UInt32(b & 0x07); extra = 3 }
                    else if b >= 0xE0 { v = UInt32(b & 0x0F); extra = 2 }
                    else { v = UInt32(b & 0x1F); extra = 1 }
                    for k in 1...extra where i + k < n { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                    if QuoteFinder.isCandidate(scalar.value) { quotes.append(o) }
                    out[o] = scalar
                    o &+= 1
                    i &+= extra + 1
                }
                count = o
            }
        }
        self.lineFeeds = lineFeeds
        self.quoteCandidates = quotes
    }

    /// Whether some byte of `x` is zero (the classic `(x - 0x01…) & ~x & 0x80…`: exact
    /// as a yes or no, though a borrow may mark a byte above a zero one as well).
    @inline(__always) static func hasZeroByte(_ x: UInt64) -> Bool {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
