import Foundation
import SlantRules
import SlantStore
import SlantText

/// Store throughput: saving scored runs for `articleCount` articles in one transaction,
/// then `noteCount` notes, each its own transaction as `slant annotate` writes them.
func storeBenchmark(engine: Engine, articles: [String], articleCount: Int = 1_000, noteCount: Int = 10_000) -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-store-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
        let store = try SQLiteStore.open(path: dir.appendingPathComponent("bench.sqlite").path, create: true)
        let scored = (0..<min(articleCount, articles.count)).map { engine.score(Article(source: "bench/\($0)", text: articles[$0])) }
        let rows = scored.reduce(0) { $0 + 3 + $1.findings.count + $1.paragraphs.count } // document, revision, run + findings + paragraphs
        var start = DispatchTime.now().uptimeNanoseconds
        _ = try store.save(scored.map { (key: $0.article.source, scored: $0) }, rubric: RubricIdentity(engine.rubric), slantVersion: "bench")
        let saveSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<noteCount {
            // Ten reviewers on every document: each note is a new row.
            _ = try store.saveNote(NoteDraft(documentKey: "bench/\(i % scored.count)", reviewer: "reviewer \(i / scored.count)",
                                             target: .paragraph(0), verdict: .agree, text: "bench note \(i)"))
        }
        let noteSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try store.close()
        return [
            "| store: save scored runs of \(scored.count) articles (one transaction, \(rows) rows) | \(String(format: "%.0f", Double(rows) / saveSeconds)) rows/s |",
            "| store: write \(noteCount) notes (one transaction each, as `slant annotate`) | \(String(format: "%.0f", Double(noteCount) / noteSeconds)) notes/s |",
        ]
    } catch {
        return ["| store benchmark | failed: \(error) |"]
    }
}
