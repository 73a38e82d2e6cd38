import Foundation
import SlantRules
import SlantStore
import SlantText

/// Shared fixtures: a fresh database path, the bundled rubric, and scoring a text.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func tempDB() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("test.sqlite").path
    }

    static let rubric: Rubric = try! RubricLoader.load(path: root.appendingPathComponent("Rubrics").path)
    static let engine = Engine(rubric: rubric)

    static func score(_ text: String, key: String = "article.txt", engine: Engine = engine) -> ScoredArticle {
        engine.score(Article(source: key, text: text))
    }

    static let article = """
    Council approves bridge plan

    The council approved the Harlow bridge plan on Tuesday. Critics called it a disastrous waste of money, and the mayor slammed them.

    "We will rebuild," said the mayor, Dana Whitlock. Sources say the cost has doubled since 2019.

    Residents 👍🏽 welcomed the 「new」 crossing, officials said.
    """

    @discardableResult
    static func save(_ store: SQLiteStore, _ text: String, key: String = "article.txt", rubric: Rubric = rubric) throws -> SaveOutcome {
        try store.save([(key, score(text, key: key, engine: Engine(rubric: rubric)))], rubric: RubricIdentity(rubric), slantVersion: "test")[0]
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }
}
