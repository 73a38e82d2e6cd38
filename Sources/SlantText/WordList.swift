/// A folded word of at most 15 ASCII bytes packed into two integers, the length in the
/// top byte (so no two words share a key and no key is zero).
///
/// The splitter and the speech check ask a short word list about most words of an
/// article; building a `String` for each and hashing it with SipHash cost more than the
/// rest of sentence splitting. Two integers compare and hash in a few instructions.
public struct PackedWord: Hashable, Sendable {
    public let lo: UInt64
    public let hi: UInt64

    public static let capacity = 15

    /// Packs words already laid out as two integers (`hi` carries the length in its top byte).
    @inlinable public init(lo: UInt64, hi: UInt64) {
        self.lo = lo
        self.hi = hi
    }

    /// The number of bytes in the word.
    @inlinable public var count: Int { Int(hi >> 56) }

    /// The byte at `k` (0 ..< count).
    @inlinable public func byte(_ k: Int) -> UInt8 {
        k < 8 ? UInt8(truncatingIfNeeded: lo >> (8 * k)) : UInt8(truncatingIfNeeded: hi >> (8 * (k - 8)))
    }

    /// The packed form of ASCII `bytes`, or nil when there are more than 15.
    /// (Inlinable, so that other modules get it specialised: the generic version cost some
    /// 600 instructions a word.)
    @inlinable public init?<C: Collection>(ascii bytes: C) where C.Element == UInt8 {
        guard bytes.count <= Self.capacity else { return nil }
        var lo: UInt64 = 0, hi: UInt64 = 0, k = 0
        for b in bytes {
            if k < 8 { lo |= UInt64(b) << (8 * k) } else { hi |= UInt64(b) << (8 * (k - 8)) }
            k += 1
        }
        self.lo = lo
        self.hi = hi | UInt64(k) << 56
    }

    /// The folded form (see `Folding`) of `p[span]`, or nil when it is longer than 15
    /// code points or folds to anything but ASCII — the caller then asks with a `String`.
    @inline(__always) init?(folding p: ArraySlice<Unicode.Scalar>, _ span: TextSpan) {
        guard span.length <= Self.capacity else { return nil }
        var lo: UInt64 = 0, hi: UInt64 = 0
        var k = 0
        var i = p.startIndex + span.start
        let end = p.startIndex + span.end
        while i < end {
            var v = p[i].value
            if v >= 0x80 {
                v = Self.foldOutOfLine(p[i]).value
                if v >= 0x80 { return nil }
            } else if v >= 0x41 && v <= 0x5A {
                v |= 0x20
            } else if v == 0x09 {
                v = 0x20
            }
            if k < 8 { lo |= UInt64(v) << (8 * k) } else { hi |= UInt64(v) << (8 * (k - 8)) }
            k += 1
            i += 1
        }
        self.lo = lo
        self.hi = hi | UInt64(k) << 56
    }

    /// Whether byte `b` occurs in the word.
    public func contains(_ b: UInt8) -> Bool {
        let count = Int(hi >> 56)
        for k in 0..<count {
            let byte = k < 8 ? UInt8(truncatingIfNeeded: lo >> (8 * k)) : UInt8(truncatingIfNeeded: hi >> (8 * (k - 8)))
            if byte == b { return true }
        }
        return false
    }

    /// `Folding.fold` kept out of line: it reads Unicode properties, whose resilient
    /// types would otherwise cost every caller a metadata lookup (see `ScalarClass`).
    @inline(never) static func foldOutOfLine(_ s: Unicode.Scalar) -> Unicode.Scalar { Folding.fold(s) }
}

/// A fixed set of folded words that answers for packed words with an open-addressing
/// table and for everything else with the `Set<String>` it was made from, so its
/// answers are exactly the set's.
///
/// Public because the rule engine's checks ask their word lists ("said", "the",
/// "officials") about the tokens around every cue, where hashing each word with SipHash
/// was most of the cost of asking.
public struct WordList: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let words: Set<String>
    /// Pairs (lo, hi) of packed words; (0, 0) marks an empty slot.
    @usableFromInline let slots: [UInt64]
    @usableFromInline let mask: Int
    /// False when some word cannot be packed; then every question goes to `words`.
    @usableFromInline let packedIsExact: Bool
    /// Whether the list holds the empty word. The checks ask about "the word before" and
    /// "the word after" a cue, which is the empty word at a paragraph's edge; asking the
    /// set built a string and hashed it, ten times the cost of a packed answer.
    @usableFromInline let hasEmptyWord: Bool

    public init(arrayLiteral words: String...) { self.init(Set(words)) }

    public init(_ words: Set<String>) {
        self.words = words
        var size = 8
        while size < words.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size * 2)
        var exact = true
        for word in words {
            // Only ASCII words compare as bytes: `String` equality is canonical
            // equivalence, under which a non-ASCII word (K for K) may equal an ASCII one.
            guard word.utf8.allSatisfy({ $0 < 0x80 }), let key = PackedWord(ascii: word.utf8) else { exact = false; continue }
            var s = Self.slot(of: key, mask: size - 1)
            while slots[2 * s] != 0 || slots[2 * s + 1] != 0 { s = (s + 1) & (size - 1) }
            slots[2 * s] = key.lo
            slots[2 * s + 1] = key.hi
        }
        self.slots = slots
        self.mask = size - 1
        self.packedIsExact = exact
        hasEmptyWord = words.contains("")
    }

    @inlinable @inline(__always) static func slot(of key: PackedWord, mask: Int) -> Int {
        let h = (key.lo ^ (key.hi &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 40) & mask
    }

    /// Whether the packed word is in the list: the rule engine packs every token once per
    /// paragraph and asks with the key, inlined, instead of a string per question.
    @inlinable public func contains(_ key: PackedWord) -> Bool {
        guard packedIsExact else { return words.contains(key.string) }
        // The empty word's key is the empty slot's, so it has its own answer.
        guard key.hi != 0 else { return hasEmptyWord }
        return slots.withUnsafeBufferPointer { t in
            var s = Self.slot(of: key, mask: mask)
            while true {
                let lo = t[2 * s], hi = t[2 * s + 1]
                if lo == key.lo && hi == key.hi { return true }
                if lo == 0 && hi == 0 { return false }
                s = (s + 1) & mask
            }
        }
    }

    /// Whether `word` is in the list: an ASCII word of up to 15 bytes is packed and looked
    /// up in the table, anything else is asked of the set.
    public func contains(_ word: String) -> Bool {
        guard packedIsExact else { return words.contains(word) }
        // The string's own bytes, read in place: walking a `String.UTF8View` byte by byte
        // three times cost more than the SipHash it replaces.
        let answer: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count <= PackedWord.capacity, bytes.allSatisfy({ $0 < 0x80 }), let key = PackedWord(ascii: bytes) else { return nil }
            return contains(key)
        }
        return (answer ?? nil) ?? words.contains(word)
    }

    /// Whether the ASCII word `bytes` is in the list.
    func contains<C: Collection>(ascii bytes: C) -> Bool where C.Element == UInt8 {
        if let key = PackedWord(ascii: bytes) { return contains(key) }
        // Longer than any packed word: only an unpacked word of the list can match.
        return !packedIsExact && words.contains(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// Whether the folded text of `p[span]` is in the list.
    func contains(_ p: ArraySlice<Unicode.Scalar>, _ span: TextSpan) -> Bool {
        if let key = PackedWord(folding: p, span) { return contains(key) }
        return words.contains(SentenceSplitter.folded(p, span))
    }
}

extension PackedWord {
    static let no = PackedWord(ascii: "no".utf8)!
    static let nos = PackedWord(ascii: "nos".utf8)!

    /// The word as a string (only for lists that cannot answer packed words themselves).
    public var string: String {
        var bytes: [UInt8] = []
        for k in 0..<Int(hi >> 56) {
            bytes.append(k < 8 ? UInt8(truncatingIfNeeded: lo >> (8 * k)) : UInt8(truncatingIfNeeded: hi >> (8 * (k - 8))))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
