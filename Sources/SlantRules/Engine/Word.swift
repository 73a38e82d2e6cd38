import SlantText

/// A folded token as the checks ask about it: packed into two integers when it is ASCII
/// of at most 15 bytes, as nearly every token of news text is, else its string.
///
/// The attribution check asks a dozen questions of the words around every cue ("is the
/// word before it 'the'?", "does it end in -ed?"). Asked of strings, each question cost
/// a retain, a release and a walk of the UTF-8 view, and making the strings was 10 % of
/// scoring; asked of packed words they are integer compares.
struct Word {
    /// The packed word; all zero when the word is empty or could not be packed.
    let packed: PackedWord
    /// The folded text, for a word that could not be packed; nil otherwise.
    let other: String?

    static let none = Word(packed: PackedWord(lo: 0, hi: 0), other: nil)

    init(packed: PackedWord, other: String?) {
        self.packed = packed
        self.other = other
    }

    /// The word of one entry of `FoldedText.packedWords(of:)`.
    @inline(__always)
    init(entry p: PackedWord, others: [String]) {
        if p.hi == 0 && p.lo != 0 {
            self.init(packed: PackedWord(lo: 0, hi: 0), other: others[Int(p.lo) - 1])
        } else {
            self.init(packed: p, other: nil)
        }
    }

    /// The folded text (built on demand: only cold paths need it).
    var text: String { other ?? (packed.hi == 0 ? "" : packed.string) }

    /// Whether the word is `literal`. Compares bytes for a packed word; a word that could
    /// not be packed is compared as a string, under the same canonical equivalence as before.
    @inline(__always)
    static func == (word: Word, literal: StaticString) -> Bool {
        if let other = word.other { return other == literal.description }
        return word.packed == Word.pack(literal)
    }

    @inline(__always)
    static func != (word: Word, literal: StaticString) -> Bool { !(word == literal) }

    /// Lets `switch word { case "to", "not": … }` compare as `==` does.
    @inline(__always)
    static func ~= (literal: StaticString, word: Word) -> Bool { word == literal }

    /// The packed form of an ASCII literal of at most 15 bytes (the words the checks name).
    @inline(__always)
    static func pack(_ literal: StaticString) -> PackedWord {
        let n = literal.utf8CodeUnitCount
        precondition(n <= PackedWord.capacity, "word literals are at most 15 bytes")
        var lo: UInt64 = 0, hi: UInt64 = 0
        let p = literal.utf8Start
        for k in 0..<n {
            if k < 8 { lo |= UInt64(p[k]) << (8 * k) } else { hi |= UInt64(p[k]) << (8 * (k - 8)) }
        }
        return PackedWord(lo: lo, hi: hi | UInt64(n) << 56)
    }

    var isEmpty: Bool { other?.isEmpty ?? (packed.hi == 0) }

    /// Length in code points (bytes, for a packed ASCII word).
    var scalarCount: Int { other.map { $0.scalarCount } ?? packed.count }

    /// Whether the word ends with the ASCII `suffix`, byte for byte (see WordAffixes).
    @inline(__always)
    func endsWith(_ suffix: StaticString) -> Bool {
        if let other { return other.endsWith(suffix) }
        let n = suffix.utf8CodeUnitCount, count = packed.count
        guard count >= n else { return false }
        let s = suffix.utf8Start
        for k in 0..<n where packed.byte(count - n + k) != s[k] { return false }
        return true
    }

    /// Whether the word starts with the ASCII `prefix`, byte for byte.
    @inline(__always)
    func startsWith(_ prefix: StaticString) -> Bool {
        if let other { return other.startsWith(prefix) }
        let n = prefix.utf8CodeUnitCount
        guard packed.count >= n else { return false }
        let s = prefix.utf8Start
        for k in 0..<n where packed.byte(k) != s[k] { return false }
        return true
    }

    /// Whether the word holds the byte `b`.
    func contains(byte b: UInt8) -> Bool {
        if let other { return other.utf8.contains(b) }
        return packed.contains(b)
    }
}

extension WordList {
    /// Whether the word is in the list: by its packed key, or by its string when it has none.
    @inline(__always)
    func contains(_ word: Word) -> Bool {
        if let other = word.other { return contains(other) }
        return contains(word.packed)
    }
}

extension FoldedText {
    /// The folded words of tokens: packed when ASCII and short, else as
    /// strings (`others[lo - 1]` for a packed word whose `hi` is zero and `lo` is not;
    /// all zero is the empty word).
    ///
    /// Packed from the code points, which share the tokens' offsets (or from the bytes of
    /// an ASCII paragraph), so no byte offsets are walked; written into the result's buffer with no captured state (appending from a
    /// nested function made every word pay an exclusivity check).
    func packedWords(of tokens: [Token], in paragraph: TextSpan) -> (packed: [PackedWord], others: [String]) {
        var others: [String] = []
        let count = tokens.count
        // A paragraph whose folded bytes are as many as its code points is all ASCII: its
        // words are read straight from the bytes, eight at a time, at a fixed shift.
        let startByte = offsets.byteOffset(ofScalar: paragraph.start)
        let shift = startByte - paragraph.start
        let ascii = offsets.byteOffset(ofScalar: paragraph.end) - paragraph.end == shift
        let packed = [PackedWord](unsafeUninitializedCapacity: count) { out, initialized in
            scalars.withUnsafeBufferPointer { codes in
            bytes.withUnsafeBufferPointer { buf in
                tokens.withUnsafeBufferPointer { tokens in
                    let n = codes.count
                    for i in 0..<count {
                        let span = tokens[i].span
                        let lo = max(0, min(span.start, n)), hi = max(lo, min(span.end, n))
                        let word = ascii && lo >= paragraph.start && hi <= paragraph.end
                            ? Self.packASCII(bytes: buf, lo + shift, hi + shift)
                            : Self.packASCII(codes, lo, hi)
                        if let word {
                            out.initializeElement(at: i, to: word)
                        } else {
                            let from = offsets.byteOffset(ofScalar: lo), to = offsets.byteOffset(ofScalar: hi)
                            others.append(String(decoding: bytes[from..<to], as: UTF8.self))
                            out.initializeElement(at: i, to: PackedWord(lo: UInt64(others.count), hi: 0))
                        }
                    }
                }
            }
            }
            initialized = count
        }
        return (packed, others)
    }

    /// `buf[lo..<hi]`, known to be ASCII, packed when at most 15 bytes; all zero when empty.
    /// Two unaligned loads and masks when 16 bytes can be read from `lo`.
    @inline(__always)
    static func packASCII(bytes buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> PackedWord? {
        let length = hi - lo
        guard length <= PackedWord.capacity else { return nil }
        guard length > 0 else { return PackedWord(lo: 0, hi: 0) }
        var a: UInt64 = 0, b: UInt64 = 0
        if lo + 16 <= buf.count {
            let raw = UnsafeRawPointer(buf.baseAddress! + lo)
            a = raw.loadUnaligned(as: UInt64.self)
            b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            // Little-endian: the word's bytes are the low ones.
            if length < 8 {
                a &= (1 &<< UInt64(8 * length)) &- 1
                b = 0
            } else {
                b &= (1 &<< UInt64(8 * (length - 8))) &- 1
            }
        } else {
            for k in 0..<length {
                let byte = UInt64(buf[lo + k])
                if k < 8 { a |= byte << (8 * k) } else { b |= byte << (8 * (k - 8)) }
            }
        }
        return PackedWord(lo: a, hi: b | UInt64(length) << 56)
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

extension Word {
    /// The word of a folded string: packed when it can be.
    init(folded text: String) {
        let packed: PackedWord?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? PackedWord(ascii: bytes) : nil
        }
        if text.isEmpty {
            self = .none
        } else if let p = packed ?? nil {
            self.init(packed: p, other: nil)
        } else {
            self.init(packed: PackedWord(lo: 0, hi: 0), other: text)
        }
    }
}
