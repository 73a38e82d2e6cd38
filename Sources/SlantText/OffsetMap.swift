/// Converts between UTF-8 byte offsets and Unicode scalar offsets of one text.
///
/// Matchers run over UTF-8 bytes because that is fast; everything a user sees is in
/// code points. News text is nearly all ASCII with a curly quote or dash every few
/// hundred bytes, so a table of its few multi-byte scalars answers a lookup in a table
/// read and a step or two, where a scan of the text cost some 250 instructions a call.
/// Text dense in multi-byte scalars (CJK, Cyrillic) would make that table bigger than
/// the text; it keeps a checkpoint every 64 bytes instead, at 1/8 of the text size, and
/// each lookup scans at most 63 bytes, eight at a time.
///
/// The bytes must be UTF-8 as a `String` holds it; anything else (which `init` notices)
/// is mapped through the checkpoints, which count every byte but continuation bytes as a
/// scalar.
public struct OffsetMap: Sendable {
    private static let blockShift = 6
    private static let blockSize = 1 << blockShift

    /// Scalar offset at the start of each 64-byte block; empty when `table` serves.
    private let checkpoints: [Int]
    private let bytes: [UInt8]
    /// One entry per multi-byte scalar, in text order: its scalar offset in the high half,
    /// and in the low half the continuation bytes up to its end (so its bytes end at offset
    /// + 1 + that count). Sorted as plain integers, so comparing an entry with `t << 32`
    /// tells whether its scalar comes before scalar `t`. Entry 0 stands for "no scalar
    /// yet" (no extra bytes), and a last entry past every offset stops each walk without
    /// a bounds test.
    ///
    /// From `bucketBase` on, one word per 64 scalars and 64 bytes, where the walks start:
    /// in the low half an entry no later than the first one at or after scalar 64 j, in
    /// the high half one no later than the first ending past byte 64 j (at least 1 each).
    /// One array rather than three saves two allocations an article; empty in checkpoint
    /// mode and for ASCII text.
    private let table: [UInt64]
    private let bucketBase: Int
    public let isASCII: Bool
    public let scalarCount: Int

    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        if let (table, entries, extra) = Self.sparseTable(bytes) {
            scalarCount = bytes.count - extra
            isASCII = extra == 0
            self.table = isASCII ? [] : table
            bucketBase = entries + 1
            checkpoints = []
            return
        }
        table = []
        bucketBase = 0
        var any: UInt8 = 0
        var points: [Int] = []
        points.reserveCapacity(bytes.count / Self.blockSize + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawBufferPointer(buf)
            var blockStart = 0
            while blockStart < buf.count {
                points.append(scalars)
                let end = min(blockStart + Self.blockSize, buf.count)
                var continuation = 0
                var i = blockStart
                // Eight bytes at a time: a continuation byte is 10xxxxxx, so its top bit is set
                // and the bit below is clear; one mask flags eight bytes, and the flags add up
                // per byte lane until the block's end (at most 8 a lane).
                var anyWord: UInt64 = 0, lanes: UInt64 = 0
                while i + 8 <= end {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    anyWord |= w
                    lanes &+= Self.continuationBits(w) >> 7
                    i += 8
                }
                continuation = Self.laneSum(lanes)
                if anyWord & 0x8080_8080_8080_8080 != 0 { any |= 0x80 }
                while i < end {
                    let b = buf[i]
                    any |= b
                    continuation &+= Int((b >> 6) == 2 ? 1 : 0)
                    i += 1
                }
                scalars += (end - blockStart) - continuation
                blockStart = end
            }
        }
        checkpoints = points
        isASCII = any < 0x80
        scalarCount = scalars
    }

    /// `OffsetMap(utf8: bytes)` from its sparse table made elsewhere: by `ScannedText`, which
    /// meets every multi-byte code point while decoding, so the bytes need not be read again
    /// (the pass that `init(utf8:)` makes was 2.7M instructions over the bench's scoring
    /// loop). `table` must be what `sparseTable(bytes)` returns for valid UTF-8, `entries`
    /// its number of entries before the closing one; for ASCII text, `[]` and 1.
    init(utf8 bytes: [UInt8], sparseTable table: [UInt64], entries: Int) {
        self.bytes = bytes
        let extra = entries > 1 ? Int(truncatingIfNeeded: table[entries - 1] & 0xFFFF_FFFF) : 0
        scalarCount = bytes.count - extra
        isASCII = extra == 0
        self.table = isASCII ? [] : table
        bucketBase = entries + 1
        checkpoints = []
    }

    /// The most entries (entry 0 included) a sparse table may hold for a text of `byteCount`
    /// bytes, or 0 when the text is too long for one (offsets past 32 bits).
    static func sparseLimit(byteCount n: Int) -> Int { n < Int(UInt32.max) ? n >> 5 + 8 : 0 }

    /// The number of buckets (walks' starting entries) of a sparse table for `byteCount` bytes.
    static func bucketCount(byteCount n: Int) -> Int { n >> blockShift + 1 }

    /// A sparse-table entry (see `table`): the multi-byte scalar at `scalar`, and the text's
    /// continuation bytes up to its end, its own included.
    @inline(__always)
    static func sparseEntry(scalar: Int, continuationBytes: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: scalar) << 32 | UInt64(truncatingIfNeeded: continuationBytes)
    }

    /// Writes the closing entry after entries `0 ..< m`, and after it the buckets.
    static func closeSparseTable(_ e: UnsafeMutablePointer<UInt64>, entries m: Int, blocks: Int) {
        e[m] = UInt64(UInt32.max) << 32
        // The walks' starting entries, in one pass over the entries for each half.
        var k = 1, l = 1
        for j in 0..<blocks {
            let start = j << blockShift
            while e[k] < UInt64(start) << 32 { k += 1 }
            while end(e[l]) <= start { l += 1 }
            e[m + 1 + j] = UInt64(l) << 32 | UInt64(k)
        }
    }

    /// `table` with the number of entries before the closing one and the text's
    /// continuation bytes, or nil when the checkpoints must serve: more than one entry for
    /// every 32 bytes (the table would pass a quarter of the text's size), offsets past 32
    /// bits, or bytes that are not UTF-8. Thirty-two ASCII bytes cost one test; dense text
    /// gives up within its first few hundred bytes, so trying first costs it little. The
    /// table is allocated once at its largest size, as appending cost more than the rest
    /// of the pass.
    private static func sparseTable(_ bytes: [UInt8]) -> ([UInt64], Int, Int)? {
        let n = bytes.count
        guard n > 0, n < Int(UInt32.max) else { return n == 0 ? ([], 0, 0) : nil }
        let limit = sparseLimit(byteCount: n)
        let blocks = bucketCount(byteCount: n)
        var entries = 0, extra = 0
        let table = [UInt64](unsafeUninitializedCapacity: limit + 1 + blocks) { out, initialized in
            initialized = 0
            let e = out.baseAddress!
            e[0] = 0
            var m = 1, continuation = 0
            let ok = bytes.withUnsafeBufferPointer { buf -> Bool in
                let src = UnsafeRawPointer(buf.baseAddress!)
                var i = 0
                while i + 32 <= n {
                    let any = src.loadUnaligned(fromByteOffset: i, as: UInt64.self) | src.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                        | src.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | src.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                    if any & highBits != 0 {
                        for j in stride(from: i, to: i + 32, by: 8) {
                            let w = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                            guard word(w, at: j, buf, e, limit, &m, &extra, &continuation) else { return false }
                        }
                    }
                    i += 32
                }
                while i + 8 <= n {
                    let w = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    guard word(w, at: i, buf, e, limit, &m, &extra, &continuation) else { return false }
                    i += 8
                }
                while i < n {
                    let b = buf[i]
                    if b & 0xC0 == 0x80 { continuation += 1 }
                    if b >= 0xC0 { guard lead(at: i, buf, e, limit, &m, &extra) else { return false } }
                    i += 1
                }
                return true
            }
            guard ok, continuation == extra else { return }
            entries = m
            guard m > 1 else { e[m] = UInt64(UInt32.max) << 32; initialized = m + 1; return }
            closeSparseTable(e, entries: m, blocks: blocks)
            initialized = m + 1 + blocks
        }
        guard table.count > 0 else { return nil }
        return (table, entries, extra)
    }

    /// Counts a word's continuation bytes and records the scalars whose lead bytes
    /// (11xxxxxx) it holds; false when the text must be mapped through checkpoints.
    @inline(__always)
    private static func word(_ w: UInt64, at i: Int, _ buf: UnsafeBufferPointer<UInt8>, _ e: UnsafeMutablePointer<UInt64>, _ limit: Int,
                             _ m: inout Int, _ extra: inout Int, _ continuation: inout Int) -> Bool {
        guard w & highBits != 0 else { return true }
        continuation += laneSum(continuationBits(w) >> 7)
        var leads = w & (w << 1) & highBits
        while leads != 0 {
            guard lead(at: i + leads.trailingZeroBitCount >> 3, buf, e, limit, &m, &extra) else { return false }
            leads &= leads &- 1
        }
        return true
    }

    /// Records the scalar whose lead byte is at `q`, checking that its continuation bytes
    /// follow it (with the total checked at the end, every continuation byte then belongs
    /// to a lead, as the checkpoints' count assumes).
    @inline(__always)
    private static func lead(at q: Int, _ buf: UnsafeBufferPointer<UInt8>, _ e: UnsafeMutablePointer<UInt64>, _ limit: Int,
                             _ m: inout Int, _ extra: inout Int) -> Bool {
        let b = buf[q]
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard q + width <= buf.count else { return false }
        for k in 1..<width where buf[q + k] & 0xC0 != 0x80 { return false }
        e[m] = sparseEntry(scalar: q - extra, continuationBytes: extra + width - 1)
        extra += width - 1
        m += 1
        return m <= limit
    }

    /// Where an entry's scalar ends, in bytes.
    @inline(__always) private static func end(_ entry: UInt64) -> Int {
        Int(truncatingIfNeeded: entry >> 32) + 1 + Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
    }

    public var byteCount: Int { bytes.count }

    /// Whether lookups scan from 64-byte checkpoints (dense or non-UTF-8 text), for tests.
    var usesCheckpoints: Bool { !checkpoints.isEmpty }

    /// The scalar offset of the scalar that starts at (or contains) byte `byteOffset`.
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        if isASCII || byteOffset <= 0 { return max(0, byteOffset) }
        if byteOffset >= bytes.count { return scalarCount }
        if checkpoints.isEmpty {
            return table.withUnsafeBufferPointer { e in
                // Past every scalar that ends by `byteOffset`; the byte is then either ASCII after
                // them, or inside (or at the start of) the next multi-byte scalar.
                var k = Int(truncatingIfNeeded: e[bucketBase + byteOffset >> Self.blockShift] >> 32)
                while Self.end(e[k]) <= byteOffset { k += 1 }
                let after = byteOffset - Int(truncatingIfNeeded: e[k - 1] & 0xFFFF_FFFF)
                return min(after, Int(truncatingIfNeeded: e[k] >> 32))
            }
        }
        let block = byteOffset >> Self.blockShift
        let start = block << Self.blockShift
        return bytes.withUnsafeBufferPointer { buf in
            // Scalars start at every byte but continuation bytes; counted eight at a time,
            // as in `init` (a byte at a time, this lookup was half of every lexicon hit's cost).
            let raw = UnsafeRawBufferPointer(buf)
            var lanes: UInt64 = 0
            var i = start
            while i + 8 <= byteOffset {
                lanes &+= Self.continuationBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) >> 7
                i += 8
            }
            var continuation = Self.laneSum(lanes)
            while i < byteOffset {
                if buf[i] & 0xC0 == 0x80 { continuation += 1 }
                i += 1
            }
            var scalars = checkpoints[block] + (byteOffset - start) - continuation
            // A byte in the middle of a scalar belongs to the scalar already counted.
            if buf[byteOffset] & 0xC0 == 0x80 { scalars -= 1 }
            return scalars
        }
    }

    /// The byte offset where scalar number `scalarOffset` starts.
    ///
    /// In checkpoint mode the scalar lies in the last block whose checkpoint is not past it,
    /// found by galloping up from block `scalarOffset / 64` (a scalar starts no earlier than
    /// its own number), a step or two in mostly-ASCII text.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        if isASCII || scalarOffset <= 0 { return max(0, min(scalarOffset, bytes.count)) }
        if scalarOffset >= scalarCount { return bytes.count }
        if checkpoints.isEmpty {
            return table.withUnsafeBufferPointer { e in
                var k = Int(truncatingIfNeeded: e[bucketBase + scalarOffset >> Self.blockShift] & 0xFFFF_FFFF)
                let key = UInt64(scalarOffset) << 32
                while e[k] < key { k += 1 }
                return scalarOffset + Int(truncatingIfNeeded: e[k - 1] & 0xFFFF_FFFF)
            }
        }
        let block = checkpoints.withUnsafeBufferPointer { points in
            let last = points.count - 1
            var low = min(scalarOffset >> Self.blockShift, last) // points[low] <= scalarOffset
            var step = 1
            while low + step <= last && points[low + step] <= scalarOffset { low += step; step <<= 1 }
            var high = min(low + step, last + 1) // points[high] > scalarOffset, or past the end
            while high - low > 1 {
                let mid = (low + high) >> 1
                if points[mid] <= scalarOffset { low = mid } else { high = mid }
            }
            return low
        }
        return bytes.withUnsafeBufferPointer { buf in
            let raw = UnsafeRawBufferPointer(buf)
            let n = buf.count
            var i = block << Self.blockShift
            // Scalar starts still to pass from `i`: whole words while the wanted one lies
            // beyond them, then its position within the word.
            var left = scalarOffset - checkpoints[block]
            while i + 8 <= n {
                var starts = Self.leadBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let count = Self.laneSum(starts >> 7)
                if count > left {
                    for _ in 0..<left { starts &= starts &- 1 }
                    return i + starts.trailingZeroBitCount >> 3
                }
                left -= count
                i += 8
            }
            while i < n {
                if buf[i] & 0xC0 != 0x80 {
                    if left == 0 { return i }
                    left -= 1
                }
                i += 1
            }
            return n
        }
    }

    /// `byteOffset(ofScalar:)` of both ends of a span (`lower <= upper`), in one walk when
    /// the table serves: the upper end's walk goes on from where the lower end's stopped.
    public func byteOffsets(ofScalars lower: Int, _ upper: Int) -> (lower: Int, upper: Int) {
        guard !isASCII, checkpoints.isEmpty, lower > 0, upper < scalarCount else {
            return (byteOffset(ofScalar: lower), byteOffset(ofScalar: upper))
        }
        return table.withUnsafeBufferPointer { e in
            var k = Int(truncatingIfNeeded: e[bucketBase + lower >> Self.blockShift] & 0xFFFF_FFFF)
            while e[k] < UInt64(lower) << 32 { k += 1 }
            let from = lower + Int(truncatingIfNeeded: e[k - 1] & 0xFFFF_FFFF)
            k = max(k, Int(truncatingIfNeeded: e[bucketBase + upper >> Self.blockShift] & 0xFFFF_FFFF))
            while e[k] < UInt64(upper) << 32 { k += 1 }
            return (from, upper + Int(truncatingIfNeeded: e[k - 1] & 0xFFFF_FFFF))
        }
    }

    @inline(__always) private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The top bit of each continuation byte (10xxxxxx) of a word: top bit set and the bit
    /// below clear.
    @inline(__always) static func continuationBits(_ w: UInt64) -> UInt64 {
        w & ~(w << 1) & highBits
    }

    /// The top bit of each byte of a little-endian word that starts a scalar, so that
    /// `trailingZeroBitCount >> 3` is the byte's index.
    @inline(__always) static func leadBits(_ w: UInt64) -> UInt64 {
        ~continuationBits(UInt64(littleEndian: w)) & highBits
    }

    /// The sum of a word's eight byte lanes (each sum below 256). One multiply: the build
    /// targets x86-64 without POPCNT, where `nonzeroBitCount` is a dozen instructions.
    @inline(__always) static func laneSum(_ lanes: UInt64) -> Int {
        Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
    }
}
