import Foundation
import Testing

/// `make eval`'s target table (scripts/eval-table.py) read from the real `slant eval`
/// output: a figure under its target must show as not met, and a file that was not
/// evaluated must not count as met.
@Suite struct EvalTableTests {
    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func table(for evalOutput: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python!)
        p.arguments = [CLI.root.appendingPathComponent("scripts/eval-table.py").path]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(evalOutput.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: EvalTableTests.python != nil))
    func unmetAndMissingTargetsAreReported() throws {
        // Two attributed paragraphs, one not: the engine finds "said" but not the bare paragraph.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-evaltable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gold = dir.appendingPathComponent("polnear-dev.jsonl")
        let units = [
            #"{"id":"1","text":"The mayor said the bridge would close.","labels":["attributed"],"spans":[{"start":10,"end":14,"label":"cue","text":"said"}]}"#,
            #"{"id":"2","text":"Officials told reporters the ferry was late.","labels":["attributed"],"spans":[{"start":10,"end":14,"label":"cue","text":"told"}]}"#,
            #"{"id":"3","text":"The ferry was late again on Monday.","labels":["attributed"],"spans":[{"start":10,"end":13,"label":"cue","text":"was"}]}"#,
            #"{"id":"4","text":"The bridge is closed.","labels":[],"spans":[]}"#,
        ]
        try (units.joined(separator: "\n") + "\n").write(to: gold, atomically: true, encoding: .utf8)
        let eval = try CLI.run(["eval", gold.path])
        #expect(eval.status == 0, "\(eval.stderr)")
        let table = try table(for: eval.stdout)
        let attributed = try #require(table.split(separator: "\n").first { $0.hasPrefix("| polnear-dev | attributed |") })
        // Recall 2/3 on "attributed" and 2/3 on cues: F1 0.8 is under 0.85, so not met.
        #expect(attributed.hasSuffix("| NO |"), "\(table)")
        #expect(table.contains("| semeval23-train | loaded_language | F1 | (file not evaluated) |"))
        #expect(table.contains("targets not met: polnear-dev attributed"))
    }
}
