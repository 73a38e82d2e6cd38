/// Finds quotation spans in one paragraph and tells quotation marks from apostrophes.
///
/// Curly marks say which way they face; straight ones and ’ do not, so their role is
/// read from what stands on either side. A single-quote opener that is never closed
/// is taken back as an apostrophe (’em, ’90s); an unclosed double quotation runs to
/// the end of the paragraph, as news style does for quotations that continue.
enum QuoteFinder {
    enum Family { case double, single, guillemet, corner, whiteCorner }

    struct Found {
        var open: Int
        var close: Int?
        var family: Family
    }

    struct Open { var index: Int; var family: Family }

    /// Working space for the quotation finder and for the mark lists the segmenter makes
    /// from its quotations, reused across an article's paragraphs. Made afresh for each
    /// paragraph with a quotation, the four arrays were four allocations and frees each time
    /// (some 1.2M instructions over the bench's scoring loop).
    ///
    /// It is also the finder's state while it reads a paragraph (the open quotations and
    /// those found so far): a struct, so the compiler, not the runtime, checks exclusive
    /// access in the per-mark loop. (A state of its own that took the arrays over from the
    /// scratch and gave them back cost a retain and release each way, 57 instructions a
    /// paragraph with a candidate mark.)
    struct Scratch {
        var stack: [Open] = []
        /// The quotations of the last paragraph searched, as `find(in:candidates:)` returns them.
        var found: [Found] = []
        /// For the segmenter: the paragraph's quotation marks and its closing marks.
        var marks: [Int] = []
        var closes: [Int] = []
        /// The paragraph's first index, while it is read.
        var lo = 0

        /// At most this many quotations are open at once (real text nests two or three):
        /// every open quotation covers the ones inside it, so unbounded nesting made the
        /// quotations, and `slant segment`'s output, quadratic in the paragraph. When full,
        /// the oldest opener is forgotten — usually a stray mark (‘ typed as an apostrophe)
        /// that would never have closed.
        static let maxDepth = 8

        mutating func open(_ family: Family, at i: Int) {
            if stack.count >= Self.maxDepth { stack.removeFirst() }
            stack.append(Open(index: i, family: family))
        }

        mutating func close(_ family: Family, at i: Int) -> Bool {
            guard let k = stack.lastIndex(where: { $0.family == family }) else { return false }
            found.append(Found(open: stack[k].index - lo, close: i - lo, family: family))
            // Openers left inside a closed quotation were never closed themselves: drop them
            // (`removeLast`, as `removeSubrange` went through a general replacement routine).
            stack.removeLast(stack.count - k)
            return true
        }

        func isOpen(_ family: Family) -> Bool { stack.contains { $0.family == family } }
    }

    /// Code points that may be quotation marks: " ' « » ‘ ’ ‚ ‛ “ ” „ ‟ 「 」 『 』.
    @inline(__always) static func isCandidate(_ v: UInt32) -> Bool {
        v == 0x22 || v == 0x27 || (v >= 0xAB && (v == 0xAB || v == 0xBB || (0x2018...0x201F).contains(v) || (0x300C...0x300F).contains(v)))
    }

    /// Paragraph-local indices of the quotations in `p`.
    static func find(in p: ArraySlice<Unicode.Scalar>) -> [Found] {
        find(in: p, candidates: p.indices.filter { isCandidate(p[$0].value) }[...])
    }

    /// Paragraph-local indices of the quotations in `p`, given the indices (into `p`'s
    /// base array, in increasing order) of its code points that `isCandidate` accepts:
    /// most paragraphs have few, and `ScannedText` found them while decoding.
    static func find(in p: ArraySlice<Unicode.Scalar>, candidates: ArraySlice<Int>) -> [Found] {
        var scratch = Scratch()
        find(in: p, candidates: candidates, scratch: &scratch)
        return scratch.found
    }

    /// The same, left in `scratch.found`, with `scratch` as working space.
    static func find(in p: ArraySlice<Unicode.Scalar>, candidates: ArraySlice<Int>, scratch: inout Scratch) {
        guard !candidates.isEmpty else {
            scratch.found.removeAllKeepingRoom()
            return
        }
        let lo = p.startIndex, hi = p.endIndex
        scratch.lo = lo
        scratch.stack.removeAllKeepingRoom()
        scratch.found.removeAllKeepingRoom()
        for i in candidates {
            let c = p[i]
            let v = c.value
            let prev: Unicode.Scalar? = i > lo ? p[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < hi ? p[i + 1] : nil
            let leftOpen = prev.map(ScalarClass.isOpeningContext) ?? true
            let rightOpen = next.map(ScalarClass.isClosingContext) ?? true
            switch v {
            case 0x201C, 0x201E, 0x201F: // “ „ ‟
                scratch.open(.double, at: i)
            case 0x201D: // ”
                if !scratch.close(.double, at: i) && leftOpen && !rightOpen { scratch.open(.double, at: i) }
            case 0xAB: scratch.open(.guillemet, at: i)
            case 0xBB: _ = scratch.close(.guillemet, at: i)
            case 0x300C: scratch.open(.corner, at: i)
            case 0x300D: _ = scratch.close(.corner, at: i)
            case 0x300E: scratch.open(.whiteCorner, at: i)
            case 0x300F: _ = scratch.close(.whiteCorner, at: i)
            case 0x22: // "
                if leftOpen && !rightOpen { scratch.open(.double, at: i) }
                else if !leftOpen && rightOpen { _ = scratch.close(.double, at: i) }
                else if leftOpen && rightOpen {
                    if !scratch.close(.double, at: i) { scratch.open(.double, at: i) }
                } else if let p = prev, !ScalarClass.isDigit(p), scratch.isOpen(.double) {
                    _ = scratch.close(.double, at: i)
                }
            case 0x2018: // ‘
                if !isElision(p, at: i) { scratch.open(.single, at: i) }
            case 0x2019, 0x27: // ’ '
                let letterBefore = prev.map(ScalarClass.isLetterOrDigit) ?? false
                let letterAfter = next.map(ScalarClass.isLetterOrDigit) ?? false
                if letterBefore && letterAfter { break } // don’t, Carrow Bay’s
                if !leftOpen && rightOpen {
                    _ = scratch.close(.single, at: i) // otherwise a plural possessive: the Saudis’ oil
                } else if leftOpen && !rightOpen && !isElision(p, at: i) {
                    scratch.open(.single, at: i)
                }
            case 0x201A, 0x201B: // ‚ ‛ low/reversed single: openers
                scratch.open(.single, at: i)
            default: break
            }
        }
        for open in scratch.stack where open.family != .single {
            scratch.found.append(Found(open: open.index - lo, close: nil, family: open.family))
        }
        if scratch.found.count > 1 { scratch.found.sort { $0.open < $1.open } }
    }

    /// The words an apostrophe may stand before for dropped letters, each as its bytes packed
    /// little-endian into one integer (all are ASCII and shorter than eight letters, so the
    /// low half of their `PackedWord` holds all of them).
    static let elisions: [UInt64] = ["em", "tis", "twas", "til", "cause", "n", "round", "bout"].map { PackedWord(ascii: $0.utf8)!.lo }

    /// ’em, ’tis, ’til, ’cause, ’n’, ’90s: an apostrophe standing for dropped letters.
    ///
    /// The folded word after the mark (at most eight code points) is packed into an integer
    /// and compared with `elisions`; building it as a `String` and comparing strings cost
    /// some 1,700 instructions a call. Letters and digits are never zero bytes, so the packed
    /// word says its length too; a word that folds to anything past ASCII is none of them.
    private static func isElision(_ p: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
        var j = i + 1
        var key: UInt64 = 0
        var count = 0
        var ascii = true
        var first: Unicode.Scalar?
        while j < p.endIndex, ScalarClass.isLetterOrDigit(p[j]), count < 8 {
            let v = p[j].value
            // A letter or digit: ASCII folds by lower-casing.
            let folded = v < 0x80 ? Unicode.Scalar(UInt8(truncatingIfNeeded: v &- 0x41 < 26 ? v | 0x20 : v)) : PackedWord.foldOutOfLine(p[j])
            if first == nil { first = folded }
            if folded.value < 0x80 { key |= UInt64(folded.value) << (8 * count) } else { ascii = false }
            count += 1
            j += 1
        }
        if let first, ScalarClass.isDigit(first) {
            // ’90s, ’08 — but not a quoted number like '2' standing alone.
            let closesAfter = j < p.endIndex && (p[j] == "'" || p[j] == "\u{2019}")
            return !closesAfter
        }
        return ascii && count > 0 && elisions.contains(key)
    }
}
