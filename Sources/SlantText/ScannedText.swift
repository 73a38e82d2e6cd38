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
    /// `OffsetMap`'s sparse table for the text's UTF-8 and the number of entries before its
    /// closing one (see `OffsetMap.init(utf8:sparseTable:entries:)`), or nil when the text
    /// has too many multi-byte code points for it. The decoder meets every multi-byte code
    /// point anyway, at its scalar and byte offsets, which are all an entry holds; making the
    /// map from the bytes again was a second pass over the article (2.7M instructions over
    /// the bench's scoring loop).
    let offsetTable: (table: [UInt64], entries: Int)?

    init(_ text: String) {
        var text = text
        var lineFeeds: [Int] = []
        var quotes: [Int] = []
        // The sparse table as `OffsetMap.sparseTable` lays it out: entry 0, then one entry a
        // multi-byte code point while there are fewer than `limit` in all, then room for the
        // closing entry and the buckets. Allocated at the first multi-byte code point.
        var table: [UInt64] = []
        var entries = 1
        var tableFits = true
        let byteCount = text.utf8.count
        let limit = OffsetMap.sparseLimit(byteCount: byteCount)
        let blocks = OffsetMap.bucketCount(byteCount: byteCount)
        scalars = text.withUTF8 { bytes in
            // Room for one line feed or mark in 64 bytes, about twice what news text holds:
            // grown from empty by appends, the two arrays went through the array-growing
            // call 4,584 times over the bench's 432 articles (0.89M instructions).
            lineFeeds.reserveCapacity(bytes.count >> 6 &+ 4)
            quotes.reserveCapacity(bytes.count >> 6 &+ 4)
            return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, o = 0
                let n = bytes.count
                guard n > 0, let src = UnsafeRawPointer(bytes.baseAddress), let dst = UnsafeMutableRawPointer(out.baseAddress) else {
                    count = 0
                    return
                }
                while i < n {
                    // Sixteen ASCII bytes at a time while there are sixteen: one test of the
                    // high bits and one of the flags for both words, and half the loop's
                    // own steps, in the pass that reads every byte of the article.
                    while i &+ 16 <= n {
                        let w0 = src.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let w1 = src.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                        if (w0 | w1) & 0x8080_8080_8080_8080 != 0 { break } // the eight-byte loop finds it
                        (dst + 4 &* o).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(w0, to: SIMD8<UInt8>.self)), as: SIMD8<UInt32>.self)
                        (dst + 4 &* (o &+ 8)).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(w1, to: SIMD8<UInt8>.self)), as: SIMD8<UInt32>.self)
                        let found0 = Self.flagged(w0), found1 = Self.flagged(w1)
                        if found0 | found1 != 0 {
                            Self.note(w0, found0, at: o, lineFeeds: &lineFeeds, quotes: &quotes)
                            Self.note(w1, found1, at: o &+ 8, lineFeeds: &lineFeeds, quotes: &quotes)
                        }
                        o &+= 16; i &+= 16
                    }
                    // Eight ASCII bytes at a time, in a loop of its own: the one-byte path's
                    // tests at the head of every chunk were a quarter of this pass.
                    var asciiBefore = 0 // ASCII bytes before the first that is not, in a chunk that has one
                    while i &+ 8 <= n {
                        let word = src.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let high = word & 0x8080_8080_8080_8080
                        if high != 0 { asciiBefore = high.trailingZeroBitCount &>> 3; break }
                        // Eight ASCII bytes are eight code points: widen them in one go.
                        let chunk = unsafeBitCast(word, to: SIMD8<UInt8>.self)
                        (dst + 4 &* o).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: chunk), as: SIMD8<UInt32>.self)
                        // Only the bytes flagged are looked at, lowest first: reading all
                        // eight of a chunk that held one was a fifth of this pass.
                        Self.note(word, Self.flagged(word), at: o, lineFeeds: &lineFeeds, quotes: &quotes)
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
                    if tableFits {
                        if entries >= limit {
                            tableFits = false
                        } else {
                            if table.isEmpty { table = [UInt64](filled: 0, count: limit + 1 + blocks) }
                            table[entries] = OffsetMap.sparseEntry(scalar: o, continuationBytes: i &+ extra &- o)
                            entries &+= 1
                        }
                    }
                    o &+= 1
                    i &+= extra + 1
                }
                count = o
            }
        }
        self.lineFeeds = lineFeeds
        self.quoteCandidates = quotes
        if tableFits && limit > 0 {
            if entries > 1 {
                table.withUnsafeMutableBufferPointer { OffsetMap.closeSparseTable($0.baseAddress!, entries: entries, blocks: blocks) }
                table.removeLast(table.count - (entries + 1 + blocks))
            }
            offsetTable = (table, entries)
        } else {
            offsetTable = nil
        }
    }

    /// Notes the line feeds and straight marks among the bytes of `word` that `found` flags,
    /// lowest first; `offset` is that of the word's first code point. A function of its
    /// own with the lists passed in: a nested function that captured them made every append
    /// go through the runtime's exclusivity checks (1.3M instructions over the bench).
    @inline(__always) static func note(_ word: UInt64, _ found: UInt64, at offset: Int, lineFeeds: inout [Int], quotes: inout [Int]) {
        var found = found
        while found != 0 {
            let k = found.trailingZeroBitCount &>> 3
            let c = UInt8(truncatingIfNeeded: word >> (8 &* k))
            if c == 0x0A { lineFeeds.append(offset &+ k) } else if c == 0x22 || c == 0x27 { quotes.append(offset &+ k) }
            found &= found &- 1
        }
    }

    /// Bit 7 of each byte of the ASCII `word` that may be a line feed or a straight
    /// quotation mark: a byte equal to 0x0A, or to 0x22 or 0x27 once bits 0 and 2 are
    /// cleared (which also lets # and & through), becomes a zero byte.
    @inline(__always) static func flagged(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes((word & ~0x0505_0505_0505_0505) ^ 0x2222_2222_2222_2222)
    }

    /// Bit 7 of each byte of `x` that is zero, every other bit clear; exact when, as in an
    /// ASCII chunk, no byte of `x` is above 0x7F (adding 0x7F to such a byte never carries,
    /// and sets bit 7 unless the byte was zero).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(x &+ 0x7F7F_7F7F_7F7F_7F7F) & 0x8080_8080_8080_8080
    }
}
