/// Every lexicon form in one trie over UTF-8 bytes, walked only from positions that can
/// start a whole-word match.
///
/// A lexicon hit must start after a scalar that is not a letter or digit, so instead of
/// running an Aho–Corasick automaton over every byte (whose full transition table for
/// thousands of forms is megabytes, and missed the cache on almost every byte), the scan
/// steps through the text and walks the trie from each such position. Most walks end
/// after a byte or two, near the root, where the table stays in cache.
struct WordTrie: Sendable {
    /// Input class of each byte value; 0 for bytes that occur in no form.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `next[state * classCount + class]`: the child state, or -1.
    private let next: [Int32]
    /// The form ending exactly at a state, or -1.
    private let output: [Int32]
    /// Length in bytes of each form.
    let formLengths: [Int]

    init(forms: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var count: UInt8 = 1
        for form in forms { for b in form where classes[Int(b)] == 0 { classes[Int(b)] = count; count += count == 255 ? 0 : 1 } }
        byteClass = classes
        let c = Int(count)
        classCount = c
        formLengths = forms.map(\.count)
        var table = [Int32](repeating: -1, count: c)
        var out: [Int32] = [-1]
        for (id, form) in forms.enumerated() where !form.isEmpty {
            var s = 0
            for b in form {
                let k = s * c + Int(classes[Int(b)])
                if table[k] < 0 {
                    table[k] = Int32(out.count)
                    out.append(-1)
                    table.append(contentsOf: repeatElement(-1, count: c))
                }
                s = Int(table[k])
            }
            if out[s] < 0 { out[s] = Int32(id) } // duplicates: the first form wins
        }
        next = table
        output = out
    }

    /// Calls `match(form, startByte, endByte)` for every occurrence of a form that starts
    /// at the beginning of the text or after a scalar that is not a letter or digit, in
    /// order of start, then end. (Whether the match also ends at a word boundary is the
    /// caller's test.)
    func scan(_ bytes: [UInt8], _ match: (Int, Int, Int) -> Void) {
        let c = classCount
        next.withUnsafeBufferPointer { next in
            byteClass.withUnsafeBufferPointer { cls in
                output.withUnsafeBufferPointer { out in
                    bytes.withUnsafeBufferPointer { b in
                        let n = b.count
                        var i = 0
                        var afterWord = false
                        while i < n {
                            let lead = b[i]
                            if !afterWord && cls[Int(lead)] != 0 {
                                var state = 0
                                var j = i
                                while j < n {
                                    let t = next[state &* c &+ Int(cls[Int(b[j])])]
                                    if t < 0 { break }
                                    state = Int(t)
                                    j += 1
                                    let form = out[state]
                                    if form >= 0 { match(Int(form), i, j) }
                                }
                            }
                            if lead < 0x80 {
                                afterWord = LexiconMatcher.isASCIIWordByte(lead)
                                i += 1
                            } else {
                                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                                afterWord = LexiconMatcher.isWordScalar(LexiconMatcher.decode(bytes, at: i))
                                i += length
                            }
                        }
                    }
                }
            }
        }
    }
}
