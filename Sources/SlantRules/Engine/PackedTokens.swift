import SlantText

/// Packing a paragraph's tokens into `PackedWord`s once, for `Word` (Word.swift).
extension FoldedText {
    /// The folded words of tokens: packed when ASCII and short, else as
    /// strings (`others[lo - 1]` for a packed word whose `hi` is zero and `lo` is not;
    /// all zero is the empty word).
    ///
    /// Packed from the code points, which share the tokens' offsets (or from the bytes of
    /// an ASCII paragraph), so no byte offsets are walked; written into the result's buffer
    /// with no captured state (appending from a nested function made every word pay an
    /// exclusivity check).
    func packedWords(of tokens: [Token], in paragraph: TextSpan) -> (packed: [PackedWord], others: [String]) {
        var others: [String] = []
        var complements: [Int32] = []
        let packed = [PackedWord](unsafeUninitializedCapacity: tokens.count) { out, initialized in
            pack(tokens, in: paragraph, into: out, others: &others, complementWords: &complements, base: 0)
            initialized = tokens.count
        }
        return (packed, others)
    }

    /// `packedWords(of:in:)` written into `out[0..<tokens.count]`, with the words that cannot
    /// be packed appended to `others` (so one list can serve every paragraph of an article).
    ///
    /// The index (`base` plus the token's) of every token that is "that", "whether", "how"
    /// or "why" is appended to `complementWords`, for the attribution check's complement
    /// clauses: noted here, where each word is in hand, instead of by a pass of that check
    /// over every token of every paragraph (the pass cost 3.5M callgrind instructions on the
    /// bench; noting the words here, 1.2M).
    func pack(_ tokens: [Token], in paragraph: TextSpan, into out: UnsafeMutableBufferPointer<PackedWord>, others: inout [String],
              complementWords: inout [Int32], base: Int) {
        let count = tokens.count
        precondition(out.count >= count)
        // A paragraph whose folded bytes are as many as its code points is all ASCII: its
        // words are read straight from the bytes, eight at a time, at a fixed shift.
        let startByte = offsets.byteOffset(ofScalar: paragraph.start)
        let shift = startByte - paragraph.start
        let ascii = offsets.byteOffset(ofScalar: paragraph.end) - paragraph.end == shift
        scalars.withUnsafeBufferPointer { codes in bytes.withUnsafeBufferPointer { buf in
          Self.packMasks.withUnsafeBufferPointer { masks in
            tokens.withUnsafeBufferPointer { tokens in
                let n = codes.count
                let first = paragraph.start, last = min(paragraph.end, n)
                let readable = buf.count &- 16
                // Tokens from `fastFirst` to `last` take the fast path below; none when the
                // paragraph is not ASCII or ends within sixteen bytes of the text's end. A token
                // of at least one code point ending by `last` starts by `last - 1`, so then
                // sixteen bytes can be read at its start: one test a paragraph, not one a token.
                let fastFirst = ascii && last &- 1 &+ shift <= readable ? first : Int.max
                for i in 0..<count {
                    let span = tokens[i].span
                    // The common case first, with nothing clamped and no overflow checked: a token of
                    // one to fifteen bytes inside an ASCII paragraph (what `packASCII(bytes:)` would
                    // do): two loads masked by a table row. Testing per token that sixteen bytes
                    // could be read, and masking by shifts, took 36 instructions a token, this about 30
                    // (pack was 6.8M callgrind instructions on the bench).
                    let length = span.end &- span.start
                    if span.start >= fastFirst && span.end <= last && UInt(bitPattern: length &- 1) < UInt(PackedWord.capacity) {
                        let raw = UnsafeRawPointer(buf.baseAddress! + (span.start &+ shift))
                        let mask = masks[length]
                        let lo = raw.loadUnaligned(as: UInt64.self) & mask.lo
                        let hi = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask.hi
                        out.initializeElement(at: i, to: PackedWord(lo: lo, hi: hi | UInt64(truncatingIfNeeded: length) &<< 56))
                        if Self.isComplementWord(lo, length: length) { complementWords.append(Int32(truncatingIfNeeded: base &+ i)) }
                        continue
                    }
                    let lo = max(0, min(span.start, n)), hi = max(lo, min(span.end, n))
                    let word = ascii && lo >= paragraph.start && hi <= paragraph.end
                        ? Self.packASCII(bytes: buf, lo + shift, hi + shift)
                        : Self.packASCII(codes, lo, hi)
                    if let word {
                        out.initializeElement(at: i, to: word)
                        if word.hi & 0x00FF_FFFF_FFFF_FFFF == 0, Self.isComplementWord(word.lo, length: word.count) {
                            complementWords.append(Int32(truncatingIfNeeded: base &+ i))
                        }
                    } else {
                        let from = offsets.byteOffset(ofScalar: lo), to = offsets.byteOffset(ofScalar: hi)
                        others.append(String(decoding: bytes[from..<to], as: UTF8.self))
                        out.initializeElement(at: i, to: PackedWord(lo: UInt64(others.count), hi: 0))
                    }
                }
            }
          }
        } }
    }

    /// Whether the packed word of `length` bytes whose low half is `lo` (and whose high half
    /// holds no byte: true of every word this short) is "that", "whether", "how" or "why".
    @inline(__always)
    static func isComplementWord(_ lo: UInt64, length: Int) -> Bool {
        // (The words are 3, 4 and 7 bytes long: one bit test rules out most tokens.)
        guard (0x98 as Int) &>> length & 1 != 0 else { return false }
        switch length {
        case 3: return lo == 0x77_6F68 || lo == 0x79_6877
        case 4: return lo == 0x7461_6874
        default: return lo == 0x72_6568_7465_6877
        }
    }

    /// For each length 0…15, the masks that keep a packed word's bytes out of the sixteen
    /// loaded from its start (little-endian: its bytes are the low ones of `lo`, then of `hi`).
    static let packMasks: [(lo: UInt64, hi: UInt64)] = (0...PackedWord.capacity).map { length in
        let lo: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) - 1
        let hi: UInt64 = length <= 8 ? 0 : (1 << UInt64(8 * (length - 8))) - 1
        return (lo, hi)
    }

    /// `buf[lo..<hi]`, known to be ASCII, packed when at most 15 bytes; all zero when empty.
    @inline(__always)
    static func packASCII(bytes buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> PackedWord? {
        let length = hi - lo
        guard length <= PackedWord.capacity else { return nil }
        guard length > 0 else { return PackedWord(lo: 0, hi: 0) }
        // Near the end of the text, byte by byte.
        guard lo + 16 <= buf.count else { return PackedWord(ascii: UnsafeBufferPointer(rebasing: buf[lo..<hi])) }
        return packLoaded(UnsafeRawPointer(buf.baseAddress! + lo), length)
    }

    /// The `length` (1…15) ASCII bytes at `raw`, of which 16 can be read, packed: two
    /// unaligned loads, masked to the word (little-endian: its bytes are the low ones).
    @inline(__always)
    static func packLoaded(_ raw: UnsafeRawPointer, _ length: Int) -> PackedWord {
        var a = raw.loadUnaligned(as: UInt64.self)
        var b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if length < 8 {
            a &= (1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1
            b = 0
        } else {
            b &= (1 &<< UInt64(truncatingIfNeeded: 8 &* (length &- 8))) &- 1
        }
        return PackedWord(lo: a, hi: b | UInt64(truncatingIfNeeded: length) << 56)
    }

    /// `codes[lo..<hi]` packed, when it is ASCII and at most 15 code points; all zero when empty.
    @inline(__always)
    static func packASCII(_ codes: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int) -> PackedWord? {
        let length = hi - lo
        guard length <= PackedWord.capacity else { return nil }
        var a: UInt64 = 0, b: UInt64 = 0, any: UInt32 = 0
        var k = 0
        while k < length && k < 8 {
            let c = codes[lo + k]
            any |= c
            a |= UInt64(truncatingIfNeeded: c) << (8 * k)
            k += 1
        }
        while k < length {
            let c = codes[lo + k]
            any |= c
            b |= UInt64(truncatingIfNeeded: c) << (8 * (k - 8))
            k += 1
        }
        guard any < 0x80 else { return nil }
        return length == 0 ? PackedWord(lo: 0, hi: 0) : PackedWord(lo: a, hi: b | UInt64(length) << 56)
    }
}
