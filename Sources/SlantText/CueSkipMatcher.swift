/// Whether any of a few dozen cue phrases occurs in a paragraph, skipping over its ASCII
/// stretches instead of stepping an automaton through every code point.
///
/// Why: the classifier asks this of almost every paragraph, and the byte automaton
/// (`ByteAutomaton.containsMatch(inLowercasedUTF8Of:foldingNonASCII:)`) costs about nine
/// instructions a code point however rarely a cue is present. The cues are all at least
/// eight bytes long, so a Wu–Manber scan (Horspool's skip keyed on the last three code
/// points of an `m`-long window, `m` the shortest cue) looks at one triple every few code
/// points and jumps; only a triple that ends some cue's first `m` bytes stops it, and those
/// windows are checked by comparing the cues themselves. (Keyed on two code points it
/// stopped far too often: the cues' prefixes end in pairs such as "th", "re", "on", " a",
/// and the checks cost more than the automaton saved.)
///
/// The skip is only sound over ASCII, where a code point is one byte and folding is
/// lower-casing A–Z. Non-ASCII code points fold (no-break space to space, Kelvin sign to
/// "k", ...) and take several bytes. One whose folded bytes occur in no pattern (curly
/// quotes fold to ' and ", dashes, CJK, emoji) can be in no occurrence: it only ends a run
/// of ASCII. Around each cluster of the others the automaton runs as before, over a window
/// reaching one longest pattern either side. Every occurrence that holds a non-ASCII code
/// point lies in such a window, and every other one lies in a run of ASCII that the skip
/// covers, so the answer is the automaton's.
struct CueSkipMatcher: Sendable {
    let automaton: ByteAutomaton
    /// Window length: the shortest pattern's length in bytes (capped), or 0 when the skip is
    /// not used (a pattern shorter than three bytes).
    private let m: Int
    /// The longest pattern's length in bytes: no occurrence spans more code points.
    private let longest: Int
    /// Each ASCII value's part of a key of `shift`, by its place in the triple. A value's
    /// symbol, once lower-cased, is 1... for bytes in some pattern's first `m` bytes and 0
    /// for the rest, and takes `bits` bits (log2 of the symbol count rounded up); its part is
    /// `symbol << 2 bits` at 0..<128, `symbol << bits` at 128..<256, `symbol` at 256..<384
    /// (so the symbol itself is `keyPart[256 + value]`). Three loads and two ORs
    /// make a key, where shifting by the variable `bits` took two more instructions a step
    /// and moves into the shift-count register (the step is 17 instructions, done 114K times
    /// over the bench's scoring loop).
    private let keyPart: [UInt32]
    /// For a key with shift 0, bit `s` of `firstSymbols[candidateStart[key]]` is set when
    /// one of its candidates starts with a byte of symbol `s`. The keys that stop the scan
    /// end on common English triples ("in ", " of", "e t"), and the window's first code point
    /// rules most of them out without the call that compares whole patterns (77 instructions
    /// a call, 12,870 calls: 1.0M over the bench's scoring loop). All ones when there are
    /// more than 64 symbols.
    private let firstSymbols: [UInt64]
    /// `shift[a << 2 bits | b << bits | c]`: how far the window may move when its last three
    /// code points have symbols `a`, `b`, `c`; 0 when some pattern's first `m` bytes end so.
    private let shift: [UInt8]
    /// For a key with shift 0, `candidates[candidateStart[key] ..< candidateStart[key + 1]]`
    /// are the patterns to compare at the window's start.
    private let candidateStart: [Int32]
    private let candidates: [Int32]
    /// The patterns' bytes end to end, pattern `k` at `offset[k] ..< offset[k + 1]`.
    private let bytes: [UInt8]
    private let offset: [Int32]
    /// Whether each byte value occurs in some pattern.
    private let inPattern: [Bool]

    init(patterns: [[UInt8]]) {
        automaton = ByteAutomaton(patterns: patterns)
        let shortest = patterns.map(\.count).min() ?? 0
        longest = patterns.map(\.count).max() ?? 0
        m = shortest >= 3 ? min(shortest, 64) : 0
        bytes = patterns.flatMap { $0 }
        var offsets: [Int32] = [0]
        for p in patterns { offsets.append(offsets.last! + Int32(p.count)) }
        offset = offsets
        var used = [Bool](repeating: false, count: 256)
        for p in patterns { for b in p { used[Int(b)] = true } }
        inPattern = used

        // Symbols for the ASCII bytes that occur in the patterns' first m bytes.
        var sym = [UInt8](repeating: 0, count: 128)
        var count = 1
        for p in patterns where m > 0 {
            for b in p.prefix(m) where b < 0x80 && sym[Int(b)] == 0 { sym[Int(b)] = UInt8(count); count += 1 }
        }
        for v in 0x41...0x5A { sym[v] = sym[v | 0x20] }
        var b = 0
        while 1 << b < count { b += 1 }
        keyPart = (0..<384).map { k in UInt32(sym[k & 0x7F]) << (k < 128 ? 2 * b : k < 256 ? b : 0) }
        let size = 1 << (3 * b)
        // A window whose last three code points end no pattern's first m bytes anywhere may
        // move by m - 2: the next window then shares just two code points with it.
        var table = [UInt8](repeating: UInt8(max(m - 2, 0)), count: size)
        var lists = [[Int32]](repeating: [], count: size)
        for (k, p) in patterns.enumerated() where m > 0 {
            for q in 2..<m {
                let x = p[q - 2], y = p[q - 1], z = p[q]
                // A triple holding a byte past ASCII never meets an ASCII window.
                guard x < 0x80, y < 0x80, z < 0x80 else { continue }
                let key = Int(sym[Int(x)]) << (2 * b) | Int(sym[Int(y)]) << b | Int(sym[Int(z)])
                table[key] = min(table[key], UInt8(m - 1 - q))
                if q == m - 1 { lists[key].append(Int32(k)) }
            }
        }
        shift = table
        var starts: [Int32] = [0]
        var all: [Int32] = []
        var firsts: [UInt64] = []
        for l in lists {
            var mask: UInt64 = 0
            for k in l {
                let first = patterns[Int(k)][0]
                mask |= count <= 64 && first < 0x80 ? 1 << UInt64(sym[Int(first)]) : ~0
            }
            firsts += [UInt64](repeating: mask, count: l.count)
            all += l
            starts.append(Int32(all.count))
        }
        candidateStart = starts
        candidates = all
        firstSymbols = firsts
    }

    /// `automaton.containsMatch(inLowercasedUTF8Of: p, foldingNonASCII: fold)`, the same
    /// answer found with fewer steps.
    func containsMatch(inLowercasedUTF8Of p: UnsafeBufferPointer<Unicode.Scalar>,
                       foldingNonASCII fold: (Unicode.Scalar) -> Unicode.Scalar) -> Bool {
        guard m > 0, let src = p.baseAddress else {
            return automaton.containsMatch(inLowercasedUTF8Of: p, foldingNonASCII: fold)
        }
        let n = p.count
        // Non-ASCII code points closer than this share one automaton window.
        let gap = 3 * longest
        var i = 0
        var k = Self.firstNonASCII(src, from: 0, count: n)
        while true {
            // The ASCII run i..<k.
            if k - i >= m && skipScan(src, from: i, to: k) { return true }
            if k == n { return false }
            if isBarrier(fold(src[k]).value) {
                i = k + 1
                k = Self.firstNonASCII(src, from: i, count: n)
                continue
            }
            // A cluster of non-ASCII code points from k to e, and the window around it.
            var e = k
            var next = Self.firstNonASCII(src, from: e + 1, count: n)
            while next < n && next - e <= gap {
                e = next
                next = Self.firstNonASCII(src, from: e + 1, count: n)
            }
            let lo = max(0, k - longest + 1), hi = min(n, e + longest)
            if automaton.containsMatch(inLowercasedUTF8Of: UnsafeBufferPointer(rebasing: p[lo..<hi]), foldingNonASCII: fold) {
                return true
            }
            i = e + 1
            k = next
        }
    }

    /// Whether no byte of the UTF-8 of the folded code point `f` occurs in any pattern, so
    /// that no occurrence can hold it.
    private func isBarrier(_ f: UInt32) -> Bool {
        inPattern.withUnsafeBufferPointer { used in
            if f < 0x80 { return !used[Int(f)] }
            if f < 0x800 { return !used[Int(0xC0 | f >> 6)] && !used[Int(0x80 | f & 0x3F)] }
            if f < 0x10000 {
                return !used[Int(0xE0 | f >> 12)] && !used[Int(0x80 | f >> 6 & 0x3F)] && !used[Int(0x80 | f & 0x3F)]
            }
            return !used[Int(0xF0 | f >> 18)] && !used[Int(0x80 | f >> 12 & 0x3F)]
                && !used[Int(0x80 | f >> 6 & 0x3F)] && !used[Int(0x80 | f & 0x3F)]
        }
    }

    /// The index of the first code point at or after `start` past ASCII, or `count`; eight
    /// code points a step while all are ASCII.
    @inline(__always)
    private static func firstNonASCII(_ src: UnsafePointer<Unicode.Scalar>, from start: Int, count n: Int) -> Int {
        let raw = UnsafeRawPointer(src)
        let high: UInt64 = 0xFFFF_FF80_FFFF_FF80
        var k = start
        while k &+ 8 <= n {
            let w0 = raw.loadUnaligned(fromByteOffset: k &* 4, as: UInt64.self)
            let w1 = raw.loadUnaligned(fromByteOffset: k &* 4 &+ 8, as: UInt64.self)
            let w2 = raw.loadUnaligned(fromByteOffset: k &* 4 &+ 16, as: UInt64.self)
            let w3 = raw.loadUnaligned(fromByteOffset: k &* 4 &+ 24, as: UInt64.self)
            if (w0 | w1 | w2 | w3) & high != 0 { break }
            k &+= 8
        }
        while k < n && src[k].value < 0x80 { k &+= 1 }
        return k
    }

    /// Whether a pattern occurs within the all-ASCII code points `lo..<hi` (at least `m` of them).
    private func skipScan(_ src: UnsafePointer<Unicode.Scalar>, from lo: Int, to hi: Int) -> Bool {
        keyPart.withUnsafeBufferPointer { part in
            shift.withUnsafeBufferPointer { sh in
                candidateStart.withUnsafeBufferPointer { cs in
                    firstSymbols.withUnsafeBufferPointer { firsts in
                        let m = self.m
                        var pos = lo &+ m &- 1
                        while pos < hi {
                            let key = Int(part[Int(src[pos &- 2].value)] | part[128 &+ Int(src[pos &- 1].value)]
                                | part[256 &+ Int(src[pos].value)])
                            let s = Int(sh[key])
                            if s != 0 { pos &+= s; continue }
                            let start = pos &- m &+ 1
                            let first = UInt64(part[256 &+ Int(src[start].value)])
                            if (firsts[Int(cs[key])] >> first) & 1 != 0, verify(src, at: start, end: hi, key: key) { return true }
                            pos &+= 1
                        }
                        return false
                    }
                }
            }
        }
    }

    /// Whether one of the key's candidate patterns starts at `start` and ends by `end`.
    @inline(never)
    private func verify(_ src: UnsafePointer<Unicode.Scalar>, at start: Int, end: Int, key: Int) -> Bool {
        candidates.withUnsafeBufferPointer { cand in
            offset.withUnsafeBufferPointer { off in
                bytes.withUnsafeBufferPointer { pool in
                    candidateStart.withUnsafeBufferPointer { cs in
                        var c = Int(cs[key])
                        let last = Int(cs[key &+ 1])
                        while c < last {
                            let k = Int(cand[c])
                            c &+= 1
                            let from = Int(off[k]), length = Int(off[k &+ 1]) &- from
                            if start &+ length > end { continue }
                            var j = 0
                            while j < length {
                                let v = src[start &+ j].value
                                let lower = v &- 0x41 < 26 ? v | 0x20 : v
                                if lower != UInt32(pool[from &+ j]) { break }
                                j &+= 1
                            }
                            if j == length { return true }
                        }
                        return false
                    }
                }
            }
        }
    }
}
