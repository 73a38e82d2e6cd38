/// Tells headings and page furniture from the article's prose, for text that arrived
/// without markup saying so.
enum ParagraphClassifier {
    /// Prompts that make a short paragraph page furniture wherever they stand in it.
    static let boilerplateCues: [String] = [
        "share this", "share on", "share via", "subscribe to", "subscribe now", "subscribe for", "sign up for", "sign up to",
        "our newsletter", "donate to", "donate now", "make a donation", "support our journalism", "support independent",
        "support local journalism", "continue reading", "keep reading", "read more", "read the full", "click here",
        "all rights reserved", "we use cookies", "this site uses cookies", "accept cookies", "cookie policy",
        "privacy policy", "terms of use", "terms of service", "skip to content", "skip to main", "back to top",
        "follow us on", "like us on", "download our app", "leave a comment", "view comments", "show comments",
        "comments (", "sponsored content", "recommended for you", "related articles", "related stories",
        "you might also like", "more stories", "log in to", "sign in to", "become a member", "become a subscriber",
        "this article was", "copyright ©", "print this", "email this", "report an error", "advertisement",
    ]
    /// Short paragraphs made only of one of these words are furniture too (menus, buttons).
    static let boilerplateWords: Set<String> = [
        "share", "tweet", "email", "print", "comments", "comment", "subscribe", "donate", "advertisement", "menu",
        "search", "home", "login", "log in", "sign in", "sign up", "close", "more", "next", "previous", "related",
        "facebook", "twitter", "linkedin", "whatsapp", "reddit", "x", "copy link", "save", "follow",
    ]

    static let cues = ByteAutomaton(patterns: boilerplateCues.map { Array($0.utf8) })
    /// The same question as `cues`, answered by skipping over ASCII (see `CueSkipMatcher`).
    static let cueMatcher = CueSkipMatcher(patterns: boilerplateCues.map { Array($0.utf8) })

    /// `words` is the number of word and number tokens; `scratch` is working space, reused
    /// across an article's paragraphs.
    static func classify(_ p: ArraySlice<Unicode.Scalar>, words: Int, sentences: Int, scratch: inout Scratch) -> ParagraphKind {
        if words == 0 { return .boilerplate }
        if words <= 40 {
            let lo = p.startIndex
            if p.first == "©" || (p.count >= 3 && p[lo] == "(" && (p[lo + 1] == "c" || p[lo + 1] == "C") && p[lo + 2] == ")") { return .boilerplate }
            // The cues are looked for in the folded UTF-8 without writing it out (see
            // `CueSkipMatcher`, `ByteAutomaton.containsMatch`); only a possible menu row needs the bytes.
            if p.withUnsafeBufferPointer({ cueMatcher.containsMatch(inLowercasedUTF8Of: $0, foldingNonASCII: PackedWord.foldOutOfLine) }) {
                return .boilerplate
            }
            // "Share | Tweet | Email" style rows.
            if words <= 3 || (words <= 12 && p.contains(where: { $0 == "|" || $0 == "•" || $0 == "·" })) {
                foldedUTF8(p, into: &scratch)
                if let menu = asciiMenuRow(scratch.folded) {
                    if menu { return .boilerplate }
                } else {
                    let text = String(String.UnicodeScalarView(p.map(Folding.fold)))
                    let parts = text.split(whereSeparator: { "|•·/,".contains($0) }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
                    if !parts.isEmpty && parts.allSatisfy({ boilerplateWords.contains(stripCount($0)) }) { return .boilerplate }
                }
            }
        }
        if isHeading(p, words: words, sentences: sentences) { return .heading }
        return .prose
    }

    /// The folded paragraph as UTF-8, written straight into a buffer of the largest size
    /// it can take (four bytes a code point), ASCII without a call per code point.
    static func foldedUTF8(_ p: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        p.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: 4 * src.count) { out, count in count = fold(src, into: out) }
        }
    }

    /// Working space for `classify`: the folded paragraph is written into `room` and copied
    /// into `folded`, whose storage is kept from one paragraph to the next. A fresh array per
    /// paragraph, allocated at four bytes a code point and freed, cost about as much as the
    /// folding itself (3% of segmentation).
    struct Scratch {
        var room: [UInt8] = []
        var folded: [UInt8] = []

        /// Room for paragraphs of up to `longest` code points, made when a paragraph is
        /// first folded: only short ones are (possible menu rows), so the room is sized for
        /// them, and an article without any makes none. Made here at four bytes a code
        /// point of the longest paragraph, the two arrays were two large allocations an
        /// article, one of them zero-filled.
        init(longest: Int) {}
    }

    /// `foldedUTF8(p)`, left in `scratch.folded`.
    static func foldedUTF8(_ p: ArraySlice<Unicode.Scalar>, into scratch: inout Scratch) {
        if scratch.room.count < 4 * p.count { scratch.room = [UInt8](filled: 0, count: 4 * p.count) }
        let count = p.withUnsafeBufferPointer { src in scratch.room.withUnsafeMutableBufferPointer { out in fold(src, into: out) } }
        scratch.folded.removeAll(keepingCapacity: true)
        scratch.room.withUnsafeBufferPointer { room in scratch.folded.append(contentsOf: UnsafeBufferPointer(rebasing: room[0..<count])) }
    }

    /// Writes the folded UTF-8 of `src` to `out` (room for four bytes a code point) and returns its length.
    private static func fold(_ src: UnsafeBufferPointer<Unicode.Scalar>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var o = 0
        var k = 0
        let n = src.count
        let base = UnsafeRawPointer(src.baseAddress)
        // Eight code points at a time while all are ASCII. Each 64-bit load holds two;
        // `w | w >> 24` brings the second's low byte next to the first's, so four
        // loads give one word of eight bytes, lower-cased together: a byte gets bit 7
        // from adding 0x3F when it is at least "A" and from adding 0x25 when it is
        // past "Z" (no byte carries into the next), and the difference, moved to
        // bit 5, is the lower-case bit to set.
        let high: UInt64 = 0xFFFF_FF80_FFFF_FF80
        while k < n {
            if k &+ 8 <= n, let base {
                let w0 = base.loadUnaligned(fromByteOffset: k &* 4, as: UInt64.self)
                let w1 = base.loadUnaligned(fromByteOffset: k &* 4 &+ 8, as: UInt64.self)
                let w2 = base.loadUnaligned(fromByteOffset: k &* 4 &+ 16, as: UInt64.self)
                let w3 = base.loadUnaligned(fromByteOffset: k &* 4 &+ 24, as: UInt64.self)
                if (w0 | w1 | w2 | w3) & high == 0 {
                    var eight = (w0 | w0 >> 24) & 0xFFFF | ((w1 | w1 >> 24) & 0xFFFF) << 16
                        | ((w2 | w2 >> 24) & 0xFFFF) << 32 | ((w3 | w3 >> 24) & 0xFFFF) << 48
                    eight |= ((eight &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(eight &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080) >> 2
                    UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: eight.littleEndian, as: UInt64.self)
                    o &+= 8
                    k &+= 8
                    continue
                }
            }
            let c = src[k]
            k &+= 1
            let v = c.value
            if v < 0x80 {
                // ASCII folds by setting the lower-case bit on letters (a tab stays a tab here).
                out[o] = UInt8(truncatingIfNeeded: v >= 0x41 && v <= 0x5A ? v | 0x20 : v)
                o += 1
                continue
            }
            let f = PackedWord.foldOutOfLine(c).value
            if f < 0x80 {
                out[o] = UInt8(f); o += 1
            } else if f < 0x800 {
                out[o] = UInt8(0xC0 | f >> 6); out[o + 1] = UInt8(0x80 | f & 0x3F); o += 2
            } else if f < 0x10000 {
                out[o] = UInt8(0xE0 | f >> 12); out[o + 1] = UInt8(0x80 | f >> 6 & 0x3F); out[o + 2] = UInt8(0x80 | f & 0x3F); o += 3
            } else {
                out[o] = UInt8(0xF0 | f >> 18); out[o + 1] = UInt8(0x80 | f >> 12 & 0x3F)
                out[o + 2] = UInt8(0x80 | f >> 6 & 0x3F); out[o + 3] = UInt8(0x80 | f & 0x3F); o += 4
            }
        }
        return o
    }

    static let boilerplateWordList = WordList(boilerplateWords)

    /// Whether an all-ASCII folded paragraph is a row of menu words ("Share | Tweet"),
    /// read from its bytes; nil when a byte is not ASCII, and the `String` path decides.
    ///
    /// The same steps as that path: split at | / , (• and · are not ASCII), trim white
    /// space, drop empty parts, cut a count in brackets, look each part up. In ASCII a
    /// `Character` is one byte but for CR LF, which holds no separator or bracket, and the
    /// fold that path applies differs from these bytes only in turning tab into space.
    static func asciiMenuRow(_ folded: [UInt8]) -> Bool? {
        folded.withUnsafeBufferPointer { b -> Bool? in
            var any: UInt8 = 0
            for x in b { any |= x }
            if any >= 0x80 { return nil }
            @inline(__always) func isSpace(_ x: UInt8) -> Bool { x == 0x20 || (x >= 0x09 && x <= 0x0D) }
            var parts = 0
            var start = 0
            for i in 0...b.count {
                guard i == b.count || b[i] == 0x7C || b[i] == 0x2F || b[i] == 0x2C else { continue } // | / ,
                var lo = start, hi = i
                start = i + 1
                while lo < hi && isSpace(b[lo]) { lo += 1 }
                while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
                if lo == hi { continue }
                parts += 1
                if let paren = b[lo..<hi].firstIndex(of: 0x28) { // "Comments (12)" → "comments"
                    hi = paren
                    while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
                }
                guard boilerplateWordList.contains(ascii: b[lo..<hi].lazy.map { $0 == 0x09 ? 0x20 : $0 }) else { return false }
            }
            return parts > 0
        }
    }

    /// "Comments (12)" → "comments".
    private static func stripCount(_ s: String) -> String {
        var t = s
        if let paren = t.firstIndex(of: "(") { t = String(t[..<paren]).trimmingSpaces() }
        return t
    }

    /// A heading is one short line that does not end like a sentence.
    static func isHeading(_ p: ArraySlice<Unicode.Scalar>, words: Int, sentences: Int) -> Bool {
        guard words <= 16, sentences <= 1, !p.contains("\n") else { return false }
        var end = p.endIndex - 1
        while end > p.startIndex, ScalarClass.isSpace(p[end]) { end -= 1 }
        let last = p[end]
        if SentenceSplitter.isTerminator(last) || last == ";" || last == "," || last == ":" { return false }
        // A closing quotation mark ends a sentence when a terminator stands inside it.
        if SentenceSplitter.isTrailingCloser(last), end > p.startIndex, SentenceSplitter.isTerminator(p[end - 1]) || p[end - 1] == "," {
            return false
        }
        return true
    }
}
