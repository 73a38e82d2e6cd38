/// An Aho–Corasick automaton over UTF-8 bytes: finds every occurrence of many patterns
/// in one pass, whatever their number.
///
/// Lexicons hold hundreds of terms; one regular-expression alternation of them runs at
/// about 1.5 MB/s, this at hundreds of MB/s (see DESIGN.md). Bytes that occur in no
/// pattern share one input class, which keeps the transition table small.
public struct ByteAutomaton: Sendable {
    /// Input class of each byte value; 0 for bytes that occur in no pattern.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// Full transition table: `delta[state * classCount + class]` holds the next state's
    /// row start (`next * classCount`) times two, plus one when a pattern ends there or
    /// along its failure chain. The scan then reads one table per byte, with no multiply,
    /// instead of three (the output and failure-chain arrays were cache misses of their own).
    private let delta: [Int32]
    /// Pattern ending exactly at a state, or -1.
    private let output: [Int32]
    /// Next state along the failure chain that has an output, or -1.
    private let dictionaryLink: [Int32]
    /// Length in bytes of each pattern.
    public let patternLengths: [Int]

    public init(patterns: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for p in patterns { for b in p where classes[Int(b)] == 0 { classes[Int(b)] = next; next += next == 255 ? 0 : 1 } }
        byteClass = classes
        let c = Int(next)
        classCount = c
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
        let states = out.count
        // Failure links by breadth-first search, completing goto into a full DFA.
        var fail = [Int32](repeating: 0, count: states)
        var dict = [Int32](repeating: -1, count: states)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for k in 0..<c {
            if goto[k] < 0 { goto[k] = 0 } else { fail[Int(goto[k])] = 0; queue.append(Int(goto[k])) }
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
        order += queue
        var rank = [Int](repeating: 0, count: states)
        for (new, old) in order.enumerated() { rank[old] = new }
        var table = [Int32](repeating: 0, count: states * c)
        var outputs = [Int32](repeating: -1, count: states)
        var links = [Int32](repeating: -1, count: states)
        for (new, old) in order.enumerated() {
            for k in 0..<c {
                let next = Int(goto[old * c + k])
                let flag = out[next] >= 0 || dict[next] >= 0 ? 1 : 0
                table[new * c + k] = Int32(rank[next] * c * 2 + flag)
            }
            outputs[new] = out[old]
            links[new] = dict[old] < 0 ? -1 : Int32(rank[Int(dict[old])])
        }
        delta = table
        output = outputs
        dictionaryLink = links
    }

    public var isEmpty: Bool { patternLengths.isEmpty }

    /// Calls `match(patternIndex, startByte, endByte)` for every occurrence, in order of end position.
    public func scan(_ bytes: [UInt8], _ match: (Int, Int, Int) -> Void) {
        walk(bytes) { id, start, end in
            match(id, start, end)
            return true
        }
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
        let c = classCount
        delta.withUnsafeBufferPointer { d in
            byteClass.withUnsafeBufferPointer { cls in
                output.withUnsafeBufferPointer { out in
                    dictionaryLink.withUnsafeBufferPointer { dict in
                        bytes.withUnsafeBufferPointer { b in
                            var row = 0 // the current state's row start
                            for i in 0..<b.count {
                                let t = Int(d[row &+ Int(cls[Int(b[i])])])
                                row = t >> 1
                                if t & 1 == 0 { continue }
                                let state = row / c
                                var s = out[state] >= 0 ? state : Int(dict[state])
                                while s >= 0 {
                                    let id = Int(out[s])
                                    if !visit(id, i + 1 - patternLengths[id], i + 1) { return }
                                    s = Int(dict[s])
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
