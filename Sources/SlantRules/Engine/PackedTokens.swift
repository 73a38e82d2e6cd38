import SlantText

/// Packing a paragraph's tokens into `PackedWord`s once, for `Word` (Word.swift).
extension FoldedText {
    /// The folded words of tokens: packed when ASCII and short, else as
    /// strings (`others[lo - 1]` for a packed word whose `hi` is zero and `lo` is not;
    /// all zero is the empty word).
    ///
    /// Packed from the code points (a byte each, `scalarBytes`), which share the tokens'
    /// offsets, so no byte offsets are walked; written into the result's buffer
    /// with no captured state (appending from a nested function made every word pay an
    /// exclusivity check).
    func packedWords(of tokens: [Token]) -> (packed: [PackedWord], others: [String]) {
        var others: [String] = []
        var complements: [Int32] = []
        let packed = [PackedWord](unsafeUninitializedCapacity: tokens.count) { out, initialized in
            pack(tokens, into: out, others: &others, complementWords: &complements, base: 0)
            initialized = tokens.count
        }
        return (packed, others)
    }

    /// `packedWords(of:)` written into `out[0..<tokens.count]`, with the words that cannot
    /// be packed appended to `others` (so one list can serve every paragraph of an article).
    ///
    /// The index (`base` plus the token's) of every token that is "that", "whether", "how"
    /// or "why" is appended to `complementWords`, for the attribution check's complement
    /// clauses: noted here, where each word is in hand, instead of by a pass of that check
    /// over every token of every paragraph (the pass cost 3.5M callgrind instructions on the
    /// bench; noting the words here, 1.2M).
    func pack(_ tokens: [Token], into out: UnsafeMutableBufferPointer<PackedWord>, others: inout [String],
              complementWords: inout [Int32], base: Int) {
        let count = tokens.count
        precondition(out.count >= count)
        scalars.withUnsafeBufferPointer { codes in scalarBytes.withUnsafeBufferPointer { narrow in
          Self.packMasks.withUnsafeBufferPointer { masks in
            tokens.withUnsafeBufferPointer { tokens in
                let n = codes.count
                for i in 0..<count {
                    let span = tokens[i].span
                    // The common case first, with nothing clamped and no overflow checked: a token of
                    // one to fifteen ASCII code points, read from the code points a byte each
                    // (`scalarBytes`, which has sixteen bytes to read at any offset up to the end):
                    // two loads masked by a table row, and a test that no byte is 0x80 (a code point
                    // beyond ASCII). Read from the folded bytes, this served only paragraphs that
                    // are all ASCII, and needed their byte offsets (pack was 7.8M callgrind
                    // instructions on the bench, a sixth of its tokens taking the slow path).
                    let length = span.end &- span.start
                    if span.start >= 0 && span.end <= n && UInt(bitPattern: length &- 1) < UInt(PackedWord.capacity) {
                        let raw = UnsafeRawPointer(narrow.baseAddress! + span.start)
                        let mask = masks[length]
                        let lo = raw.loadUnaligned(as: UInt64.self) & mask.lo
                        let hi = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask.hi
                        if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
                            out.initializeElement(at: i, to: PackedWord(lo: lo, hi: hi | UInt64(truncatingIfNeeded: length) &<< 56))
                            if Self.isComplementWord(lo, length: length) { complementWords.append(Int32(truncatingIfNeeded: base &+ i)) }
                            continue
                        }
                    }
                    let lo = max(0, min(span.start, n)), hi = max(lo, min(span.end, n))
                    if let word = Self.packASCII(codes, lo, hi) {
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
