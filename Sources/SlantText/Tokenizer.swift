/// Splits a paragraph into word, number, punctuation and symbol tokens.
///
/// Words keep their inner apostrophes, hyphens and dots (don’t, well-known, U.S,
/// 3.5, 1,000) but never a quotation mark, which is why quotations are found first.
enum Tokenizer {
    /// Tokens of `p` with paragraph-local offsets; `quoteMarks` holds the sorted local
    /// indices of quotation marks.
    static func tokenize(_ p: ArraySlice<Unicode.Scalar>, quoteMarks: [Int]) -> [Token] {
        var scratch = TokenScratch(capacity: p.count)
        return tokenize(p, quoteMarks: quoteMarks, offset: 0, scratch: &scratch).tokens
    }

    /// The same with `offset` added to every span, and the number of word and number
    /// tokens, with `scratch` as working space (see `TokenScratch`). The segmenter passes
    /// the paragraph's article offset: spans made right the first time, and words counted
    /// as they are made, saved a second pass over the tokens (3% of segmentation).
    ///
    /// `stopFollows` says that `p` is a slice of a larger array whose element right after
    /// `p` is ASCII and neither letter nor digit (the line feed or space after most
    /// paragraphs): a run of ASCII letters then needs no test for the end of `p`, as that
    /// element ends it anyway.
    ///
    /// The indices of the tokens that are sentence terminators (punctuation on which
    /// `SentenceSplitter.isTerminator` holds) are left in `scratch.terminators`.
    static func tokenize(_ p: ArraySlice<Unicode.Scalar>, quoteMarks: [Int], offset: Int, stopFollows: Bool = false,
                         scratch: inout TokenScratch) -> (tokens: [Token], words: Int) {
        if scratch.capacity < p.count { scratch = TokenScratch(capacity: p.count, sentences: scratch.sentences) }
        let room = scratch.room
        let (count, words, terminators) = p.withUnsafeBufferPointer { p in
            tokenize(p, quoteMarks: quoteMarks, offset: offset, stopFollows: stopFollows,
                     into: UnsafeMutableBufferPointer(start: room.tokens, count: room.capacity), terminators: room.terminators)
        }
        scratch.terminatorCount = terminators
        return (scratch.copy(count), words)
    }

    /// One pass over the code points, writing the tokens to `out` (which has room for
    /// one per code point, the most there can be), their spans moved by `offset`, and
    /// returning their number and that of the word and number tokens among them.
    ///
    /// ASCII, most of news text, is answered by range checks before any Unicode
    /// property table is consulted, and the look-ahead at a word's end (is the next code
    /// point a letter?) is made only for the joiners that need it — once per token, not
    /// once per letter.
    ///
    /// With `stopFollows` (see above), `p.baseAddress![p.count]` may be read and is an ASCII
    /// code point that is neither letter nor digit. The loop over a word's letters then
    /// drops its end-of-paragraph test: six instructions a letter instead of eight, in the
    /// loop that reads most of the text.
    ///
    /// The index of each token on which `SentenceSplitter.isTerminator` holds, a punctuation
    /// token, is written to `terminators` (room for one per code point), and the third
    /// number returned is how many there are. The splitter then visits those tokens alone,
    /// where it read the kind of every token to find them (six instructions a token, 0.9M
    /// over the bench's scoring loop); the tokenizer asks only of the punctuation it makes.
    static func tokenize(_ p: UnsafeBufferPointer<Unicode.Scalar>, quoteMarks: [Int], offset: Int, stopFollows: Bool = false,
                         into out: UnsafeMutableBufferPointer<Token>,
                         terminators: UnsafeMutablePointer<Int>) -> (count: Int, words: Int, terminators: Int) {
        stopFollows ? tokenizeStopped(p, quoteMarks: quoteMarks, offset: offset, into: out, terminators: terminators)
            : tokenizeUnstopped(p, quoteMarks: quoteMarks, offset: offset, into: out, terminators: terminators)
    }

    // One copy of the loop for each answer, each with its registers allocated for itself:
    // with the answer a variable, the one loop spent what the stop saved on moving
    // registers about at every token.
    @inline(never) private static func tokenizeStopped(_ p: UnsafeBufferPointer<Unicode.Scalar>, quoteMarks: [Int], offset: Int,
                                                       into out: UnsafeMutableBufferPointer<Token>,
                                                       terminators: UnsafeMutablePointer<Int>) -> (count: Int, words: Int, terminators: Int) {
        tokenize(p, quoteMarks: quoteMarks, offset: offset, stopFollowing: true, into: out, terminators: terminators)
    }

    @inline(never) private static func tokenizeUnstopped(_ p: UnsafeBufferPointer<Unicode.Scalar>, quoteMarks: [Int], offset: Int,
                                                         into out: UnsafeMutableBufferPointer<Token>,
                                                         terminators: UnsafeMutablePointer<Int>) -> (count: Int, words: Int, terminators: Int) {
        tokenize(p, quoteMarks: quoteMarks, offset: offset, stopFollowing: false, into: out, terminators: terminators)
    }

    @inline(__always) private static func tokenize(_ p: UnsafeBufferPointer<Unicode.Scalar>, quoteMarks: [Int], offset: Int,
                                                   stopFollowing stopFollows: Bool,
                                                   into out: UnsafeMutableBufferPointer<Token>,
                                                   terminators: UnsafeMutablePointer<Int>) -> (count: Int, words: Int, terminators: Int) {
        var count = 0
        // The punctuation and symbol tokens, not the words, are counted as they are made:
        // words are most tokens and come from the fast path below, which then keeps no
        // counter of its own (one register fewer in the loop that reads most of the text).
        var others = 0
        var terminatorCount = 0
        @inline(__always) func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            out[count] = Token(span: TextSpan(orderedStart: start &+ offset, end: end &+ offset), kind: kind,
                               isCapitalised: ScalarClass.isUpper(p[start]))
            count &+= 1
            if kind == .punctuation || kind == .symbol { others &+= 1 }
        }
        let hi = p.count
        // Quotation marks are asked about in increasing position, so a cursor into the
        // sorted list answers each question in amortised constant time.
        var marks = MarkCursor(marks: quoteMarks)
        let hasMarks = !quoteMarks.isEmpty
        let alnum = asciiAlnumTable
        var i = 0
        while i < hi {
            let c = p[i]
            let cv = c.value
            // The common case first, without a call: an ASCII word or number ended by a
            // space; any other end is left to `wordEnd`. The quotation-mark cursor need not
            // be asked here: marks stand only where `QuoteFinder.isCandidate` holds, never
            // at a letter or digit.
            if cv < 0x80 && alnum[Int(cv)] {
                var end = i &+ 1
                if stopFollows {
                    // Four letters a turn, each with its own test: the loop's step and jump are
                    // paid once for four letters (seven instructions a letter became five and
                    // a half). Each load follows a letter, so none reads past the stop.
                    let base = p.baseAddress.unsafelyUnwrapped
                    while true {
                        let v0 = base[end].value
                        guard v0 < 0x80, alnum[Int(v0)] else { break }
                        let v1 = base[end &+ 1].value
                        guard v1 < 0x80, alnum[Int(v1)] else { end &+= 1; break }
                        let v2 = base[end &+ 2].value
                        guard v2 < 0x80, alnum[Int(v2)] else { end &+= 2; break }
                        let v3 = base[end &+ 3].value
                        guard v3 < 0x80, alnum[Int(v3)] else { end &+= 3; break }
                        end &+= 4
                    }
                } else {
                    while end < hi {
                        let v = p[end].value
                        guard v < 0x80, alnum[Int(v)] else { break }
                        end &+= 1
                    }
                }
                if end < hi {
                    // The space that ends most words is skipped here, not by another turn of the loop.
                    if p[end].value == 0x20 {
                        emit(i, end, cv <= 0x39 ? .number : .word)
                        i = end &+ 1
                        continue
                    }
                    end = wordEnd(p, from: end, marks: &marks, hasMarks: hasMarks)
                }
                emit(i, end, cv <= 0x39 ? .number : .word)
                i = end
                continue
            }
            if cv == 0x20 || cv == 0x0A || cv == 0x09 || (cv >= 0x80 && ScalarClass.isSpace(c)) { i += 1; continue }
            let start = i
            if hasMarks && marks.contains(i) {
                emit(i, i + 1, .punctuation)
                i += 1
                continue
            }
            if cv >= 0x80 && ScalarClass.isIdeographic(c) {
                i += 1
                while i < hi, ScalarClass.isMark(p[i]) { i += 1 }
                emit(start, i, .word)
                continue
            }
            if isASCIIAlnum(cv) || (cv >= 0x80 && ScalarClass.isLetterOrDigit(c)) {
                let isNumber = cv < 0x80 ? cv <= 0x39 : ScalarClass.isDigit(c)
                i = wordEnd(p, from: i + 1, marks: &marks, hasMarks: hasMarks)
                emit(start, i, isNumber ? .number : .word)
                continue
            }
            if cv >= 0x2100 && (ScalarClass.isEmoji(c) || (cv >= 0x1F1E6 && cv <= 0x1F1FF)) {
                i += 1
                while i < hi {
                    let d = p[i]
                    if d.value == 0x200D, i + 1 < hi { i += 2; continue }
                    if ScalarClass.extendsEmoji(d) { i += 1; continue }
                    // Regional indicators pair into one flag.
                    if (0x1F1E6...0x1F1FF).contains(c.value), i == start + 1, (0x1F1E6...0x1F1FF).contains(d.value) { i += 1; continue }
                    break
                }
                emit(start, i, .symbol)
                continue
            }
            // Punctuation: runs of dots (ellipsis) and of dashes stay together.
            i += 1
            if cv == 0x2E || cv == 0x2D || cv == 0x21 || cv == 0x3F {
                while i < hi, p[i].value == cv { i += 1 }
            }
            let kind: Token.Kind
            // Only here is a terminator made (quotation marks, the other punctuation, are not
            // terminators), so only here is the list of them added to.
            let terminates: Bool
            if cv < 0x80 {
                switch cv {
                case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: kind = .symbol // $ + < = > ^ ` | ~
                default: kind = .punctuation
                }
                terminates = cv == 0x2E || cv == 0x21 || cv == 0x3F
            } else {
                kind = ScalarClass.isPunctuation(c) ? .punctuation : .symbol
                terminates = kind == .punctuation && SentenceSplitter.isTerminator(c)
            }
            if terminates {
                terminators[terminatorCount] = count
                terminatorCount &+= 1
            }
            emit(start, i, kind)
        }
        return (count, count &- others, terminatorCount)
    }

    /// ASCII letters and digits as a 128-bit map in two constants: a shift and a test,
    /// where range checks took ten instructions, in the loop that reads every letter.
    @inline(__always) private static func isASCIIAlnum(_ v: UInt32) -> Bool {
        guard v < 0x80 else { return false }
        let map: UInt64 = v < 0x40 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return (map >> UInt64(v & 0x3F)) & 1 != 0
    }

    /// `isASCIIAlnum` as a table of 128 flags, for the loop that reads every letter of a
    /// word: a compare and a load per letter where the map took a select and a bit test
    /// (12 → 9 instructions a letter; the loop was half the tokenizer's instructions).
    /// Written once when first read, never after, so sharing it across threads is safe.
    nonisolated(unsafe) static let asciiAlnumTable: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 128)
        for v in 0..<128 { table[v] = isASCIIAlnum(UInt32(v)) }
        return UnsafePointer(table)
    }()

    /// Whether a code point below U+0100 is a letter or digit (as `ScalarClass.isLetterOrDigit`
    /// answers), from two 64-bit maps for the upper half: ª µ º and U+00C0–00FF but for × and ÷.
    /// The no-break space after a word (1,130 times in a thousand corpus files) went to two
    /// Unicode table lookups, alphabetic then decimal, some 480 instructions together: 1.28M
    /// over the bench's scoring loop.
    @inline(__always) static func isLatin1Alnum(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIAlnum(v) }
        guard v < 0x100 else { return false }
        let map: UInt64 = v < 0xC0 ? 0x0420_0400_0000_0000 : 0xFF7F_FFFF_FF7F_FFFF
        return (map >> UInt64(v & 0x3F)) & 1 != 0
    }

    /// Letters, digits and marks that continue a word (ideographs are words of their own).
    @inline(__always) private static func continuesWord(_ d: Unicode.Scalar) -> Bool {
        let v = d.value
        if v < 0x100 { return isLatin1Alnum(v) }
        return (ScalarClass.isLetterOrDigit(d) && !ScalarClass.isIdeographic(d)) || ScalarClass.isMark(d)
    }

    /// A letter or digit after a joiner (the l in well-known, the S in U.S).
    @inline(__always) private static func isAlnumAt(_ p: UnsafeBufferPointer<Unicode.Scalar>, _ j: Int) -> Bool {
        guard j < p.count else { return false }
        let v = p[j].value
        if v < 0x100 { return isLatin1Alnum(v) }
        return ScalarClass.isLetterOrDigit(p[j]) && !ScalarClass.isIdeographic(p[j])
    }

    /// The end of the word or number whose first code point stands before `i`: letters,
    /// digits and marks, with apostrophes, hyphens and dots kept between letters,
    /// commas and colons between digits (1,000, 10:30) and & between capitals (AT&T).
    @inline(__always) private static func wordEnd(_ p: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, marks: inout MarkCursor, hasMarks: Bool) -> Int {
        let hi = p.count
        var i = i
        while i < hi {
            let d = p[i]
            if continuesWord(d) { i &+= 1; continue }
            switch d.value {
            case 0x27, 0x2019, 0x2BC: // apostrophes
                if hasMarks && marks.contains(i) { return i }
                // A trailing apostrophe (the Saudis’ oil) belongs to the word.
                i += 1
                if isAlnumAt(p, i) { continue }
                return i
            case 0x2D, 0x2010, 0x2011, 0x2E, 0xB7:
                if isAlnumAt(p, i + 1) { i += 1; continue }
            case 0x2C, 0x3A:
                // 1,000 and 10:30 stay one number.
                if ScalarClass.isDigit(p[i - 1]), i + 1 < hi, ScalarClass.isDigit(p[i + 1]) { i += 1; continue }
            case 0x26: // AT&T
                if ScalarClass.isUpper(p[i - 1]), i + 1 < hi, ScalarClass.isUpper(p[i + 1]) { i += 1; continue }
            default: break
            }
            return i
        }
        return i
    }
}

extension TextSpan {
    /// A span whose start is known not to come after its end, without `init(start:end:)`'s
    /// test of that: a token ends after it starts, and the test (four instructions and a
    /// register kept for the branch) was paid for each of the bench's 300K tokens.
    @inline(__always) fileprivate init(orderedStart start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Working space for the tokenizer, reused across an article's paragraphs: tokens are
/// written into it with a plain store each, then copied out in one exact-size array,
/// instead of appended one by one (a uniqueness and capacity check per token) to an
/// array whose size had to be guessed.
struct TokenScratch {
    /// Room for one token and one terminator index per code point, left unwritten (a token
    /// or an index is written before it is read), in one block of memory. It was two arrays
    /// made by `init(unsafeUninitializedCapacity:)`, whose buffers come from the standard
    /// library's unspecialised path at some 440 instructions each, twice an article.
    final class Room {
        let capacity: Int
        let tokens: UnsafeMutablePointer<Token>
        let terminators: UnsafeMutablePointer<Int>

        init(capacity: Int) {
            self.capacity = capacity
            let tokenBytes = MemoryLayout<Token>.stride * capacity
            let raw = UnsafeMutableRawPointer.allocate(byteCount: tokenBytes + MemoryLayout<Int>.stride * max(capacity, 1),
                                                       alignment: max(MemoryLayout<Token>.alignment, MemoryLayout<Int>.alignment))
            tokens = raw.bindMemory(to: Token.self, capacity: capacity)
            terminators = (raw + tokenBytes).bindMemory(to: Int.self, capacity: max(capacity, 1))
        }

        deinit { UnsafeMutableRawPointer(tokens).deallocate() }
    }

    private(set) var room: Room
    /// The sentence splitter's working space (see `SentenceSplitter.split`).
    var sentences: [Sentence] = []
    /// How many of `room.terminators` the last paragraph tokenized filled.
    var terminatorCount = 0

    init(capacity: Int, sentences: [Sentence] = []) {
        room = Room(capacity: capacity)
        self.sentences = sentences
    }

    /// The most code points a paragraph may have for this room.
    var capacity: Int { room.capacity }

    /// The indices of the last paragraph's terminator tokens, in increasing order, in place:
    /// valid while this scratch keeps its room (until a longer paragraph is tokenized).
    var terminatorBuffer: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: room.terminators, count: terminatorCount) }

    /// `terminatorBuffer` copied out, for tests.
    var terminators: ArraySlice<Int> { Array(terminatorBuffer)[...] }

    /// The first `count` tokens written, in an array of their own of exactly that size,
    /// copied as one block.
    func copy(_ count: Int) -> [Token] {
        precondition(count >= 0 && count <= room.capacity)
        return Array(UnsafeBufferPointer(start: room.tokens, count: count))
    }
}

extension Array {
    /// Empties the list and keeps its room, for scratch lists reused paragraph after
    /// paragraph: with no call at all when it is already empty (even `removeLast(0)` is a
    /// call), and without `removeAll(keepingCapacity:)`'s general `replaceSubrange`.
    @inline(__always)
    mutating func removeAllKeepingRoom() {
        if !isEmpty { removeLast(count) }
    }

    /// The first `count` elements in an array of their own, of exactly that capacity, copied
    /// as one block. `Array(self[0..<count])` copied a slice element by element (some nine
    /// instructions a token, 1.5M over the bench's scoring loop); a buffer pointer's
    /// elements are copied with one `memcpy`. (`Array(unsafeUninitializedCapacity:)` is no
    /// better: its buffer comes from an unspecialised call of some 350 instructions.)
    func copyOfPrefix(_ count: Int) -> [Element] {
        precondition(count >= 0 && count <= self.count)
        return withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
}

/// A cursor over sorted positions (a struct, so no closure captures a mutable variable
/// and the compiler can check exclusive access statically).
struct MarkCursor {
    let marks: [Int]
    var next = 0

    init(marks: [Int]) { self.marks = marks }

    mutating func contains(_ i: Int) -> Bool {
        while next < marks.count && marks[next] < i { next += 1 }
        return next < marks.count && marks[next] == i
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
