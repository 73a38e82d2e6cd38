import SlantStore

/// What `slant review` walks: each flagged paragraph followed by its findings, then the
/// author-voice findings elsewhere. Items this reviewer already judged in the current
/// revision are marked, so a session resumes where the last one stopped.
struct ReviewItem: Sendable {
    enum Kind: Sendable { case paragraph(ParagraphScoreRow), finding(StoredFinding) }
    var kind: Kind
    var judged: Bool

    var target: NoteTarget {
        switch kind {
        case .paragraph(let p): return .paragraph(p.paragraph)
        case .finding(let f): return .finding(f.id ?? 0)
        }
    }

    /// Identifies the item by what a note stores, so notes from earlier sessions match.
    var key: String {
        switch kind {
        case .paragraph(let p): return "p:\(p.start):\(p.end)"
        case .finding(let f): return "f:\(f.rule):\(f.start):\(f.end)"
        }
    }

    static func key(of note: NoteView) -> String? {
        guard let a = note.anchor, a.status != .orphaned, let s = a.start, let e = a.end else { return nil }
        switch note.note.targetKind {
        case .paragraph: return "p:\(s):\(e)"
        case .finding: return "f:\(note.note.targetRule ?? ""):\(s):\(e)"
        case .quote: return nil
        }
    }

    static func build(_ state: DocumentState, notes: [NoteView]) -> [ReviewItem] {
        let judged = Set(notes.filter { $0.note.verdict != nil }.compactMap(key(of:)))
        var items: [ReviewItem] = []
        var covered = Set<Int>()
        for p in state.paragraphs where p.flagged {
            covered.insert(p.paragraph)
            items.append(ReviewItem(kind: .paragraph(p), judged: false))
            for f in state.findings where f.paragraph == p.paragraph && f.voice == "author" {
                items.append(ReviewItem(kind: .finding(f), judged: false))
            }
        }
        for f in state.findings where !covered.contains(f.paragraph) && f.voice == "author" && f.weight > 0 {
            items.append(ReviewItem(kind: .finding(f), judged: false))
        }
        return items.map { var i = $0; i.judged = judged.contains(i.key); return i }
    }
}
