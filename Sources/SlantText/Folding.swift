/// Folds a scalar to the form rules match on: lower case, one kind of space, straight quotes.
///
/// Folding maps every scalar to exactly one scalar, so a match found in the folded
/// text has the same code-point offsets in the original text.
public enum Folding {
    /// `fold` of every ASCII byte.
    static let asciiFold: [UInt8] = (0..<128).map { UInt8(fold(Unicode.Scalar(UInt8($0))).value) }

    /// `fold` of eight ASCII bytes (each below 0x80) at once: upper-case letters gain 0x20 and
    /// tabs become spaces. Adding at most 0x7F to a byte below 0x80 never carries into the
    /// next byte, so each comparison below is per byte.
    @inline(__always) static func foldASCII(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let top = ones &* 0x80
        let atLeastA = w &+ ones &* (0x80 - 0x41) // top bit set where the byte is >= "A"
        let pastZ = w &+ ones &* (0x80 - 0x5B) // top bit set where the byte is > "Z"
        let upper = atLeastA & ~pastZ & top
        let x = w ^ (ones &* 0x09) // zero bytes where there was a tab
        let tab = ~((x & ~top) &+ ~top | x) & top
        return (w | upper >> 2) ^ (tab >> 7) &* (0x09 ^ 0x20)
    }

    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 0x20)! }
            if v == 0x09 { return " " }
            return s
        }
        switch v {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011: return "-"
        default: break
        }
        if s.properties.changesWhenLowercased {
            let lower = s.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let first = lower.first { return first }
        }
        return s
    }

    /// The folded text as UTF-8 bytes.
    public static func foldedUTF8(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            UTF8.encode(fold(s)) { out.append($0) }
        }
        return out
    }
}

/// The folded form of an article's text, ready for byte-level matchers.
public struct FoldedText: Sendable {
    public let bytes: [UInt8]
    public let offsets: OffsetMap
    /// The folded text as code points, indexed by the same offsets as the article.
    public let scalars: [UInt32]
    /// The folded code points a byte each, indexed as `scalars`: the code point when it is
    /// ASCII, else 0x80; then `scalarBytesPadding` more 0x80 bytes, so that sixteen bytes can
    /// be read at any offset up to the text's end.
    ///
    /// Why: the pattern scan and the token packing read the text by code-point offsets.
    /// From `scalars` that was a word a code point and a clamp of each to a table slot;
    /// from `bytes`, only for a paragraph that is all ASCII. A byte each, they read eight
    /// code points a load, whatever the paragraph holds. Written alongside the others, it
    /// costs the fold a store per sixteen bytes.
    public let scalarBytes: [UInt8]
    public static let scalarBytesPadding = 16

    /// Folds in one pass over the text's UTF-8, writing bytes and code points together:
    /// folding scalar by scalar, then decoding the result again for the code points, was
    /// three passes and 5 % of scoring. ASCII, most of any news text, folds eight bytes at
    /// a time (`foldASCII`), which took the fold from 16 instructions a byte to about 4.
    public init(_ text: String) {
        var text = text
        var scalarOut: [UInt32] = []
        var narrowOut: [UInt8] = []
        // `OffsetMap`'s sparse table, one entry for each code point that folds to more than a
        // byte, made here where each is met (see `OffsetMap.init(utf8:sparseTable:entries:)`):
        // the map's own pass over the folded bytes was 1.1M instructions of the bench's
        // scoring loop. `tableFits` turns false past the most entries any fold of this text
        // could hold; whether the entries fit the folded text is decided at the end.
        var table: [UInt64] = []
        var tableFits = true
        let maxEntries = OffsetMap.sparseLimit(byteCount: 2 * text.utf8.count + 4)
        let folded: [UInt8] = text.withUTF8 { src in
            let n = src.count
            // Twice the input is room enough: ASCII folds to one byte, and any other scalar
            // (two bytes or more) to at most four.
            return [UInt8](unsafeUninitializedCapacity: 2 * n + 4) { out, outCount in
                // At most one code point a byte, left uninitialized: zero-filling it first was a
                // tenth of the fold.
                scalarOut = [UInt32](unsafeUninitializedCapacity: n) { codes, codeCount in
                  narrowOut = [UInt8](unsafeUninitializedCapacity: n + Self.scalarBytesPadding) { narrowBuffer, narrowCount in
                    // The table through a local pointer: a static read per byte costs a lazy-init check.
                    Folding.asciiFold.withUnsafeBufferPointer { asciiFold in
                        guard let narrow = narrowBuffer.baseAddress else { return }
                        guard let source = src.baseAddress, let target = out.baseAddress, let points = codes.baseAddress else {
                            narrow.initialize(repeating: 0x80, count: Self.scalarBytesPadding)
                            narrowCount = Self.scalarBytesPadding
                            return
                        }
                        // Counters local to this closure, so they stay in registers.
                        var i = 0, count = 0, written = 0
                        while i < n {
                            // Sixteen ASCII bytes a round while there are: the loop's tests, index
                            // updates and constants were a quarter of the eight-byte round's 40
                            // instructions (4.5M callgrind instructions on the bench).
                            while i &+ 16 <= n {
                                let w0 = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                                let w1 = UnsafeRawPointer(source + i).loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                                if (w0 | w1) & 0x8080_8080_8080_8080 != 0 { break }
                                let f0 = Folding.foldASCII(w0), f1 = Folding.foldASCII(w1)
                                let to = UnsafeMutableRawPointer(target + written)
                                to.storeBytes(of: f0, as: UInt64.self)
                                to.storeBytes(of: f1, toByteOffset: 8, as: UInt64.self)
                                let narrowTo = UnsafeMutableRawPointer(narrow + count)
                                narrowTo.storeBytes(of: f0, as: UInt64.self)
                                narrowTo.storeBytes(of: f1, toByteOffset: 8, as: UInt64.self)
                                let wide0 = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(f0, to: SIMD8<UInt8>.self))
                                let wide1 = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(f1, to: SIMD8<UInt8>.self))
                                let codesTo = UnsafeMutableRawPointer(points + count)
                                codesTo.storeBytes(of: wide0, as: SIMD8<UInt32>.self)
                                codesTo.storeBytes(of: wide1, toByteOffset: 32, as: SIMD8<UInt32>.self)
                                written &+= 16; count &+= 16; i &+= 16
                            }
                            if i == n { break }
                            if i &+ 8 <= n {
                                let w = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                                if w & 0x8080_8080_8080_8080 == 0 {
                                    let f = Folding.foldASCII(w)
                                    UnsafeMutableRawPointer(target + written).storeBytes(of: f, as: UInt64.self)
                                    UnsafeMutableRawPointer(narrow + count).storeBytes(of: f, as: UInt64.self)
                                    let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(f, to: SIMD8<UInt8>.self))
                                    UnsafeMutableRawPointer(points + count).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                                    written &+= 8; count &+= 8; i &+= 8
                                    continue
                                }
                            }
                            // A word with a non-ASCII byte: scalar by scalar past it.
                            let stop = min(i &+ 8, n)
                            while i < stop {
                                let b = source[i]
                                if b < 0x80 {
                                    let f = asciiFold[Int(b)]
                                    target[written] = f
                                    points[count] = UInt32(f)
                                    narrow[count] = f
                                    written &+= 1; count &+= 1; i &+= 1
                                    continue
                                }
                                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                                var v = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                                for k in 1..<length where i + k < n { v = v << 6 | UInt32(source[i + k] & 0x3F) }
                                i += length
                                let f = Folding.fold(Unicode.Scalar(v) ?? "\u{FFFD}")
                                points[count] = f.value
                                narrow[count] = f.value < 0x80 ? UInt8(truncatingIfNeeded: f.value) : 0x80
                                count += 1
                                UTF8.encode(f) { byte in target[written] = byte; written += 1 }
                                if f.value >= 0x80 && tableFits {
                                    if table.isEmpty { table.reserveCapacity(64); table.append(0) }
                                    if table.count >= maxEntries { tableFits = false; continue }
                                    // Its scalar offset, and the continuation bytes up to its end.
                                    table.append(OffsetMap.sparseEntry(scalar: count &- 1, continuationBytes: written &- count))
                                }
                            }
                        }
                        (narrow + count).initialize(repeating: 0x80, count: Self.scalarBytesPadding)
                        narrowCount = count + Self.scalarBytesPadding
                        codeCount = count
                        outCount = written
                    }
                  }
                }
            }
        }
        bytes = folded
        scalars = scalarOut
        scalarBytes = narrowOut
        offsets = Self.offsetMap(folded, table: &table, fits: tableFits)
    }

    /// The offset map of the folded bytes, from the entries the fold noted (`table`, empty when
    /// every code point folded to ASCII) when they are what `OffsetMap.init(utf8:)` would
    /// make: for a text that is not empty, and when their number is within its limit for the
    /// folded length (else that init falls back to checkpoints, and is left to do so).
    private static func offsetMap(_ folded: [UInt8], table: inout [UInt64], fits: Bool) -> OffsetMap {
        let n = folded.count
        guard n > 0, fits else { return OffsetMap(utf8: folded) }
        let entries = max(table.count, 1)
        guard entries <= OffsetMap.sparseLimit(byteCount: n) else { return OffsetMap(utf8: folded) }
        guard entries > 1 else { return OffsetMap(utf8: folded, sparseTable: [], entries: 1) }
        let blocks = OffsetMap.bucketCount(byteCount: n)
        table.append(contentsOf: repeatElement(0, count: 1 + blocks))
        table.withUnsafeMutableBufferPointer { OffsetMap.closeSparseTable($0.baseAddress!, entries: entries, blocks: blocks) }
        return OffsetMap(utf8: folded, sparseTable: table, entries: entries)
    }

    /// The code-point span of a byte range found in `bytes`.
    public func span(ofBytes lower: Int, _ upper: Int) -> TextSpan {
        TextSpan(start: offsets.scalarOffset(ofByte: lower), end: offsets.scalarOffset(ofByte: upper))
    }

    public func byteOffset(ofScalar s: Int) -> Int { offsets.byteOffset(ofScalar: s) }
}
