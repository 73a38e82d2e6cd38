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

    /// Appends the UTF-8 of `text` to `bytes`, without building it.
    func appendUTF8(to bytes: inout [UInt8]) {
        if let other {
            bytes.append(contentsOf: other.utf8)
        } else {
            for k in 0..<packed.count { bytes.append(packed.byte(k)) }
        }
    }

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
    /// A packed word is compared as one 128-bit number, shifted: byte by byte, this was
    /// sixty instructions a question, and the checks ask it of most words near a cue.
    @inline(__always)
    func endsWith(_ suffix: StaticString) -> Bool {
        if other != nil { return slowEndsWith(suffix) }
        let n = suffix.utf8CodeUnitCount, count = packed.count
        guard count >= n else { return false }
        let shifted = Self.bits(packed) >> (8 * (count - n))
        return shifted & Self.lowBytes(n) == Self.bits(Word.pack(suffix))
    }

    /// Whether the word starts with the ASCII `prefix`, byte for byte.
    @inline(__always)
    func startsWith(_ prefix: StaticString) -> Bool {
        if other != nil { return slowStartsWith(prefix) }
        let n = prefix.utf8CodeUnitCount
        guard packed.count >= n else { return false }
        return Self.bits(packed) & Self.lowBytes(n) == Self.bits(Word.pack(prefix))
    }

    // The string answers, out of line so that the packed ones inline and fold their literal.
    @inline(never) private func slowEndsWith(_ suffix: StaticString) -> Bool { other!.endsWith(suffix) }
    @inline(never) private func slowStartsWith(_ prefix: StaticString) -> Bool { other!.startsWith(prefix) }

    /// The bytes of a packed word as one number, first byte lowest, without its length.
    @inline(__always)
    private static func bits(_ p: PackedWord) -> UInt128 {
        UInt128(p.hi & 0x00FF_FFFF_FFFF_FFFF) << 64 | UInt128(p.lo)
    }

    /// A mask of the lowest `n` bytes (n at most 15).
    @inline(__always)
    private static func lowBytes(_ n: Int) -> UInt128 {
        (UInt128(1) << (8 * n)) &- 1
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
