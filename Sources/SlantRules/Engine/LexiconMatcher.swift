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
    /// Entries for each distinct form (one form may belong to several lexicons): form `f`'s
    /// are `entries[entryStart[f] ..< entryStart[f + 1]]`. One flat list, as an array per
    /// form was retained and released at every hit.
    private let entries: [Entry]
    private let entryStart: [Int]
    /// The length of each form in code points (its bytes but continuation bytes), so that
    /// a hit's end is its start plus this: mapping both ends of every hit from bytes to code
    /// points was 0.9M callgrind instructions on the bench, mostly in texts with a curly
    /// quote or a dash somewhere.
    private let formScalarCounts: [Int]
    private let lexiconIDs: [String]
    /// Each distinct term once; entries and hits hold its index.
    private let terms: [String]
    /// Every term, by `LexiconHit.termIndex` (the engine notes facts about them once).
    var allTerms: [String] { terms }

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
        formScalarCounts = forms.map { form in form.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        self.entries = entries.flatMap { $0 }
        var start = [0]
        for list in entries { start.append(start.last! + list.count) }
        entryStart = start
        self.terms = terms
        lexiconIDs = sorted.map(\.id)
    }

    /// The slot of a lexicon, or nil when the rubric has no lexicon of that id.
    public func slot(of lexicon: String) -> Int? { lexiconIDs.firstIndex(of: lexicon) }

    /// All whole-word hits in the folded text, grouped by lexicon slot and sorted by position.
    ///
    /// Why in passes: appending each hit to its slot's list as the automaton found it paid,
    /// for every hit, a uniqueness check of the list of lists and of the list, a retain and
    /// a release of the form's entries, and now and then a reallocation (a million
    /// instructions of growth on the bench). The occurrences come in one list instead
    /// (`ByteAutomaton.matches(in:)`), are counted per slot, and are written into one buffer
    /// in slot order, from which each slot's list is cut at its exact size; a slot's list is
    /// only sorted when its hits did not come in order already.
    public func hits(in folded: FoldedText) -> LexiconHits {
        let slots = lexiconIDs.count
        let bytes = folded.bytes
        var found = automaton.matches(in: bytes)
        guard !found.isEmpty else {
            return LexiconHits(bySlot: [[LexiconHit]](filled: [], count: slots), lexiconIDs: lexiconIDs, terms: terms)
        }
        // Where each slot's part of the one buffer starts (`begin`), counted first, and where
        // its next hit goes (`next`, which ends at the part's end). An occurrence that is not
        // a whole word is marked with pattern -1 and left out.
        var begin = [Int](filled: 0, count: slots + 1)
        var unsorted = [Bool](filled: false, count: slots)
        let lengths = automaton.patternLengths
        bytes.withUnsafeBufferPointer { b in
          Self.asciiWordBytes.withUnsafeBufferPointer { wordByte in
            entries.withUnsafeBufferPointer { entries in
                found.withUnsafeMutableBufferPointer { found in
                    for j in found.indices {
                        let form = found[j].pattern, end = found[j].end
                        // The anchored automaton only reports an occurrence at the text's start or
                        // after a byte that is not an ASCII word byte (`ByteAutomaton.mayStartAfter`,
                        // the same bytes as `isASCIIWordByte`), so only a non-ASCII byte before it
                        // needs the test.
                        let start = end - lengths[form]
                        let wholeAtStart = start == 0 || b[start - 1] < 0x80 || !Self.isWordScalar(endingAt: start, b)
                        let wholeAtEnd = end == b.count || (b[end] < 0x80 ? wordByte[Int(b[end])] == 0 : !Self.isWordScalar(startingAt: end, b))
                        guard wholeAtStart && wholeAtEnd else {
                            found[j].pattern = -1
                            continue
                        }
                        for k in entryStart[form]..<entryStart[form + 1] { begin[entries[k].slot + 1] &+= 1 }
                    }
                }
            }
          }
        }
        for slot in 0..<slots { begin[slot + 1] &+= begin[slot] }
        var next = begin
        let total = begin[slots]
        let all = [LexiconHit](unsafeUninitializedCapacity: total) { out, initialized in
            entries.withUnsafeBufferPointer { entries in
                entryStart.withUnsafeBufferPointer { entryStart in
                  formScalarCounts.withUnsafeBufferPointer { scalarCounts in
                    begin.withUnsafeBufferPointer { begin in
                        next.withUnsafeMutableBufferPointer { next in
                            for f in found where f.pattern >= 0 {
                                let start = folded.offsets.scalarOffset(ofByte: f.end - lengths[f.pattern])
                                let span = TextSpan(start: start, end: start + scalarCounts[f.pattern])
                                for k in entryStart[f.pattern]..<entryStart[f.pattern + 1] {
                                    let e = entries[k]
                                    let at = next[e.slot]
                                    // Hits come by end position; a slot's are only out of order when a
                                    // longer one ends later but starts earlier (rare).
                                    if at > begin[e.slot] && !(out[at - 1].span < span) { unsorted[e.slot] = true }
                                    out.initializeElement(at: at, to: LexiconHit(slot: e.slot, termIndex: e.termIndex, weight: e.weight, span: span))
                                    next[e.slot] = at &+ 1
                                }
                            }
                        }
                    }
                  }
                }
            }
            initialized = total
        }
        var buckets: [[LexiconHit]] = []
        buckets.reserveCapacity(slots)
        for slot in 0..<slots {
            guard begin[slot] < begin[slot + 1] else { buckets.append([]); continue }
            var list = Array(all[begin[slot]..<begin[slot + 1]])
            if unsorted[slot] { list.sort { $0.span < $1.span } }
            buckets.append(list)
        }
        return LexiconHits(bySlot: buckets, lexiconIDs: lexiconIDs, terms: terms)
    }

    /// Whether the scalar whose bytes end at `i` is a letter or digit.
    @inline(never)
    static func isWordScalar(endingAt i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = i - 1
        while k > 0 && b[k] & 0xC0 == 0x80 { k -= 1 }
        return isWordScalar(decode(b, at: k))
    }

    /// Whether the scalar whose bytes start at `i` is a letter or digit.
    @inline(never)
    static func isWordScalar(startingAt i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        isWordScalar(decode(b, at: i))
    }

    /// 1 for each ASCII word byte (`isASCIIWordByte`), else 0: one load per test instead of
    /// four range comparisons.
    static let asciiWordBytes: [UInt8] = (0..<128).map { isASCIIWordByte(UInt8($0)) ? 1 : 0 }

    /// An ASCII letter, digit or underscore: exactly the bytes after which the anchored
    /// automaton lets no match start, so the two tests cannot drift apart.
    @inline(__always) static func isASCIIWordByte(_ c: UInt8) -> Bool {
        !ByteAutomaton.mayStartAfter(c)
    }

    static func isWordScalar(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        var it = b[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return nil
    }
}
