import Foundation
import SlantReport
import SlantRules
import SlantStore
import SlantText

/// The reviewer notes a scorecard shows: the document's notes from the annotation
/// store, placed on the text being scored.
///
/// The store anchors notes to the document's current revision. When the scored text
/// is that revision, those anchors are used as they are; when the file has changed
/// since it was saved, each note is re-anchored onto the new text with the store's own
/// `Anchoring` (exact, moved, fuzzy or orphaned), in memory: the scorecard never writes
/// to the store, and never creates one.
enum ScorecardReviews {
    /// Where the store is, and whether the user named it (a missing named store is an error).
    struct Location {
        var path: String
        var explicit: Bool
        var exists: Bool { FileManager.default.fileExists(atPath: path) }

        init(db: String?) {
            path = StoreOptions.path(db)
            explicit = db.map { !$0.isEmpty } ?? false
        }
    }

    /// Opens the store only if it exists; nil when there is none (and none was named).
    static func open(_ location: Location) throws -> SQLiteStore? {
        guard location.exists else {
            if location.explicit { throw StoreError.missing(path: location.path) }
            return nil
        }
        return try SQLiteStore.open(path: location.path, create: false, busyTimeout: StoreOptions.busyTimeout)
    }

    static func notes(for article: Article, key: String?, store: SQLiteStore?) throws -> ScorecardReviewSource {
        guard let store else { return .unavailable("no annotation store") }
        guard let key else { return .unavailable("standard input has no document key; pass --key") }
        guard let state = try store.state(key: key) else { return .unavailable("not in the annotation store") }
        let views = try store.notes(documentKey: key, reviewer: nil)
        let sameText = state.revision.text == article.text
        var scalars: [Unicode.Scalar]?
        return .store(views.map { view in
            let n = view.note
            var status = view.anchor?.status ?? .orphaned
            var span = textSpan(view.anchor?.start, view.anchor?.end)
            if !sameText || view.anchor == nil {
                if scalars == nil { scalars = Array(article.text.unicodeScalars) }
                let r = Anchoring.reanchor(n.selector, from: span?.start ?? n.start, span?.end ?? n.end, in: scalars ?? [])
                status = r.status
                span = textSpan(r.start, r.end)
            }
            if status == .orphaned { span = nil }
            return ScorecardNote(uid: n.uid, reviewer: view.reviewer, verdict: n.verdict.flatMap { ScorecardNote.Verdict(rawValue: $0.rawValue) },
                                 label: n.label, text: n.text, target: ScorecardNote.Target(rawValue: n.targetKind.rawValue) ?? .quote,
                                 rule: n.targetRule, quote: n.quoteExact, span: span,
                                 anchor: ScorecardNote.Anchor(rawValue: status.rawValue) ?? .orphaned)
        })
    }

    static func textSpan(_ start: Int?, _ end: Int?) -> TextSpan? {
        guard let start, let end, start >= 0 else { return nil }
        return TextSpan(start: start, end: max(start, end))
    }
}
