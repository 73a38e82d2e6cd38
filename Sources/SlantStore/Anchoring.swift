/// Finding a note's text again in a new revision of its document.
///
/// Tried in order, so the cheapest certain answer wins:
/// 1. `exact`: the old position still holds the exact text;
/// 2. `moved`: the exact text occurs elsewhere — the occurrence whose surroundings
///    best match the selector's prefix and suffix, then the nearest to the old position;
/// 3. `fuzzy`: a window whose similarity to the quote is at least `minimumSimilarity`
///    (1 − edit distance / length), preferring matching context, then proximity;
/// 4. `orphaned`: none of these. The note is kept and shown, never dropped.
///
/// Pure: no store, no clock. All offsets are Unicode code points.
public enum Anchoring {
    public static let minimumSimilarity = 0.8

    public struct Result: Sendable, Hashable {
        public var status: AnchorStatus
        /// The new span; nil when orphaned.
        public var start: Int?
        public var end: Int?
        /// 1 for exact and moved; the match's similarity for fuzzy; 0 for orphaned.
        public var similarity: Double
    }

    public static func reanchor(_ selector: QuoteSelector, from oldStart: Int, _ oldEnd: Int, in text: String) -> Result {
        reanchor(selector, from: oldStart, oldEnd, in: Array(text.unicodeScalars))
    }

    public static func reanchor(_ selector: QuoteSelector, from oldStart: Int, _ oldEnd: Int, in text: [Unicode.Scalar]) -> Result {
        let exact = Array(selector.exact.unicodeScalars)
        let orphaned = Result(status: .orphaned, start: nil, end: nil, similarity: 0)
        guard !exact.isEmpty, !text.isEmpty else { return orphaned }
        let prefix = Array(selector.prefix.unicodeScalars), suffix = Array(selector.suffix.unicodeScalars)

        // 1. Same place.
        if oldStart >= 0, oldStart + exact.count <= text.count, text[oldStart..<(oldStart + exact.count)].elementsEqual(exact) {
            return Result(status: .exact, start: oldStart, end: oldStart + exact.count, similarity: 1)
        }

        // 2. Same text elsewhere.
        let occurrences = find(exact, in: text)
        if let best = occurrences.max(by: { a, b in
            let ca = context(prefix, suffix, text, a, a + exact.count), cb = context(prefix, suffix, text, b, b + exact.count)
            return ca != cb ? ca < cb : abs(a - oldStart) > abs(b - oldStart)
        }) {
            return Result(status: .moved, start: best, end: best + exact.count, similarity: 1)
        }

        // 3. Similar text.
        let maxDistance = Int((Double(exact.count) * (1 - minimumSimilarity)).rounded(.down))
        let scored = FuzzyMatch.candidates(of: exact, in: text, maxDistance: maxDistance).compactMap { c -> (FuzzyMatch.Candidate, Double, Double)? in
            let similarity = 1 - Double(c.distance) / Double(max(exact.count, c.end - c.start))
            guard similarity >= minimumSimilarity else { return nil }
            return (c, similarity, context(prefix, suffix, text, c.start, c.end))
        }
        if let best = scored.max(by: { a, b in
            let sa = a.1 + 0.1 * a.2, sb = b.1 + 0.1 * b.2
            return sa != sb ? sa < sb : abs(a.0.start - oldStart) > abs(b.0.start - oldStart)
        }) {
            return Result(status: .fuzzy, start: best.0.start, end: best.0.end, similarity: best.1)
        }
        return orphaned
    }

    /// Start offsets of every occurrence of `needle`.
    static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
        guard needle.count <= text.count, let first = needle.first else { return [] }
        var found: [Int] = []
        var i = 0
        while i + needle.count <= text.count {
            if text[i] == first, text[i..<(i + needle.count)].elementsEqual(needle) { found.append(i) }
            i += 1
        }
        return found
    }

    /// 0–1: how much of the selector's prefix and suffix surround `start..<end`
    /// (characters matching outward from the span, until the first difference).
    static func context(_ prefix: [Unicode.Scalar], _ suffix: [Unicode.Scalar], _ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Double {
        var before = 0
        while before < prefix.count, start - before - 1 >= 0, prefix[prefix.count - 1 - before] == text[start - before - 1] { before += 1 }
        var after = 0
        while after < suffix.count, end + after < text.count, suffix[after] == text[end + after] { after += 1 }
        let total = prefix.count + suffix.count
        return total == 0 ? 0 : Double(before + after) / Double(total)
    }
}
