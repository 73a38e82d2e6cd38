import SlantText

/// A lexicon term found in an article.
///
/// Plain numbers only: hits are gathered, filtered, sorted and copied many times per
/// paragraph, and a term string in each cost a retain and a release every time.
public struct LexiconHit: Sendable, Hashable {
    /// The lexicon's slot in the matcher (`LexiconHits.lexiconID(of:)`), or -1 for a
    /// cue found by grammar rather than by a lexicon.
    public var slot: Int
    /// The term's index in `LexiconHits.terms`, or -1 for a cue found by grammar (whose
    /// term is its own folded text).
    public var termIndex: Int
    public var weight: Double
    public var span: TextSpan
}

/// The lexicon hits of one article, per lexicon slot, each list sorted by position.
public struct LexiconHits: Sendable {
    public var bySlot: [[LexiconHit]]
    /// The lexicon id of each slot.
    public var lexiconIDs: [String]
    /// Every term of the matcher's lexicons, indexed by `LexiconHit.termIndex`.
    public var terms: [String]

    /// The lexicon term of a hit, or nil for a cue found by grammar.
    public func term(of hit: LexiconHit) -> String? {
        hit.termIndex >= 0 && hit.termIndex < terms.count ? terms[hit.termIndex] : nil
    }

    /// The lexicon id of a hit, or nil for a cue found by grammar (slot -1).
    public func lexiconID(of hit: LexiconHit) -> String? {
        hit.slot >= 0 && hit.slot < lexiconIDs.count ? lexiconIDs[hit.slot] : nil
    }
}

/// Every term form of every lexicon in one byte automaton, so an article is scanned
/// once however many lexicons and rules there are.
public struct LexiconMatcher: Sendable {
    /// `slot` is the lexicon's position in `lexiconIDs`: hits are gathered per slot and
    /// keyed by id once per article, not hashed per hit.
    private struct Entry: Sendable { var slot: Int; var termIndex: Int; var weight: Double }
    private let automaton: ByteAutomaton
    /// Entries for each distinct form (one form may belong to several lexicons).
    private let entries: [[Entry]]
    private let lexiconIDs: [String]
    /// Each distinct term once; entries and hits hold its index.
    private let terms: [String]

    public init(lexicons: [Lexicon]) {
        var index: [String: Int] = [:]
        var forms: [[UInt8]] = []
        var entries: [[Entry]] = []
        var terms: [String] = []
        var termIndex: [String: Int] = [:]
        let sorted = lexicons.sorted(by: { $0.id < $1.id })
        for (slot, lexicon) in sorted.enumerated() {
            for term in lexicon.terms {
                for form in term.forms where !form.isEmpty {
                    let t: Int
                    if let known = termIndex[term.term] { t = known } else {
                        t = terms.count
                        termIndex[term.term] = t
                        terms.append(term.term)
                    }
                    let entry = Entry(slot: slot, termIndex: t, weight: term.weight)
                    if let i = index[form] {
                        if !entries[i].contains(where: { $0.slot == slot }) { entries[i].append(entry) }
                    } else {
                        index[form] = forms.count
                        forms.append(Array(form.utf8))
                        entries.append([entry])
                    }
                }
            }
        }
        automaton = ByteAutomaton(patterns: forms, wordStartsOnly: true)
        self.entries = entries
        self.terms = terms
        lexiconIDs = sorted.map(\.id)
    }

    /// The slot of a lexicon, or nil when the rubric has no lexicon of that id.
    public func slot(of lexicon: String) -> Int? { lexiconIDs.firstIndex(of: lexicon) }

    /// All whole-word hits in the folded text, grouped by lexicon slot and sorted by position.
    public func hits(in folded: FoldedText) -> LexiconHits {
        var buckets = [[LexiconHit]](repeating: [], count: lexiconIDs.count)
        let bytes = folded.bytes
        automaton.scan(bytes) { form, start, end in
            guard Self.isWordBoundary(bytes, before: start), Self.isWordBoundary(bytes, after: end) else { return }
            let span = folded.span(ofBytes: start, end)
            for e in entries[form] {
                // Room for several at the first: growing from one hit at a time was a third of this loop.
                if buckets[e.slot].isEmpty { buckets[e.slot].reserveCapacity(16) }
                buckets[e.slot].append(LexiconHit(slot: e.slot, termIndex: e.termIndex, weight: e.weight, span: span))
            }
        }
        for slot in buckets.indices where buckets[slot].count > 1 { buckets[slot].sort { $0.span < $1.span } }
        return LexiconHits(bySlot: buckets, lexiconIDs: lexiconIDs, terms: terms)
    }

    /// True when the scalar before byte `i` is not a letter or digit.
    static func isWordBoundary(_ b: [UInt8], before i: Int) -> Bool {
        guard i > 0 else { return true }
        let prev = b[i - 1]
        if prev < 0x80 { return !isASCIIWordByte(prev) }
        var k = i - 1
        while k > 0 && b[k] & 0xC0 == 0x80 { k -= 1 }
        return !isWordScalar(decode(b, at: k))
    }

    /// True when the scalar starting at byte `i` is not a letter or digit.
    static func isWordBoundary(_ b: [UInt8], after i: Int) -> Bool {
        guard i < b.count else { return true }
        let next = b[i]
        if next < 0x80 { return !isASCIIWordByte(next) }
        return !isWordScalar(decode(b, at: i))
    }

    @inline(__always) static func isASCIIWordByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    static func isWordScalar(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func decode(_ b: [UInt8], at i: Int) -> Unicode.Scalar? {
        var it = b[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return nil
    }
}
