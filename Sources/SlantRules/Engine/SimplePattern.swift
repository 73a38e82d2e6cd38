import Foundation
import SlantText

/// A rubric pattern that uses only the plain core of the regular-expression syntax,
/// matched directly over an article's folded code points.
///
/// Why: on Linux every `NSRegularExpression` call bridges the whole article to UTF-16,
/// and with a handful of patterns per rubric that bridging was half of all scoring time.
/// Most rubric patterns are short alternations of words with `\b`, `?` and small
/// classes, which a backtracking matcher over the folded scalars runs in microseconds.
/// A pattern that uses anything else (look-around, anchors, lazy or possessive
/// quantifiers, back-references, Unicode properties, inline flags) returns nil from
/// `init` and keeps running in `NSRegularExpression`. The semantics follow ICU's for
/// the supported subset — leftmost match, alternatives tried in order, greedy
/// quantifiers, case-insensitive, non-overlapping — and a test compares the two
/// matchers on every pattern of the bundled rubric.
struct SimplePattern: Sendable {
    fileprivate indirect enum Node: Sendable {
        case scalar(UInt32)
        case set(ScalarSet)
        case wordBoundary
        case sequence([Node])
        case alternation([Node])
        case loop(Node, min: Int, max: Int?)
    }

    /// One instruction of the backtracking machine the pattern compiles to.
    struct Instruction: Sendable {
        enum Op: UInt8, Sendable { case scalar, set, boundary, split, jump, match }
        var op: Op
        /// The scalar, the set index, or the preferred branch of a split / jump target.
        var a: Int
        /// The other branch of a split.
        var b: Int = 0
    }

    private let program: [Instruction]
    private let sets: [ScalarSet]
    /// ASCII scalars a match can start with, and whether a non-ASCII one may; nil when any may.
    private let firstASCII: (UInt64, UInt64)?
    private let firstNonASCII: Bool
    /// The pattern opens with `\b`, so only word edges need a try.
    fileprivate let startsAtBoundary: Bool
    /// The program unrolled into straight-line paths when it has no loop and few enough
    /// steps (PatternPaths): PatternSet then matches without the machine.
    let paths: PatternPaths?

    init?(_ source: String) {
        var parser = Parser(scalars: Array(source.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.atEnd else { return nil }
        var compiler = Compiler()
        guard compiler.emit(node) else { return nil }
        compiler.program.append(Instruction(op: .match, a: 0))
        program = compiler.program
        startsAtBoundary = program.first?.op == .boundary
        sets = compiler.sets
        let (first, nullable) = Self.firstSet(node)
        if nullable || first.negated || first.digits || first.spaces || first.words {
            // Classes like \d start with scalars of every script: only the ASCII part is a
            // bitmap, the rest is checked when reached.
            if nullable || first.negated {
                firstASCII = nil
            } else {
                var ascii = first.asciiBits
                for v: UInt32 in 0..<128 where first.contains(v) {
                    if v < 64 { ascii.0 |= 1 << UInt64(v) } else { ascii.1 |= 1 << UInt64(v - 64) }
                }
                firstASCII = ascii
            }
        } else {
            firstASCII = first.asciiBits
        }
        firstNonASCII = nullable || first.mayContainNonASCII
        paths = PatternPaths(program: program, sets: sets, skipFirst: startsAtBoundary)
    }

    /// Non-overlapping matches over the folded scalars, as code-point spans.
    func matches(in text: [UInt32]) -> [TextSpan] { PatternSet([self]).matches(in: text)[0] }

    /// Whether a match may start at `i` (the scalar there is `c`), judged by the first
    /// scalar and the opening `\b` alone.
    @inline(__always)
    fileprivate func mayStart(_ c: UInt32, at i: Int, _ text: UnsafeBufferPointer<UInt32>) -> Bool {
        if let (lo, hi) = firstASCII {
            if c < 64 { if lo & (1 << UInt64(c)) == 0 { return false } }
            else if c < 128 { if hi & (1 << UInt64(c - 64)) == 0 { return false } }
            else if !firstNonASCII { return false }
        }
        if startsAtBoundary && (i > 0 && ScalarSet.isWord(text[i - 1])) == ScalarSet.isWord(c) { return false }
        return true
    }

    /// Backtracking is bounded per start position: the rubric loader refuses patterns
    /// that risk catastrophic backtracking, and this cap keeps any that slip through
    /// from hanging a scoring run (the position then simply does not match).
    private static let stepLimit = 100_000

    /// Depth-first over the program, preferred branch first: the first path to reach
    /// `match` is the match ICU would report. Returns the end, or -1.
    fileprivate func run(_ text: UnsafeBufferPointer<UInt32>, from start: Int, stack: inout [(pc: Int, at: Int)], budget: inout Int) -> Int {
        program.withUnsafeBufferPointer { program in
            sets.withUnsafeBufferPointer { sets in run(program, sets, text, from: start, stack: &stack, budget: &budget) }
        }
    }

    private func run(_ program: UnsafeBufferPointer<Instruction>, _ sets: UnsafeBufferPointer<ScalarSet>, _ text: UnsafeBufferPointer<UInt32>, from start: Int, stack: inout [(pc: Int, at: Int)], budget: inout Int) -> Int {
        stack.removeAll(keepingCapacity: true)
        stack.append((0, start))
        // `budget` is what is left of the article's (PatternBudget): each run draws on it.
        let allowed = min(Self.stepLimit, budget)
        var steps = allowed
        defer { budget -= allowed - steps }
        while let (startPC, startAt) = stack.popLast() {
            var pc = startPC, at = startAt
            thread: while true {
                steps -= 1
                if steps < 0 { return -1 }
                let inst = program[pc]
                switch inst.op {
                case .scalar:
                    guard at < text.count, text[at] == UInt32(truncatingIfNeeded: inst.a) else { break thread }
                    at += 1; pc += 1
                case .set:
                    guard at < text.count, sets[inst.a].contains(text[at]) else { break thread }
                    at += 1; pc += 1
                case .boundary:
                    let before = at > 0 && ScalarSet.isWord(text[at - 1])
                    let after = at < text.count && ScalarSet.isWord(text[at])
                    guard before != after else { break thread }
                    pc += 1
                case .split:
                    stack.append((inst.b, at))
                    pc = inst.a
                case .jump:
                    pc = inst.a
                case .match:
                    return at
                }
            }
        }
        return -1
    }

    /// The scalars a node can begin with, and whether it can match the empty string.
    private static func firstSet(_ node: Node) -> (ScalarSet, nullable: Bool) {
        switch node {
        case .scalar(let s):
            var set = ScalarSet()
            set.insert(s)
            return (set, false)
        case .set(let set): return (set, false)
        case .wordBoundary: return (ScalarSet(), true)
        case .sequence(let nodes):
            var acc = ScalarSet()
            for n in nodes {
                let (s, nullable) = firstSet(n)
                acc.formUnion(s)
                if !nullable { return (acc, false) }
            }
            return (acc, true)
        case .alternation(let options):
            var acc = ScalarSet(), nullable = false
            for o in options {
                let (s, n) = firstSet(o)
                acc.formUnion(s)
                nullable = nullable || n
            }
            return (acc, nullable)
        case .loop(let inner, let min, _):
            let (s, n) = firstSet(inner)
            return (s, n || min == 0)
        }
    }

    fileprivate func mayStartWith(_ c: UInt32) -> Bool {
        guard let (lo, hi) = firstASCII else { return true }
        return c < 64 ? lo & (1 << UInt64(c)) != 0 : hi & (1 << UInt64(c - 64)) != 0
    }

    fileprivate var mayStartWithNonASCII: Bool { firstASCII == nil || firstNonASCII }

    fileprivate static func isNullable(_ node: Node) -> Bool { firstSet(node).nullable }
}

/// Several patterns run in one pass over an article: at each position only the
/// patterns whose first scalar fits are tried, and each keeps its own
/// non-overlapping cursor, so the result is what separate passes would give.
struct PatternSet: Sendable {
    let patterns: [SimplePattern]
    /// For each group of 64 patterns, the patterns that may start at a position: a bit
    /// for each, looked up by what the scalar there is (its slot: an ASCII scalar is its
    /// own slot, every other scalar is slot 128) and by what the scalar before it is.
    /// A group's part is `tableStride` long:
    /// - `[slot]`: the scalar before is an ASCII non-word scalar, or there is none;
    /// - `[129 + slot]`: it is an ASCII word scalar;
    /// - `[258 + slot]`: it is beyond ASCII, word or not (both of the above, sorted out
    ///   when a bit is set);
    /// - `[387 + slot]`: not a bit set but the part (0, 129 or 258) that the next
    ///   position reads, by what this scalar is;
    /// - `[516 + 129 * slot + next]`: of the patterns that may start on `slot`, those that
    ///   may match when the scalar after it is in slot `next` (PathTable.mayFollow; a
    ///   pattern the machine runs always may).
    ///
    /// Why: a pattern that opens with `\b` can only start where the scalar before differs
    /// from this one in being a word scalar, and for ASCII scalars that is known when the
    /// table is built. So positions inside words, the most common, find no bit set, and
    /// the scan carries the part to read from one position to the next instead of
    /// testing the scalar before. The slot-128 entries hold the patterns that may start
    /// with a non-ASCII scalar, their opening `\b` is checked when reached. For a
    /// pattern unrolled into paths (PatternPaths) a bit is only set when some path starts
    /// with the scalar.
    private let table: [UInt64]
    private static let tableStride = 4 * 129 + 129 * 129
    private static let followPart = 4 * 129
    /// For each group of 64 patterns, a bit for each pattern unrolled into `paths`.
    private let unrolled: [UInt64]
    /// For each group of 64 patterns, whether none of them may start on a lower-case ASCII
    /// letter or a space right after a word scalar (`table[129 + c]` is zero for those), so
    /// the scan may run through the rest of a word and the space after it without reading
    /// the table.
    let skipsWords: [Bool]
    private let paths: PathTable

    init(_ patterns: [SimplePattern]) {
        self.patterns = patterns
        paths = PathTable(patterns.map(\.paths))
        let groups = (patterns.count + 63) / 64
        var table = [UInt64](repeating: 0, count: groups * Self.tableStride)
        var unrolled = [UInt64](repeating: 0, count: groups)
        for (k, p) in patterns.enumerated() {
            let bit: UInt64 = 1 << UInt64(k % 64), base = k / 64 * Self.tableStride
            if p.paths != nil { unrolled[k / 64] |= bit }
            for c: UInt32 in 0..<128 where p.mayStartWith(c) && (p.paths == nil || paths.mayStart(k, withASCII: c)) {
                let word = ScalarSet.isWord(c)
                // After a non-word scalar a `\b` needs a word scalar here, after a word scalar a non-word one.
                if !p.startsAtBoundary || word { table[base + Int(c)] |= bit }
                if !p.startsAtBoundary || !word { table[base + 129 + Int(c)] |= bit }
                table[base + 258 + Int(c)] |= bit
            }
            if p.mayStartWithNonASCII {
                for part in [0, 129, 258] { table[base + part + 128] |= bit }
            }
        }
        for k in patterns.indices {
            let bit: UInt64 = 1 << UInt64(k % 64), base = k / 64 * Self.tableStride + Self.followPart
            for slot in 0...128 {
                for next in 0...128 where patterns[k].paths == nil || paths.mayFollow(k, slot: slot, next: next) {
                    table[base + 129 * slot + next] |= bit
                }
            }
        }
        for group in 0..<groups {
            for c: UInt32 in 0..<128 { table[group * Self.tableStride + 387 + Int(c)] = ScalarSet.isWord(c) ? 129 : 0 }
            table[group * Self.tableStride + 387 + 128] = 258
        }
        self.table = table
        self.unrolled = unrolled
        skipsWords = (0..<groups).map { group in
            (Array(0x61...0x7A) + [0x20]).allSatisfy { table[group * Self.tableStride + 129 + $0] == 0 }
        }
    }

    func matches(in text: [UInt32]) -> [[TextSpan]] {
        var exhausted: [Bool] = []
        return matches(in: text, exhausted: &exhausted)
    }

    /// The matches, and for each pattern whether its step budget (PatternBudget) ran out.
    /// Patterns with paths (PatternPaths) never run out and are matched without the
    /// machine; the others run in it exactly as `referenceMatches` does.
    func matches(in text: [UInt32], exhausted: inout [Bool]) -> [[TextSpan]] {
        // The code points a byte each, as `FoldedText.scalarBytes` has them.
        var bytes = text.map { $0 < 0x80 ? UInt8(truncatingIfNeeded: $0) : 0x80 }
        bytes += repeatElement(0x80, count: FoldedText.scalarBytesPadding)
        return matches(in: text, bytes: bytes, exhausted: &exhausted)
    }

    /// `matches(in:exhausted:)` of a folded text, scanned by its `scalarBytes`.
    func matches(in folded: FoldedText, exhausted: inout [Bool]) -> [[TextSpan]] {
        matches(in: folded.scalars, bytes: folded.scalarBytes, exhausted: &exhausted)
    }

    /// `bytes` is `text` a byte each, padded, as `FoldedText.scalarBytes`.
    private func matches(in text: [UInt32], bytes: [UInt8], exhausted: inout [Bool]) -> [[TextSpan]] {
        precondition(bytes.count == text.count + FoldedText.scalarBytesPadding)
        var results = [[TextSpan]](filled: [], count: patterns.count)
        var budget = [Int](filled: PatternBudget.steps(forLength: text.count), count: patterns.count)
        defer { exhausted = budget.map { $0 <= 0 } }
        guard !patterns.isEmpty else { return results }
        var resume = [Int](filled: 0, count: patterns.count)
        var stack: [(pc: Int, at: Int)] = []
        results.withUnsafeMutableBufferPointer { results in
            budget.withUnsafeMutableBufferPointer { budget in
                resume.withUnsafeMutableBufferPointer { resume in
                    text.withUnsafeBufferPointer { text in
                      bytes.withUnsafeBufferPointer { bytes in
                        table.withUnsafeBufferPointer { table in
                            let scan = Scan(text: text, bytes: bytes.baseAddress!, results: results, resume: resume, budget: budget)
                            for group in 0..<unrolled.count {
                                let part = table.baseAddress! + group * Self.tableStride
                                if skipsWords[group] {
                                    self.scan(group, part, skippingWords: true, scan, stack: &stack)
                                } else {
                                    self.scan(group, part, skippingWords: false, scan, stack: &stack)
                                }
                            }
                        }
                      }
                    }
                }
            }
        }
        return results
    }

    /// One scan's text and what it has found so far: each pattern's matches, where its
    /// next match may start (matches do not overlap), and what is left of its step
    /// budget. Held through pointers: arrays in an `inout` struct had their uniqueness
    /// checked at every position tried.
    private struct Scan {
        let text: UnsafeBufferPointer<UInt32>
        /// `text` a byte each, padded (`FoldedText.scalarBytes`).
        let bytes: UnsafePointer<UInt8>
        let results: UnsafeMutableBufferPointer<[TextSpan]>
        let resume: UnsafeMutableBufferPointer<Int>
        let budget: UnsafeMutableBufferPointer<Int>
    }

    /// One pass over the text for one group of 64 patterns (`table` is its part of `table`).
    /// `skippingWords` only when the group's `skipsWords` allows it; a constant at each call,
    /// so that each loop keeps its values in registers.
    @inline(__always)
    private func scan(_ group: Int, _ table: UnsafePointer<UInt64>, skippingWords: Bool, _ scan: Scan, stack: inout [(pc: Int, at: Int)]) {
        let text = scan.text
        // Most positions start no pattern: for them this loop is a handful of loads and
        // compares, and leaves the rest to `tryPatterns`.
        // Wrapping arithmetic and no copy of the part read: the overflow checks and the
        // extra register moves were 5 of the loop's 16 instructions per code point.
        // The code points are read a byte each (`Scan.bytes`), which is their table slot.
        guard let scalars = text.baseAddress else { return }
        let bytes = scan.bytes
        let count = text.count
        var part = 0, i = 0
        while i < count {
            let slot = Int(bytes[i])
            var candidates = table[part &+ slot]
            if candidates != 0 {
                if part == 258 {
                    tryCandidates(group: group, table, at: i, scalars[i], slot, scan, stack: &stack)
                } else {
                    // Most starts tried fail at the scalar after (PathTable.mayMatch): ruling them
                    // out here, for the whole group at once, spares the call (tryPatterns 9.8M →
                    // 4.3M callgrind instructions on the bench). At the end of the text every
                    // pattern may.
                    let next = i &+ 1
                    if next < count { candidates &= table[Self.followPart &+ 129 &* slot &+ Int(bytes[next])] }
                    if candidates != 0 { tryPatterns(candidates, group: group, at: i, scalars[i], scan, stack: &stack) }
                }
            }
            part = Int(truncatingIfNeeded: table[387 &+ slot])
            i &+= 1
            // Why: after a word scalar, the letters that follow and a space after them start
            // nothing here (`skipsWords`), the letters leave the part at 129 and the space
            // sets it to 0. Three quarters of news text's code points are such, and the loop
            // above took 16 instructions for each (the skip takes about one a letter).
            if skippingWords && part == 129 {
                i = Self.endOfLetters(bytes, from: i)
                // (No test of the end: the byte there is padding, 0x80.)
                if bytes[i] == 0x20 {
                    i &+= 1
                    part = 0
                }
            }
        }
    }

    /// The index of the first byte at or after `start` that is not a lower-case ASCII
    /// letter, in code-point bytes (`FoldedText.scalarBytes`), whose padding stops the search.
    ///
    /// Eight at a time, each byte's top bit telling whether it is a letter (every byte is at
    /// most 0x80, so no sum carries into the next): about one instruction a letter, where
    /// the four-at-a-time loop over the 32-bit code points took four.
    @inline(__always)
    static func endOfLetters(_ bytes: UnsafePointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, top = ones &* 0x80
        var i = start
        while true {
            let w = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            let atLeastA = w &+ ones &* (0x80 - 0x61) // top bit set where the byte is >= "a"
            let pastZ = w &+ ones &* (0x80 - 0x7B) // top bit set where the byte is > "z"
            let other = (~atLeastA | pastZ) & top
            if other != 0 { return i &+ other.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
    }

    /// `scan` at position `i` when the part read was 258, the scalar before being beyond
    /// ASCII: the candidates then depend on whether it is a word scalar.
    @inline(never)
    private func tryCandidates(group: Int, _ table: UnsafePointer<UInt64>, at i: Int, _ c: UInt32, _ slot: Int, _ scan: Scan, stack: inout [(pc: Int, at: Int)]) {
        var candidates = ScalarSet.isWord(scan.text[i - 1]) ? table[129 + slot] : table[slot]
        let next = i &+ 1
        if next < scan.text.count { candidates &= table[Self.followPart &+ 129 &* slot &+ Int(min(scan.text[next], 128))] }
        if candidates != 0 { tryPatterns(candidates, group: group, at: i, c, scan, stack: &stack) }
    }

    /// Tries the `candidates` of `group` at position `i` (scalar `c`). Kept out of line so
    /// the scan's loop keeps its few values in registers.
    @inline(never)
    private func tryPatterns(_ candidates: UInt64, group: Int, at i: Int, _ c: UInt32, _ scan: Scan, stack: inout [(pc: Int, at: Int)]) {
        var candidates = candidates
        let unrolled = unrolled[group]
        while candidates != 0 {
            let bit = candidates & (0 &- candidates)
            let k = group * 64 + candidates.trailingZeroBitCount
            candidates &= candidates - 1
            guard scan.resume[k] <= i else { continue }
            let end: Int
            if unrolled & bit != 0 {
                guard c < 128 || patterns[k].mayStart(c, at: i, scan.text) else { continue }
                end = paths.match(k, scan.text, at: i, c)
            } else {
                guard scan.budget[k] > 0, c < 128 || patterns[k].mayStart(c, at: i, scan.text) else { continue }
                end = patterns[k].run(scan.text, from: i, stack: &stack, budget: &scan.budget[k])
            }
            if end > i {
                // Room for several at the first: grown from one match at a time, the lists'
                // reallocations were 0.35M instructions on the bench.
                if scan.results[k].isEmpty { scan.results[k].reserveCapacity(8) }
                scan.results[k].append(TextSpan(start: i, end: end))
                scan.resume[k] = end
            }
        }
    }

    /// What `matches(in:exhausted:)` must equal, kept as the specification its fast paths
    /// are tested against (PatternPathsTests): each pattern on its own, the machine tried
    /// at every position its first scalar and opening `\b` allow.
    func referenceMatches(in text: [UInt32], exhausted: inout [Bool]) -> [[TextSpan]] {
        var results = [[TextSpan]](filled: [], count: patterns.count)
        var budget = [Int](filled: PatternBudget.steps(forLength: text.count), count: patterns.count)
        defer { exhausted = budget.map { $0 <= 0 } }
        var stack: [(pc: Int, at: Int)] = []
        text.withUnsafeBufferPointer { text in
            for (k, pattern) in patterns.enumerated() {
                var resume = 0
                for i in 0..<text.count where resume <= i && budget[k] > 0 && pattern.mayStart(text[i], at: i, text) {
                    let end = pattern.run(text, from: i, stack: &stack, budget: &budget[k])
                    if end > i {
                        results[k].append(TextSpan(start: i, end: end))
                        resume = end
                    }
                }
            }
        }
        return results
    }
}

/// Turns the parsed pattern into instructions; false for what the machine cannot
/// express faithfully (a repeated part that can match nothing, huge counted repeats).
private struct Compiler {
    var program: [SimplePattern.Instruction] = []
    var sets: [ScalarSet] = []
    static let maxProgram = 4_000

    mutating func emit(_ node: SimplePattern.Node) -> Bool {
        guard program.count < Self.maxProgram else { return false }
        switch node {
        case .scalar(let s):
            program.append(.init(op: .scalar, a: Int(s)))
        case .set(let set):
            sets.append(set)
            program.append(.init(op: .set, a: sets.count - 1))
        case .wordBoundary:
            program.append(.init(op: .boundary, a: 0))
        case .sequence(let nodes):
            for n in nodes where !emit(n) { return false }
        case .alternation(let options):
            var jumps: [Int] = []
            for (k, option) in options.enumerated() {
                if k < options.count - 1 {
                    let split = program.count
                    program.append(.init(op: .split, a: split + 1, b: 0))
                    guard emit(option) else { return false }
                    jumps.append(program.count)
                    program.append(.init(op: .jump, a: 0))
                    program[split].b = program.count
                } else {
                    guard emit(option) else { return false }
                }
            }
            for j in jumps { program[j].a = program.count }
        case .loop(let inner, let min, let max):
            if SimplePattern.isNullable(inner) { return false }
            for _ in 0..<min where !emit(inner) { return false }
            if let max {
                // Optional copies, each nested in the previous one: x{0,2} = (x(x)?)?
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.init(op: .split, a: program.count + 1, b: 0))
                    guard emit(inner) else { return false }
                }
                for s in splits { program[s].b = program.count }
            } else {
                let loop = program.count
                program.append(.init(op: .split, a: loop + 1, b: 0))
                guard emit(inner) else { return false }
                program.append(.init(op: .jump, a: loop))
                program[loop].b = program.count
            }
        }
        return true
    }
}

/// A set of code points: a bitmap for ASCII, ranges and Unicode classes beyond it.
struct ScalarSet: Sendable {
    private var low: (UInt64, UInt64) = (0, 0)
    private var ranges: [ClosedRange<UInt32>] = []
    var digits = false, spaces = false, words = false
    var negated = false

    mutating func insert(_ s: UInt32) {
        if s < 64 { low.0 |= 1 << UInt64(s) } else if s < 128 { low.1 |= 1 << UInt64(s - 64) } else { ranges.append(s...s) }
    }

    mutating func insert(_ r: ClosedRange<UInt32>) {
        // The bound first: a range wholly beyond ASCII (`[°-±]`) made `lowerBound...127` trap.
        if r.lowerBound < 128 { for s in r.lowerBound...min(r.upperBound, 127) { insert(s) } }
        if r.upperBound >= 128 { ranges.append(max(128, r.lowerBound)...r.upperBound) }
    }

    mutating func formUnion(_ other: ScalarSet) {
        if other.negated || negated {
            // A prefilter only needs to be generous: a negated class may start anywhere.
            self = ScalarSet.everything
            return
        }
        low.0 |= other.low.0
        low.1 |= other.low.1
        ranges += other.ranges
        digits = digits || other.digits
        spaces = spaces || other.spaces
        words = words || other.words
    }

    var asciiBits: (UInt64, UInt64) { low }
    var mayContainNonASCII: Bool { negated || !ranges.isEmpty || digits || spaces || words }

    static var everything: ScalarSet {
        var s = ScalarSet()
        s.negated = true
        return s
    }

    func contains(_ s: UInt32) -> Bool { containsPositive(s) != negated }

    private func containsPositive(_ s: UInt32) -> Bool {
        if s < 64 { if low.0 & (1 << UInt64(s)) != 0 { return true } } else if s < 128 { if low.1 & (1 << UInt64(s - 64)) != 0 { return true } } else {
            for r in ranges where r.contains(s) { return true }
        }
        if digits && Self.isDigit(s) { return true }
        if spaces && Self.isSpace(s) { return true }
        if words && Self.isWord(s) { return true }
        return false
    }

    // The Unicode property lookups below are kept out of line (`@inline(never)`): inlined,
    // their resilient types gave every caller a prologue of metadata calls and stack
    // allocations, paid at each position tried even when the scalar was ASCII.

    /// ICU's `\d`: decimal digits of any script.
    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 0x30 && v <= 0x39 }
        return isDigitBeyondASCII(v)
    }

    @inline(never)
    private static func isDigitBeyondASCII(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    /// ICU's `\s`: tab, line feed, form feed, carriage return and Unicode separators.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 128 { return v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0C || v == 0x0D }
        return isSpaceBeyondASCII(v)
    }

    @inline(never)
    private static func isSpaceBeyondASCII(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// ICU's `\w` (and so its `\b`): letters, marks, decimal digits, connector punctuation, ZWJ/ZWNJ.
    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        if v < 128 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        return isWordBeyondASCII(v)
    }

    @inline(never)
    private static func isWordBeyondASCII(_ v: UInt32) -> Bool {
        if v == 0x200C || v == 0x200D { return true }
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}

/// Recursive-descent parser for the supported subset; nil on anything outside it.
private struct Parser {
    let scalars: [Unicode.Scalar]
    var i = 0

    var atEnd: Bool { i == scalars.count }

    mutating func parseAlternation() -> SimplePattern.Node? {
        var options: [SimplePattern.Node] = []
        guard let first = parseSequence() else { return nil }
        options.append(first)
        while i < scalars.count && scalars[i] == "|" {
            i += 1
            guard let next = parseSequence() else { return nil }
            options.append(next)
        }
        return options.count == 1 ? options[0] : .alternation(options)
    }

    mutating func parseSequence() -> SimplePattern.Node? {
        var nodes: [SimplePattern.Node] = []
        while i < scalars.count && scalars[i] != "|" && scalars[i] != ")" {
            guard let atom = parseAtom(), let quantified = parseQuantifier(atom) else { return nil }
            nodes.append(quantified)
        }
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    mutating func parseQuantifier(_ atom: SimplePattern.Node) -> SimplePattern.Node? {
        guard i < scalars.count else { return atom }
        var min = 0, max: Int? = nil
        switch scalars[i] {
        case "?": max = 1; i += 1
        case "*": i += 1
        case "+": min = 1; i += 1
        case "{":
            guard let (lo, hi) = parseBraces() else { return nil }
            min = lo; max = hi
        default: return atom
        }
        // Lazy and possessive quantifiers change which match is found: leave them to ICU.
        if i < scalars.count && (scalars[i] == "?" || scalars[i] == "+") { return nil }
        if case .wordBoundary = atom { return nil }
        return .loop(atom, min: min, max: max)
    }

    mutating func parseBraces() -> (Int, Int?)? {
        i += 1
        func number(_ p: inout Parser) -> Int? {
            var digits = ""
            while p.i < p.scalars.count, let _ = Int(String(p.scalars[p.i])) { digits.unicodeScalars.append(p.scalars[p.i]); p.i += 1 }
            return Int(digits)
        }
        guard let lo = number(&self) else { return nil }
        var hi: Int? = lo
        if i < scalars.count && scalars[i] == "," {
            i += 1
            hi = number(&self)
        }
        guard i < scalars.count && scalars[i] == "}" else { return nil }
        i += 1
        if let hi, hi < lo { return nil }
        return (lo, hi)
    }

    mutating func parseAtom() -> SimplePattern.Node? {
        let c = scalars[i]
        switch c {
        case "(":
            i += 1
            if i < scalars.count && scalars[i] == "?" {
                // Only the non-capturing group; look-around and inline flags go to ICU.
                guard i + 1 < scalars.count && scalars[i + 1] == ":" else { return nil }
                i += 2
            }
            guard let inner = parseAlternation(), i < scalars.count, scalars[i] == ")" else { return nil }
            i += 1
            return inner
        case "[":
            return parseClass().map { .set($0) }
        case "\\":
            i += 1
            guard i < scalars.count else { return nil }
            let e = scalars[i]
            i += 1
            switch e {
            case "b": return .wordBoundary
            case "s", "d", "w", "S", "D", "W": return .set(Self.classEscape(e))
            case "n": return .scalar(0x0A)
            case "t": return .scalar(0x09)
            default:
                // Escaped punctuation stands for itself; escaped letters and digits are
                // classes, back-references or properties this matcher does not know.
                return e.properties.isAlphabetic || e.properties.numericType != nil ? nil : literal(e)
            }
        case ".":
            i += 1
            var set = ScalarSet()
            for s: UInt32 in [0x0A, 0x0D, 0x85, 0x2028, 0x2029] { set.insert(s) }
            set.negated = true
            return .set(set)
        case "^", "$", ")", "|", "?", "*", "+", "{", "}", "]":
            return nil
        default:
            i += 1
            return literal(c)
        }
    }

    /// A literal, case-insensitively: the folded text is lower case, so upper-case ASCII
    /// letters in the pattern are lowered; other cased letters are left to ICU.
    func literal(_ c: Unicode.Scalar) -> SimplePattern.Node? {
        if c.value >= 0x41 && c.value <= 0x5A { return .scalar(c.value + 0x20) }
        if c.value >= 0x80 && c.properties.changesWhenCaseMapped { return nil }
        return .scalar(c.value)
    }

    static func classEscape(_ e: Unicode.Scalar) -> ScalarSet {
        var set = ScalarSet()
        switch e {
        case "s", "S": set.spaces = true
        case "d", "D": set.digits = true
        default: set.words = true
        }
        set.negated = e.properties.isUppercase
        return set
    }

    mutating func parseClass() -> ScalarSet? {
        i += 1
        var set = ScalarSet()
        if i < scalars.count && scalars[i] == "^" { set.negated = true; i += 1 }
        var firstItem = true
        while i < scalars.count {
            var c = scalars[i]
            if c == "]" && !firstItem { i += 1; return set }
            firstItem = false
            // Nested classes and set operations are ICU's business.
            if c == "[" || (c == "&" && i + 1 < scalars.count && scalars[i + 1] == "&") { return nil }
            i += 1
            if c == "\\" {
                guard i < scalars.count else { return nil }
                let e = scalars[i]
                i += 1
                switch e {
                case "s", "d", "w":
                    let sub = Self.classEscape(e)
                    set.digits = set.digits || sub.digits
                    set.spaces = set.spaces || sub.spaces
                    set.words = set.words || sub.words
                    continue
                case "n": c = "\n"
                case "t": c = "\t"
                default:
                    if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
                    c = e
                }
            }
            if c.value >= 0x80 && c.properties.changesWhenCaseMapped { return nil }
            // A range a-z.
            if i + 1 < scalars.count && scalars[i] == "-" && scalars[i + 1] != "]" {
                let hi = scalars[i + 1]
                guard hi != "\\", hi != "[", hi.value >= c.value else { return nil }
                if hi.value >= 0x80 && hi.properties.changesWhenCaseMapped { return nil }
                i += 2
                set.insert(c.value...hi.value)
                Self.addLowerCase(of: c.value...hi.value, to: &set)
                continue
            }
            set.insert(c.value)
            Self.addLowerCase(of: c.value...c.value, to: &set)
        }
        return nil
    }

    /// Case-insensitive classes: [A-Z] also matches the folded (lower-case) text.
    static func addLowerCase(of r: ClosedRange<UInt32>, to set: inout ScalarSet) {
        let lo = max(r.lowerBound, 0x41), hi = min(r.upperBound, 0x5A)
        if lo <= hi { set.insert((lo + 0x20)...(hi + 0x20)) }
    }
}
