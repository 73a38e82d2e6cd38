import Foundation
import SlantStore

/// How notes look in `slant notes`, `annotate` and `review`: one headline, then the
/// reviewer's text exactly as written, each line indented.
enum NoteFormatting {
    static func headline(_ v: NoteView) -> String {
        let n = v.note
        var target: String
        switch n.targetKind {
        case .paragraph: target = "¶\(n.paragraph.map(String.init) ?? "?")"
        case .finding: target = "¶\(n.paragraph.map(String.init) ?? "?") finding \(n.targetRule ?? "?")"
        case .quote: target = "¶\(n.paragraph.map(String.init) ?? "?") quote"
        }
        target += " «\(excerpt(n.quoteExact))»"
        var line = "\(v.documentKey) \(target) — \(v.reviewer): \(n.verdict?.rawValue ?? "comment")"
        if let l = n.label { line += " [\(l)]" }
        line += " " + anchorText(v.anchor)
        return line
    }

    static func anchorText(_ a: NoteAnchor?) -> String {
        guard let a else { return "(not anchored in the current revision)" }
        guard let s = a.start, let e = a.end, a.status != .orphaned else {
            return "(orphaned: the text is no longer in the current revision)"
        }
        return "(\(a.status.rawValue) \(s)..<\(e))"
    }

    static func text(_ views: [NoteView]) -> String {
        var out = ""
        for v in views {
            out += "#\(v.note.id ?? 0) " + headline(v) + "  \(v.note.updated)\n"
            if !v.note.text.isEmpty {
                out += v.note.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 + "\n" }.joined()
            }
        }
        let orphaned = views.filter { $0.anchor?.status == .orphaned }.count
        out += "\(views.count) note\(views.count == 1 ? "" : "s")" + (orphaned > 0 ? ", \(orphaned) orphaned" : "") + "\n"
        return out
    }

    /// The JSON form of `slant notes --format json`.
    struct JSONNote: Encodable {
        var id: Int64?
        var uid: String
        var document: String
        var revision: String
        var reviewer: String
        var target: ArchivedTarget
        var verdict: Verdict?
        var label: String?
        var text: String
        var created: String
        var updated: String
        var quote: QuoteSelector
        var position: [String: Int]
        var anchor: Anchor?
        struct Anchor: Encodable { var status: AnchorStatus; var start: Int?; var end: Int? }
    }

    static func json(_ views: [NoteView]) -> String {
        let notes = views.map { v in
            JSONNote(id: v.note.id, uid: v.note.uid, document: v.documentKey, revision: v.revisionSha256, reviewer: v.reviewer,
                     target: ArchivedTarget(kind: v.note.targetKind, rule: v.note.targetRule, start: v.note.targetStart,
                                            end: v.note.targetEnd, paragraph: v.note.paragraph),
                     verdict: v.note.verdict, label: v.note.label, text: v.note.text, created: v.note.created, updated: v.note.updated,
                     quote: v.note.selector, position: ["start": v.note.start, "end": v.note.end],
                     anchor: v.anchor.map { JSONNote.Anchor(status: $0.status, start: $0.start, end: $0.end) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(notes), as: UTF8.self) + "\n"
    }

    /// At most 40 characters of a quote, on one line.
    static func excerpt(_ s: String, limit: Int = 40) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
