import Foundation
import SlantRules
import SlantStore

/// `slant score --save`: records scored articles in one transaction and tells the
/// reviewer, on stderr, what was new (stdout stays the score report).
enum StoreSaving {
    static func save(_ scored: [ScoredArticle], rubric: Rubric, db: String?, key: String?) throws {
        if key != nil && scored.count != 1 { throw CLIError("--key names one document; it cannot be used with \(scored.count) articles") }
        if key == nil, scored.contains(where: { $0.article.source == "-" }) {
            throw CLIError("--save with standard input needs --key NAME for the document")
        }
        let store = try StoreOptions.open(db, create: true)
        let outcomes = try store.save(scored.map { (key ?? $0.article.source, $0) }, rubric: RubricIdentity(rubric), slantVersion: SlantCommand.version)
        for o in outcomes {
            var line = "saved \(o.key): revision \(o.revisionId)\(o.newRevision ? " (new)" : ""), run \(o.runId)"
            line += o.newRun ? " (new, \(o.findings) findings)" : " (already scored with this rubric)"
            if !o.reanchored.isEmpty {
                line += "; notes re-anchored: " + AnchorStatus.allCases.compactMap { s in o.reanchored[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
