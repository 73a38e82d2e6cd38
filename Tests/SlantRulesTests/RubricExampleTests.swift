import Foundation
import Testing
import SlantRules

/// Runs every example of every rule in the bundled Rubrics/ folder: one test case per rule,
/// so a failing rule is named in the test output.
@Suite struct RubricExampleTests {
    static let rubricDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rubrics").path

    static let engine: Engine = {
        do { return Engine(rubric: try RubricLoader.load(path: rubricDir)) }
        catch { fatalError("bundled rubric does not load: \(error)") }
    }()

    static var ruleIDs: [String] { engine.rubric.rules.map(\.id) }

    @Test(arguments: ruleIDs)
    func ruleExamplesPass(_ id: String) {
        let report = ExampleRunner.run(Self.engine, only: id)
        #expect(report.examples > 0)
        for failure in report.failures { Issue.record("\(failure)") }
        #expect(report.rulesWithoutExamples.isEmpty, "rule has no triggering examples")
    }

    @Test func bundledRubricLoadsWithoutWarnings() throws {
        let rubric = try RubricLoader.load(path: Self.rubricDir)
        #expect(rubric.warnings.isEmpty, "\(rubric.warnings)")
        #expect(rubric.sha256.count == 64)
        #expect(Set(rubric.rules.map(\.family)).isSuperset(of: [.loadedLanguage, .unsourcedClaim, .scareQuote, .attribution]))
    }
}
