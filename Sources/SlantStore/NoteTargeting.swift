/// Turning what a reviewer names (`--paragraph 3`, `--finding 42`, `--quote "…"`) into
/// the span, selector and target fields stored with a note. Pure, so every store
/// backend resolves targets the same way.
public struct ResolvedTarget: Sendable, Hashable {
    public var kind: TargetKind
    public var rule: String?
    public var start: Int
    public var end: Int
    public var paragraph: Int?
    public var selector: QuoteSelector
    /// How often a quote occurs (the first occurrence is used).
    public var occurrences: Int = 1
}

public enum NoteTargeting {
    public static func resolve(_ target: NoteTarget, in state: DocumentState) throws -> ResolvedTarget {
        let key = state.document.key
        let text = Array(state.revision.text.unicodeScalars)
        switch target {
        case .paragraph(let index):
            guard state.run != nil else { throw StoreError.notScored(key: key) }
            guard let p = state.paragraphs.first(where: { $0.paragraph == index }) else {
                throw StoreError.paragraphOutOfRange(index: index, count: state.paragraphs.count, key: key)
            }
            return ResolvedTarget(kind: .paragraph, rule: nil, start: p.start, end: p.end, paragraph: index,
                                  selector: QuoteSelectors.make(text: text, start: p.start, end: p.end))
        case .finding(let id):
            guard state.run != nil else { throw StoreError.notScored(key: key) }
            guard let f = state.findings.first(where: { $0.id == id }) else { throw StoreError.unknownFinding(id: id, key: key) }
            return ResolvedTarget(kind: .finding, rule: f.rule, start: f.start, end: f.end, paragraph: f.paragraph,
                                  selector: QuoteSelectors.make(text: text, start: f.start, end: f.end))
        case .quote(let quote):
            let needle = Array(quote.unicodeScalars)
            let found = Anchoring.find(needle, in: text)
            guard let start = found.first, !needle.isEmpty else { throw StoreError.quoteNotFound(quote: quote, key: key) }
            let end = start + needle.count
            return ResolvedTarget(kind: .quote, rule: nil, start: start, end: end, paragraph: state.paragraph(at: start)?.paragraph,
                                  selector: QuoteSelectors.make(text: text, start: start, end: end), occurrences: found.count)
        }
    }

}
