/// An Aho–Corasick automaton over UTF-8 bytes: finds every occurrence of many patterns
/// in one pass, whatever their number.
///
/// Lexicons hold hundreds of terms; one regular-expression alternation of them runs at
/// about 1.5 MB/s, this at hundreds of MB/s (see DESIGN.md). Bytes that occur in no
/// pattern share one input class (two when anchored at word starts: word bytes and the
/// rest), which keeps the transition table small.
public struct ByteAutomaton: Sendable {
    /// Input class of each byte value; 0 for bytes that occur in no pattern (anchored: those a
    /// match may follow; the ASCII word bytes in no pattern have a class of their own).
    private let byteClass: [UInt8]
    /// Input class of each ASCII byte once A–Z are lower-cased, for `containsMatch(inLowercasedUTF8Of:foldingNonASCII:)`.
    private let lowercasedASCIIClass: [UInt8]
    /// log2 of the row length: the class count rounded up to a power of two, so a state's
    /// row starts at `state << rowShift` (a shift instead of a multiply on the per-byte chain).
    private let rowShift: Int
    /// Full transition table when there are fewer than 32,768 states, as most lexicons give:
    /// `table[state << rowShift | class]` is the next state, with the top bit (`flag`) set when
    /// a pattern ends there or along its failure chain, or (anchored) when it is the dead
    /// state. Two bytes an entry halve the table (12,512 states: 1.5 MB of Int32 rows became
    /// 0.8 MB), which mostly missed L1 byte after byte.
    ///
    /// Why the flag is the top bit rather than the bottom one (the next state times two,
    /// plus one, as it was): an entry without the flag is then the next state as it is, and
    /// the per-byte step needs no shift to take the flag off (12 → 10 instructions a byte).
    private let compact: [UInt16]
    /// The same table with four-byte entries, for automata too big for `compact` (else empty).
    private let wide: [UInt32]
    /// The dead state of an anchored automaton (`wordStartsOnly`), or -1.
    private let deadState: Int
    /// For each byte value, 1 when it keeps the anchored automaton in its dead state (an
    /// ASCII word byte: a byte after which no match may start), else 0; all 0 when not anchored.
    private let keepsDead: [UInt8]
    /// Pattern ending exactly at a state, or -1.
    private let output: [Int32]
    /// Next state along the failure chain that has an output, or -1.
    private let dictionaryLink: [Int32]
    /// Length in bytes of each pattern.
    public let patternLengths: [Int]

    /// Entries fit two bytes below this many states (the next state times two, plus the flag).
    static let compactStateLimit = 1 << 15

    /// With `wordStartsOnly`, only occurrences that start at the text's start or right after
    /// a byte that is not an ASCII letter, digit or underscore are reported (any byte of a
    /// multi-byte character counts as such: callers that need whole words check those).
    ///
    /// Why: lexicon terms only count as whole words. The plain automaton follows every
    /// suffix of every word that begins some term ("understand" walks through "and"), so
    /// the text visits thousands of rows and misses the cache on most bytes; anchored, a
    /// word that does not begin a term sends it to one dead state until the word ends.
    public init(patterns: [[UInt8]], wordStartsOnly: Bool = false) {
        self.init(patterns: patterns, compactStateLimit: Self.compactStateLimit, wordStartsOnly: wordStartsOnly)
    }

    /// Whether a match may start right after byte `b` in `wordStartsOnly` mode.
    @inline(__always)
    public static func mayStartAfter(_ b: UInt8) -> Bool {
        !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || b == 0x5F)
    }

    /// `compactStateLimit` lets tests force the four-byte table on a small automaton.
    init(patterns: [[UInt8]], compactStateLimit: Int, wordStartsOnly: Bool = false) {
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for p in patterns { for b in p where classes[Int(b)] == 0 { classes[Int(b)] = next; next += next == 255 ? 0 : 1 } }
        // Anchored, the bytes in no pattern split in two: those after which a match may start (0)
        // and ASCII word bytes (one class of their own).
        if wordStartsOnly {
            let wordClass = next
            var used = false
            for b in 0..<256 where classes[b] == 0 && !Self.mayStartAfter(UInt8(b)) { classes[b] = wordClass; used = true }
            if used { next += 1 }
        }
        byteClass = classes
        lowercasedASCIIClass = (0..<128).map { classes[$0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0] }
        let c = Int(next)
        // Whether a match may start after a byte of each class (every byte of a class agrees).
        var startsAfter = [Bool](repeating: true, count: c)
        for b in 0..<256 { startsAfter[Int(classes[b])] = Self.mayStartAfter(UInt8(b)) }
        patternLengths = patterns.map(\.count)

        // Trie.
        var goto: [Int32] = [Int32](repeating: -1, count: c)
        var out: [Int32] = [-1]
        for (id, p) in patterns.enumerated() where !p.isEmpty {
            var s = 0
            for b in p {
                let k = s * c + Int(classes[Int(b)])
                if goto[k] < 0 {
                    goto[k] = Int32(out.count)
                    out.append(-1)
                    goto.append(contentsOf: repeatElement(-1, count: c))
                }
                s = Int(goto[k])
            }
            if out[s] < 0 { out[s] = Int32(id) } // duplicates: the first pattern wins
        }
        // Anchored: a dead state for "inside a word that begins no term", left at the word's end.
        let dead = wordStartsOnly ? out.count : -1
        if wordStartsOnly {
            out.append(-1)
            for k in 0..<c { goto.append(startsAfter[k] ? 0 : Int32(dead)) }
        }
        // After a byte of class `k` with nothing to extend: the root, or (anchored, after a word byte) the dead state.
        func restart(_ k: Int) -> Int32 { wordStartsOnly && !startsAfter[k] ? Int32(dead) : 0 }
        let states = out.count
        // Failure links by breadth-first search, completing goto into a full DFA. Anchored, a
        // failure link only falls back to suffixes that start after a byte a match may follow.
        var fail = [Int32](repeating: 0, count: states)
        var dict = [Int32](repeating: -1, count: states)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for k in 0..<c {
            if goto[k] < 0 { goto[k] = restart(k) } else { fail[Int(goto[k])] = restart(k); queue.append(Int(goto[k])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            for k in 0..<c {
                let t = goto[s * c + k]
                let viaFail = goto[Int(fail[s]) * c + k]
                if t < 0 {
                    goto[s * c + k] = viaFail
                } else {
                    let ti = Int(t)
                    fail[ti] = viaFail
                    let f = Int(viaFail)
                    dict[ti] = out[f] >= 0 ? Int32(f) : dict[f]
                    queue.append(ti)
                }
            }
        }
        // Renumber the states breadth-first: the shallow states, which almost every byte of
        // text visits, then sit together at the front of the table and stay in cache (in
        // insertion order they were spread over the whole 1.5 MB table, a miss per byte).
        var order = [0]
        order.reserveCapacity(states)
        if dead >= 0 { order.append(dead) }
        order += queue
        var rank = [Int](repeating: 0, count: states)
        for (new, old) in order.enumerated() { rank[old] = new }
        var shift = 0
        while 1 << shift < c { shift += 1 }
        rowShift = shift
        // The next state, with bit 31 as the flag (moved to bit 15 for `compact`).
        var table = [UInt32](repeating: 0, count: states << shift)
        var outputs = [Int32](repeating: -1, count: states)
        var links = [Int32](repeating: -1, count: states)
        for (new, old) in order.enumerated() {
            for k in 0..<c {
                let next = Int(goto[old * c + k])
                let flag = out[next] >= 0 || dict[next] >= 0 || next == dead
                table[new << shift | k] = UInt32(rank[next]) | (flag ? 1 << 31 : 0)
            }
            outputs[new] = out[old]
            links[new] = dict[old] < 0 ? -1 : Int32(rank[Int(dict[old])])
        }
        if states < compactStateLimit {
            compact = table.map { UInt16(truncatingIfNeeded: $0 & 0x7FFF | $0 >> 16 & 0x8000) }
            wide = []
        } else {
            compact = []
            wide = table
        }
        output = outputs
        dictionaryLink = links
        deadState = dead >= 0 ? rank[dead] : -1
        keepsDead = (0..<256).map { wordStartsOnly && !startsAfter[Int(classes[$0])] ? 1 : 0 }
    }

    public var isEmpty: Bool { patternLengths.isEmpty }

    /// True when the transitions are stored two bytes each (fewer than 32,768 states).
    var isCompact: Bool { wide.isEmpty }

    /// Calls `match(patternIndex, startByte, endByte)` for every occurrence, in order of end position.
    public func scan(_ bytes: [UInt8], _ match: (Int, Int, Int) -> Void) {
        walk(bytes) { id, start, end in
            match(id, start, end)
            return true
        }
    }

    /// An occurrence: the pattern, and the byte offset where it ends (it starts
    /// `patternLengths[pattern]` bytes before).
    public struct Match: Sendable, Equatable {
        public var pattern: Int
        public var end: Int
        public init(pattern: Int, end: Int) {
            self.pattern = pattern
            self.end = end
        }
    }

    /// Every occurrence, in order of end position: what `scan` reports, in a list.
    ///
    /// Why: a callback from another module is a call through a closure context for every
    /// occurrence, which with its register saves cost the lexicon scan about 60 instructions
    /// a hit (1.2M on the bench); appending here is inlined into the walk.
    public func matches(in bytes: [UInt8]) -> [Match] {
        var found: [Match] = []
        found.reserveCapacity(bytes.count >> 5 + 16)
        walk(bytes) { id, _, end in
            found.append(Match(pattern: id, end: end))
            return true
        }
        return found
    }

    /// The first occurrence of any pattern (by end position), as (pattern, start, end), or nil.
    public func firstMatch(in bytes: [UInt8]) -> (pattern: Int, start: Int, end: Int)? {
        var found: (pattern: Int, start: Int, end: Int)?
        walk(bytes) { id, start, end in
            found = (id, start, end)
            return false
        }
        return found
    }

    /// Runs the automaton, reporting matches to `visit` until it returns false.
    private func walk(_ bytes: [UInt8], _ visit: (Int, Int, Int) -> Bool) {
        if isCompact {
            compact.withUnsafeBufferPointer { walk(bytes, $0, visit) }
        } else {
            wide.withUnsafeBufferPointer { walk(bytes, $0, visit) }
        }
    }

    private func walk<Entry: FixedWidthInteger>(_ bytes: [UInt8], _ table: UnsafeBufferPointer<Entry>,
                                                _ visit: (Int, Int, Int) -> Bool) {
        byteClass.withUnsafeBufferPointer { cls in
          keepsDead.withUnsafeBufferPointer { keep in
            output.withUnsafeBufferPointer { out in
                dictionaryLink.withUnsafeBufferPointer { dict in
                    bytes.withUnsafeBufferPointer { b in
                        let n = b.count
                        var state = 0, i = 0
                        while true {
                            i = Self.advance(table, cls, keep, b, from: i, state: &state, rowShift: rowShift, dead: deadState)
                            if i == n { return }
                            var s = out[state] >= 0 ? state : Int(dict[state])
                            while s >= 0 {
                                let id = Int(out[s])
                                if !visit(id, i + 1 - patternLengths[id], i + 1) { return }
                                s = Int(dict[s])
                            }
                            i += 1
                        }
                    }
                }
            }
          }
        }
    }

    /// Steps the automaton from byte `i` until a transition that flags an output, returning
    /// that byte's index (or the byte count). Out of line so that its few variables live in
    /// registers: inlined beside the match callback they were spilled to the stack, and the
    /// per-byte step took 17 instructions instead of 11.
    ///
    /// Four bytes to one test of the text's end: one at a time, the end test and the index
    /// copies it needed were 4 of the step's 11 instructions (7.0M callgrind instructions on
    /// the bench, 638k steps).
    ///
    /// Anchored, a word that begins no term sends the automaton to its dead state until a
    /// byte a match may follow; that transition is flagged too, and the rest of the word is
    /// skipped by a byte test (`keepsDead`) instead of being stepped through the table.
    /// The dead state's row sends every byte that `keepsDead` passes over back to the dead
    /// state, and every other byte to the root with no output, so the skip ends where the
    /// table walk would, in the same state.
    @inline(never)
    private static func advance<Entry: FixedWidthInteger>(_ table: UnsafeBufferPointer<Entry>, _ cls: UnsafeBufferPointer<UInt8>,
                                                          _ keep: UnsafeBufferPointer<UInt8>,
                                                          _ b: UnsafeBufferPointer<UInt8>, from start: Int,
                                                          state: inout Int, rowShift: Int, dead: Int) -> Int {
        guard let t = table.baseAddress, let c = cls.baseAddress, let k = keep.baseAddress, let p = b.baseAddress else { return b.count }
        let n = b.count
        let flag = 1 &<< (Entry.bitWidth &- 1)
        @inline(__always) func next(_ s: Int, _ i: Int) -> Int {
            Int(truncatingIfNeeded: t[s &<< rowShift | Int(c[Int(p[i])])])
        }
        var s = state, i = start
        while true {
            // Until a flagged transition, at byte `i` (`e`), or the end of the text.
            var e: Int
            while true {
                if i &+ 4 > n {
                    if i == n { state = s; return n }
                    e = next(s, i)
                    if e & flag != 0 { break }
                    s = e; i &+= 1
                    continue
                }
                e = next(s, i)
                if e & flag != 0 { break }
                e = next(e, i &+ 1)
                if e & flag != 0 { i &+= 1; break }
                e = next(e, i &+ 2)
                if e & flag != 0 { i &+= 2; break }
                e = next(e, i &+ 3)
                if e & flag != 0 { i &+= 3; break }
                s = e; i &+= 4
            }
            s = e ^ flag
            if s != dead { state = s; return i }
            i &+= 1
            // Four bytes to a test of the end here too (1.8M → 1.2M instructions on the bench).
            while true {
                if i &+ 4 > n {
                    while i < n && k[Int(p[i])] != 0 { i &+= 1 }
                    break
                }
                if k[Int(p[i])] == 0 { break }
                if k[Int(p[i &+ 1])] == 0 { i &+= 1; break }
                if k[Int(p[i &+ 2])] == 0 { i &+= 2; break }
                if k[Int(p[i &+ 3])] == 0 { i &+= 3; break }
                i &+= 4
            }
            if i == n { state = s; return n }
            // The byte that ends the word takes the dead state back to the root.
            s = 0
            i &+= 1
        }
    }
}

/// Matching straight from code points, for the paragraph classifier's boilerplate cues.
///
/// The classifier used to fold each short paragraph into a UTF-8 buffer and then run
/// `firstMatch` over it: two passes, about 15 instructions a code point and 14 % of
/// segmentation (callgrind). Stepping the automaton on the code points themselves, with
/// the ASCII lower-casing folded into a class table, is one pass and feeds the automaton
/// exactly the same bytes, so the answer is the same.
extension ByteAutomaton {
    /// Whether some pattern occurs in the UTF-8 of `p` with A–Z lower-cased (every other
    /// ASCII byte as it is) and each other code point replaced by `fold` of it. Not for an
    /// anchored automaton (`wordStartsOnly`), whose flag also marks the dead state.
    func containsMatch(inLowercasedUTF8Of p: UnsafeBufferPointer<Unicode.Scalar>,
                       foldingNonASCII fold: (Unicode.Scalar) -> Unicode.Scalar) -> Bool {
        precondition(deadState < 0, "containsMatch on an anchored automaton")
        if isEmpty { return false }
        return byteClass.withUnsafeBufferPointer { cls in
            lowercasedASCIIClass.withUnsafeBufferPointer { lower in
                if isCompact {
                    return compact.withUnsafeBufferPointer { Self.containsMatch($0, cls, lower, p, rowShift: rowShift, fold: fold) }
                } else {
                    return wide.withUnsafeBufferPointer { Self.containsMatch($0, cls, lower, p, rowShift: rowShift, fold: fold) }
                }
            }
        }
    }

    private static func containsMatch<Entry: FixedWidthInteger>(_ table: UnsafeBufferPointer<Entry>, _ cls: UnsafeBufferPointer<UInt8>,
                                                                _ lower: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<Unicode.Scalar>,
                                                                rowShift: Int, fold: (Unicode.Scalar) -> Unicode.Scalar) -> Bool {
        guard let t = table.baseAddress, let src = p.baseAddress else { return false }
        let n = p.count
        var s = 0, i = 0
        while true {
            i = advanceASCII(t, lower, p, from: i, state: &s, rowShift: rowShift)
            if i == n { return false }
            // The ASCII run stopped at a match or at another code point.
            if src[i].value < 0x80 { return true }
            s = step(t, cls, fold(src[i]).value, from: s, rowShift: rowShift)
            if s < 0 { return true }
            i &+= 1
        }
    }

    /// `advance` for ASCII code points: steps from `start` until a transition that flags a
    /// match (a pattern ends there or along the failure chain) or a code point past ASCII,
    /// returning its index (or the count). Out of line, like `advance`, so that its state
    /// stays in a register: inlined, the loop took 15 instructions a code point.
    @inline(never)
    private static func advanceASCII<Entry: FixedWidthInteger>(_ t: UnsafePointer<Entry>, _ lower: UnsafeBufferPointer<UInt8>,
                                                               _ p: UnsafeBufferPointer<Unicode.Scalar>, from start: Int,
                                                               state: inout Int, rowShift: Int) -> Int {
        guard let l = lower.baseAddress, let src = p.baseAddress else { return p.count }
        let n = p.count
        let flag = 1 &<< (Entry.bitWidth &- 1)
        var s = state, i = start
        while i < n {
            let v = src[i].value
            if v >= 0x80 { break }
            let e = Int(truncatingIfNeeded: t[s &<< rowShift | Int(l[Int(v)])])
            s = e & (flag &- 1)
            if e & flag != 0 { break }
            i &+= 1
        }
        state = s
        return i
    }

    /// Steps from `state` through the UTF-8 bytes of the code point `f`, returning the new
    /// state, or -1 when a byte completes a match. Out of line, and with the state returned
    /// rather than `inout`: either way kept the ASCII loop's state in memory (15
    /// instructions a code point instead of 10).
    @inline(never)
    private static func step<Entry: FixedWidthInteger>(_ t: UnsafePointer<Entry>, _ cls: UnsafeBufferPointer<UInt8>, _ f: UInt32,
                                                       from state: Int, rowShift: Int) -> Int {
        var s = state
        let flag = 1 &<< (Entry.bitWidth &- 1)
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count: Int
        if f < 0x80 {
            bytes.0 = UInt8(f); count = 1
        } else if f < 0x800 {
            bytes.0 = UInt8(0xC0 | f >> 6); bytes.1 = UInt8(0x80 | f & 0x3F); count = 2
        } else if f < 0x10000 {
            bytes.0 = UInt8(0xE0 | f >> 12); bytes.1 = UInt8(0x80 | f >> 6 & 0x3F); bytes.2 = UInt8(0x80 | f & 0x3F); count = 3
        } else {
            bytes.0 = UInt8(0xF0 | f >> 18); bytes.1 = UInt8(0x80 | f >> 12 & 0x3F)
            bytes.2 = UInt8(0x80 | f >> 6 & 0x3F); bytes.3 = UInt8(0x80 | f & 0x3F); count = 4
        }
        return withUnsafeBytes(of: &bytes) { b in
            for k in 0..<count {
                let e = Int(truncatingIfNeeded: t[s &<< rowShift | Int(cls[Int(b[k])])])
                if e & flag != 0 { return -1 }
                s = e
            }
            return s
        }
    }
}
