import SlantText

/// A loop-free simple pattern unrolled into its straight-line paths, in the order the
/// backtracking machine tries them, so a match needs no machine at all.
///
/// Why: the rubric's patterns are alternations of short words (`\b(?:should|must|…)\b`,
/// `\bwill (?:rise|fall|…)\b`, `\d\s?(?:%|percent\b|…)`). In the machine each start
/// position pushes one backtrack entry per alternative and re-reads the program, which
/// made PatternSet the largest rule cost after the lexicon scan. Unrolled, a start
/// position tries only the paths whose first scalar is the one in the text — in the
/// machine's order — and each path is a plain comparison that usually fails at its
/// second scalar.
///
/// Why this is the machine's answer: the machine is a depth-first search over its
/// choices, preferred branch first, and returns the first path that reaches `match`.
/// In a program without backward jumps those paths are finite, and listing them
/// depth-first, preferred branch first, gives them in exactly that order; so the first
/// listed path that fits the text is the machine's match. Paths that cannot start with
/// the scalar at the position cannot fit, so leaving them out changes nothing.
///
/// Why the step budget (PatternBudget) is unaffected: the paths are only built when a
/// full depth-first walk of the program — every instruction succeeding — takes at most
/// `maxSteps` (256) steps. A real run visits part of that walk, so it takes no more; over
/// an article of `n` code points every start position together takes at most `256 n`
/// steps, less than the `1_000_000 + 256 n` the article allows. Such a pattern can never
/// run out of its budget nor hit the per-start cap, so not counting its steps gives
/// the same matches and the same "not exhausted".
struct PatternPaths: Sendable {
    /// Steps a full walk of the program may take for the pattern to be unrolled (see above).
    static let maxSteps = 256

    enum Item: Equatable, Sendable {
        case scalar(UInt32)
        /// An index into the pattern's sets.
        case set(Int)
        case boundary
    }

    /// The paths in the machine's order.
    let paths: [[Item]]
    let sets: [ScalarSet]

    /// Nil when the program loops or its full walk exceeds `maxSteps` steps.
    /// `skipFirst` drops the program's first instruction from every path: the caller
    /// checks an opening `\b` before asking for a match.
    init?(program: [SimplePattern.Instruction], sets: [ScalarSet], skipFirst: Bool) {
        // No backward jumps: every path is finite and the walk below terminates.
        for (pc, inst) in program.enumerated() {
            switch inst.op {
            case .split: if inst.a <= pc || inst.b <= pc { return nil }
            case .jump: if inst.a <= pc { return nil }
            default: break
            }
        }
        var paths: [[Item]] = []
        var steps = skipFirst ? 1 : 0 // the machine counts the skipped instruction too
        // Depth-first, preferred branch first, exactly as SimplePattern.run explores.
        func walk(_ start: Int, _ prefix: [Item]) -> Bool {
            var pc = start, path = prefix
            while true {
                steps += 1
                guard steps <= Self.maxSteps else { return false }
                let inst = program[pc]
                switch inst.op {
                case .scalar: path.append(.scalar(UInt32(inst.a))); pc += 1
                case .set: path.append(.set(inst.a)); pc += 1
                case .boundary: path.append(.boundary); pc += 1
                case .jump: pc = inst.a
                case .split:
                    guard walk(inst.a, path) else { return false }
                    pc = inst.b
                case .match:
                    paths.append(path)
                    return true
                }
            }
        }
        guard !program.isEmpty, walk(skipFirst ? 1 : 0, []) else { return nil }
        self.paths = paths
        self.sets = sets
    }
}

/// The unrolled patterns of a PatternSet in flat, read-only memory, so the scan's inner
/// loop reads them through plain pointers: a pattern's paths held in Swift arrays were
/// retained and released at every start position tried, which cost as much as matching.
///
/// Each pattern has a list of paths for each ASCII scalar and one for all non-ASCII
/// scalars: the paths whose first consumed scalar may be that one, in the machine's
/// order (PatternPaths). In an ASCII list a path whose first item is that scalar starts
/// one item in, the scalar being already known to fit.
final class PathTable: @unchecked Sendable { // immutable after init
    /// A path's items in `items[from ..< to]`, tried `advance` code points after the start;
    /// the next entry of the list begins with the same `shared` items at the same offset.
    struct Entry {
        var from: Int32, to: Int32, advance: Int32, shared: Int32 = 0
    }

    /// Items, encoded: a scalar is its value; a set is `setFlag | index` into `sets`;
    /// a word boundary is `boundaryItem`. Scalars are below 0x110000, so these never clash.
    private static let setFlag: UInt32 = 0x8000_0000
    private static let boundaryItem: UInt32 = 0x4000_0000
    private let items: UnsafeMutableBufferPointer<UInt32>
    private let entries: UnsafeMutableBufferPointer<Entry>
    /// Pattern `k`'s list for slot `s` (an ASCII scalar, or 128 for the rest) is
    /// `entries[lists[k * 129 + s] ..< lists[k * 129 + s + 1]]`.
    private let lists: UnsafeMutableBufferPointer<Int32>
    /// For each set, which ASCII scalars it holds (a set's test beyond ASCII needs Unicode
    /// properties, so only non-ASCII scalars go to `sets`).
    private let setASCII: UnsafeMutableBufferPointer<(UInt64, UInt64)>
    /// For each set, `beyondWords` words of bits: which of the code points in
    /// `beyondRanges` it holds, answered once when the table is made.
    ///
    /// Why: a set's test beyond ASCII asks Unicode properties (`\s`, `\d`, `\w`) at some
    /// 340 instructions a call (0.4M callgrind instructions on the bench); the code points
    /// news text holds beyond ASCII are nearly all accented Latin letters and punctuation
    /// (dashes, ellipses, the euro sign), which these bits cover.
    private let beyondBits: UnsafeMutableBufferPointer<UInt64>
    /// Latin-1 Supplement to Latin Extended-B (`latinWords` words of bits from 0x80), and
    /// General Punctuation to the currency signs (`punctuationWords` from 0x2000).
    static let latinWords = 10, punctuationWords = 4, punctuationStart = 0x2000
    static let beyondWords = latinWords + punctuationWords
    private let sets: [ScalarSet]
    /// For pattern `k`'s list for slot `s`, at `follow[k * 129 + s]`: the scalars that may
    /// come right after the first one for some path of the list to fit (see `mayMatch`).
    private let follow: UnsafeMutableBufferPointer<Follow>

    /// The scalars a list's paths allow after their first consumed scalar: ASCII ones as
    /// bits, and whether any beyond ASCII may do.
    struct Follow {
        var low: UInt64 = 0, high: UInt64 = 0
        var beyond = false

        static let any = Follow(low: ~0, high: ~0, beyond: true)

        mutating func insert(_ v: UInt32) {
            if v < 64 { low |= 1 << UInt64(v) } else if v < 128 { high |= 1 << UInt64(v - 64) } else { beyond = true }
        }
    }

    /// One unrolled pattern per entry, nil for a pattern the machine runs (its lists are empty).
    init(_ patterns: [PatternPaths?]) {
        var items: [UInt32] = [], entries: [Entry] = [], lists: [Int32] = [0], sets: [ScalarSet] = []
        var follow: [Follow] = []
        for pattern in patterns {
            guard let pattern else {
                lists += [Int32](repeating: Int32(entries.count), count: 129)
                follow += [Follow](repeating: .any, count: 129)
                continue
            }
            let setBase = sets.count
            sets += pattern.sets
            var encoded: [(items: [UInt32], firstConsumed: Int?)] = []
            for path in pattern.paths {
                let e = path.map { item -> UInt32 in
                    switch item {
                    case .scalar(let s): return s
                    case .set(let i): return Self.setFlag | UInt32(setBase + i)
                    case .boundary: return Self.boundaryItem
                    }
                }
                encoded.append((e, path.firstIndex { $0 != .boundary }))
            }
            var starts: [Int] = []
            for e in encoded {
                starts.append(items.count)
                items += e.items
            }
            for slot in 0...128 {
                var next = Follow()
                for (p, path) in pattern.paths.enumerated() {
                    let e = encoded[p]
                    // A path that consumes nothing (only boundaries) may start anywhere.
                    guard let first = e.firstConsumed else {
                        entries.append(Self.entry(e.items, at: starts[p], skip: 0))
                        next = .any
                        continue
                    }
                    let fits: Bool
                    switch path[first] {
                    case .scalar(let s): fits = slot < 128 ? s == UInt32(slot) : s >= 128
                    case .set(let i): fits = slot < 128 ? pattern.sets[i].contains(UInt32(slot)) : pattern.sets[i].mayContainNonASCII
                    case .boundary: fits = true
                    }
                    guard fits else { continue }
                    // In an ASCII list, a leading scalar or set is known to fit: skip it.
                    entries.append(Self.entry(e.items, at: starts[p], skip: slot < 128 && first == 0 ? 1 : 0))
                    Self.addFollow(of: path[(first + 1)...], after: slot, pattern.sets, to: &next)
                }
                follow.append(next)
                // Why `shared`: an entry that fails at its d-th item is followed by entries
                // that fail at that same item when they share it and all before it (at the
                // same offset), and `match` skips them. `\bwill (?:rise|fall|…)\b` has 17
                // paths that all fail at the "i" of "was"; they cost one comparison, not 17.
                let list = Int(lists.last!) ..< entries.count
                for e in list.dropLast() where entries[e].advance == entries[e + 1].advance {
                    let a = entries[e], b = entries[e + 1]
                    var n: Int32 = 0
                    while a.from + n < a.to && b.from + n < b.to && items[Int(a.from + n)] == items[Int(b.from + n)] { n += 1 }
                    entries[e].shared = n
                }
                lists.append(Int32(entries.count))
            }
        }
        self.items = .allocate(capacity: items.count)
        _ = self.items.initialize(from: items)
        self.entries = .allocate(capacity: entries.count)
        _ = self.entries.initialize(from: entries)
        self.lists = .allocate(capacity: lists.count)
        _ = self.lists.initialize(from: lists)
        self.setASCII = .allocate(capacity: sets.count)
        for (i, set) in sets.enumerated() {
            var bits: (UInt64, UInt64) = (0, 0)
            for v: UInt32 in 0..<128 where set.contains(v) {
                if v < 64 { bits.0 |= 1 << UInt64(v) } else { bits.1 |= 1 << UInt64(v - 64) }
            }
            setASCII[i] = bits
        }
        self.beyondBits = .allocate(capacity: sets.count * Self.beyondWords)
        beyondBits.initialize(repeating: 0)
        for (i, set) in sets.enumerated() where set.mayContainNonASCII {
            let word = i * Self.beyondWords
            for k in 0..<(Self.latinWords * 64) where set.contains(0x80 + UInt32(k)) {
                beyondBits[word + k >> 6] |= 1 << UInt64(k & 63)
            }
            for k in 0..<(Self.punctuationWords * 64) where set.contains(UInt32(Self.punctuationStart + k)) {
                beyondBits[word + Self.latinWords + k >> 6] |= 1 << UInt64(k & 63)
            }
        }
        self.sets = sets
        self.follow = .allocate(capacity: follow.count)
        _ = self.follow.initialize(from: follow)
    }

    /// Adds to `follow` the scalars that may come right after a path's first consumed
    /// scalar (slot `slot`), given the items after it: generous, never missing one.
    private static func addFollow(of rest: ArraySlice<PatternPaths.Item>, after slot: Int, _ sets: [ScalarSet], to follow: inout Follow) {
        guard let item = rest.first, slot < 128 else {
            // The path ends there (it matches whatever comes next), or the first scalar is
            // beyond ASCII (rare: not worth telling apart).
            follow = .any
            return
        }
        switch item {
        case .scalar(let s):
            follow.insert(s)
        case .set(let i):
            for v: UInt32 in 0..<128 where sets[i].contains(v) { follow.insert(v) }
            if sets[i].mayContainNonASCII { follow.beyond = true }
        case .boundary:
            // A word edge after the first scalar: the next one differs from it in being a
            // word scalar (any scalar beyond ASCII may).
            let word = isWord(UInt32(slot))
            for v: UInt32 in 0..<128 where isWord(v) != word { follow.insert(v) }
            follow.beyond = true
        }
    }

    /// The entry for a path whose items start at `base`, the first `skip` of them known to fit.
    private static func entry(_ items: [UInt32], at base: Int, skip: Int) -> Entry {
        Entry(from: Int32(base + skip), to: Int32(base + items.count), advance: Int32(skip))
    }

    deinit {
        items.deallocate()
        entries.deallocate()
        lists.deallocate()
        setASCII.deallocate()
        beyondBits.deallocate()
        follow.deallocate()
    }

    /// Whether pattern `k` has a path that may start with ASCII scalar `c`.
    func mayStart(_ k: Int, withASCII c: UInt32) -> Bool { lists[k * 129 + Int(c)] < lists[k * 129 + Int(c) + 1] }

    /// Whether pattern `k` may match at `start` (where the scalar is `c`), judged by the
    /// scalar after it alone: false means `match` would return -1.
    ///
    /// Why: the rubric's patterns start at word edges with common letters (`i`, `w`, `s`,
    /// `o`, `m`, `h`…), so most starts tried are words like "in", "was" or "said", where
    /// every path fails at the second scalar. Telling that from one bit, before `match`
    /// walks its entries, took most of PatternSet's matching work away.
    @inline(__always)
    func mayMatch(_ k: Int, _ text: UnsafeBufferPointer<UInt32>, at start: Int, _ c: UInt32) -> Bool {
        let n = start &+ 1
        // At the end of the text, paths that end or check an edge there may still fit.
        guard n < text.count else { return true }
        return mayFollow(k, slot: c < 128 ? Int(c) : 128, next: Int(min(text[n], 128)))
    }

    /// Whether pattern `k` may match where its first scalar is in `slot` and the one after
    /// it in `next` (`mayMatch`'s test, for PatternSet's table; slot 128 is beyond ASCII).
    func mayFollow(_ k: Int, slot: Int, next: Int) -> Bool {
        let f = follow[k * 129 + slot]
        if next < 64 { return (f.low >> UInt64(next)) & 1 != 0 }
        if next < 128 { return (f.high >> UInt64(next - 64)) & 1 != 0 }
        return f.beyond
    }

    /// The end of pattern `k`'s match at `start` (where the scalar is `c`, and an opening
    /// `\b` has been checked), or -1: the first path of its list that fits.
    ///
    /// Wrapping arithmetic throughout (offsets into the text and the tables, far from any
    /// bound): the overflow checks were a sixth of its 200 instructions a call.
    @inline(__always)
    func match(_ k: Int, _ text: UnsafeBufferPointer<UInt32>, at start: Int, _ c: UInt32) -> Int {
        let slot = k &* 129 &+ (c < 128 ? Int(c) : 128)
        var e = Int(lists[slot])
        let last = Int(lists[slot &+ 1])
        while e < last {
            let entry = entries[e]
            var at = start &+ Int(entry.advance)
            var j = Int(entry.from)
            let to = Int(entry.to)
            while j < to && fits(items[j], text, &at) { j &+= 1 }
            if j == to { return at }
            // Failed at item `j`: so do the following entries that share it (see `shared`).
            let failed = Int32(truncatingIfNeeded: j) &- entry.from
            var previous = entry
            e &+= 1
            while e < last && previous.shared > failed {
                previous = entries[e]
                e &+= 1
            }
        }
        return -1
    }

    /// Whether `item` holds at `at`, moving `at` past the scalar it consumes.
    @inline(__always)
    private func fits(_ item: UInt32, _ text: UnsafeBufferPointer<UInt32>, _ at: inout Int) -> Bool {
        if item < Self.boundaryItem {
            guard at < text.count, text[at] == item else { return false }
            at &+= 1
        } else if item == Self.boundaryItem {
            let before = at > 0 && Self.isWord(text[at &- 1])
            let after = at < text.count && Self.isWord(text[at])
            guard before != after else { return false }
        } else {
            guard at < text.count else { return false }
            let v = text[at], s = Int(item & ~Self.setFlag)
            if v < 128 {
                let bits = setASCII[s]
                guard (v < 64 ? bits.0 >> UInt64(v) : bits.1 >> UInt64(v - 64)) & 1 != 0 else { return false }
            } else {
                guard containsBeyondASCII(s, v) else { return false }
            }
            at &+= 1
        }
        return true
    }

    /// Out of line, like ScalarSet's Unicode lookups, so `match` has no Unicode prologue.
    @inline(never)
    private func containsBeyondASCII(_ set: Int, _ v: UInt32) -> Bool {
        if v < 0x80 + Self.latinWords * 64 {
            let k = Int(v) - 0x80
            return beyondBits[set * Self.beyondWords + k >> 6] >> UInt64(k & 63) & 1 != 0
        }
        let k = Int(v) - Self.punctuationStart
        if k >= 0 && k < Self.punctuationWords * 64 {
            return beyondBits[set * Self.beyondWords + Self.latinWords + k >> 6] >> UInt64(k & 63) & 1 != 0
        }
        return sets[set].contains(v)
    }

    /// ScalarSet.isWord with its ASCII case inline.
    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        guard v < 128 else { return ScalarSet.isWord(v) }
        let lower = v | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }
}
