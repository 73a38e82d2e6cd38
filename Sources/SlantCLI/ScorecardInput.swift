import Foundation
import SlantStore
import SlantText

/// Finding the article a scorecard is about: a file on disk first (what the user most
/// likely means), else a document in the store by key.
enum ScorecardInput {
    static func article(_ input: String, lossy: Bool, store: SQLiteStore?, storePath: String) throws -> Article {
        if input == "-" || FileManager.default.fileExists(atPath: input) {
            do {
                return try ArticleReader.read(path: input, lossy: lossy)
            } catch SlantTextError.isDirectory(let path) {
                throw CLIError("\(path): is a directory; use --corpus to report on many articles")
            }
        }
        if let store, let state = try store.state(key: input) {
            // The stored text is already plain (markup stripped when it was saved).
            return Article(source: input, text: state.revision.text)
        }
        if store != nil {
            throw CLIError("\(input): no such file, and no document with this key in \(storePath)")
        }
        throw SlantTextError.fileNotFound(path: input)
    }
}
