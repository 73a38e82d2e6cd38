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
                    // Eight ASCII bytes at a time, in a loop of its own: the one-byte path's
                    // tests at the head of every chunk were a quarter of this pass.
                    var asciiBefore = 0 // ASCII bytes before the first that is not, in a chunk that has one
                    while i &+ 8 <= n {
                        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        let high = word & 0x8080_8080_8080_8080
                        if high != 0 { asciiBefore = high.trailingZeroBitCount &>> 3; break }
                        // Eight ASCII bytes are eight code points: widen them in one go.
                        let chunk = unsafeBitCast(word, to: SIMD8<UInt8>.self)
                        UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: chunk), as: SIMD8<UInt32>.self)
                        // A byte equal to 0x0A, or to 0x22 or 0x27 once bits 0 and 2 are
                        // cleared (which also lets # and & through), becomes a zero byte.
                        let feeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                        let marks = (word & ~0x0505_0505_0505_0505) ^ 0x2222_2222_2222_2222
                        // Only the bytes so marked are looked at, lowest first: reading all
                        // eight of a chunk that held one was a fifth of this pass.
                        var found = Self.zeroBytes(feeds) | Self.zeroBytes(marks)
                        while found != 0 {
                            let k = found.trailingZeroBitCount &>> 3
                            let c = UInt8(truncatingIfNeeded: word >> (8 &* k))
                            if c == 0x0A { lineFeeds.append(o &+ k) } else if c == 0x22 || c == 0x27 { quotes.append(o &+ k) }
                            found &= found &- 1
                        }
                        o &+= 8; i &+= 8
                    }
                    // One byte at a time: the ASCII ones before a multi-byte sequence (all of
                    // them at once, not each after another try at a chunk), or the last few.
                    guard i < n else { break }
                    var b = bytes[i]
                    if b < 0x80 {
                        var run = max(asciiBefore, 1)
                        while true {
                            if b == 0x0A { lineFeeds.append(o) } else if b == 0x22 || b == 0x27 { quotes.append(o) }
                            out[o] = Unicode.Scalar(b); o &+= 1; i &+= 1
                            run &-= 1
                            guard run > 0 else { break }
                            b = bytes[i]
                        }
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

    /// Bit 7 of each byte of `x` that is zero, every other bit clear; exact when, as in an
    /// ASCII chunk, no byte of `x` is above 0x7F (adding 0x7F to such a byte never carries,
    /// and sets bit 7 unless the byte was zero).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(x &+ 0x7F7F_7F7F_7F7F_7F7F) & 0x8080_8080_8080_8080
    }
}
