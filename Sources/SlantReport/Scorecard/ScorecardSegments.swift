import SlantRules
import SlantText

/// Splitting a paragraph into runs of text covered by the same findings, so that
/// overlapping findings (a loaded word inside an unsourced claim) can each be shown.
///
/// Every finding start and end is a boundary; each run between two boundaries carries
/// the findings that cover it whole. Offsets are Unicode scalar offsets, so the text
/// is sliced by scalars (never by Character or UTF-16), which keeps emoji with
/// modifiers and combining marks exactly where the engine reported them.
struct ScorecardSegment: Sendable, Equatable {
    var span: TextSpan
    var text: String
    var findings: [Finding]

    var authorFamilies: [Family] { Array(Set(findings.filter { $0.voice == .author }.map(\.family))).sorted() }
    var quotedFamilies: [Family] { Array(Set(findings.filter { $0.voice == .quoted }.map(\.family))).sorted() }
}

enum ScorecardSegments {
    /// The runs of `span` (a paragraph) in `scalars` (the article text), in order; their
    /// texts joined are exactly the paragraph's text. Findings outside the span are
    /// clipped to it; empty findings cover nothing.
    static func split(_ span: TextSpan, findings: [Finding], scalars: [Unicode.Scalar]) -> [ScorecardSegment] {
        let lo = max(0, min(span.start, scalars.count)), hi = max(lo, min(span.end, scalars.count))
        let inside = findings.filter { !$0.span.isEmpty && $0.span.start < hi && $0.span.end > lo }
        var bounds = Set([lo, hi])
        for f in inside {
            bounds.insert(max(lo, f.span.start))
            bounds.insert(min(hi, f.span.end))
        }
        let sorted = bounds.sorted()
        var segments: [ScorecardSegment] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) where a < b {
            let covering = inside.filter { $0.span.start <= a && $0.span.end >= b }
            segments.append(ScorecardSegment(span: TextSpan(start: a, end: b),
                                             text: String(String.UnicodeScalarView(scalars[a..<b])), findings: covering))
        }
        return segments
    }
}
