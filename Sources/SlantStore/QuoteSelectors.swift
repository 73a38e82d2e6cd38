/// Building quote selectors from a text and a span, in code points.
public enum QuoteSelectors {
    /// Characters of context kept either side of the annotated text: enough to tell
    /// repeated phrases apart, short enough to survive nearby edits.
    public static let contextLength = 32

    public static func make(text: [Unicode.Scalar], start: Int, end: Int) -> QuoteSelector {
        let s = max(0, min(start, text.count)), e = max(s, min(end, text.count))
        return QuoteSelector(exact: string(text[s..<e]),
                             prefix: string(text[max(0, s - contextLength)..<s]),
                             suffix: string(text[e..<min(text.count, e + contextLength)]))
    }

    public static func make(text: String, start: Int, end: Int) -> QuoteSelector {
        make(text: Array(text.unicodeScalars), start: start, end: end)
    }

    public static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
