import Foundation
import Testing

/// `slant score` run as a user would run it.
@Suite struct ScoreCLITests {
    static let families = ["loaded_language", "unsourced_claim", "scare_quote", "attribution"]

    func json(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))", sourceLocation: sourceLocation)
    }

    func articles(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["articles"] as? [[String: Any]])
    }

    func findings(_ article: [String: Any]) -> [[String: Any]] {
        (article["paragraphs"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    func scalars(_ s: String, _ start: Int, _ end: Int) -> String? {
        let a = Array(s.unicodeScalars)
        guard start >= 0, start <= end, end <= a.count else { return nil }
        return String(String.UnicodeScalarView(a[start..<end]))
    }

    func exampleText(_ name: String) throws -> String {
        try String(contentsOf: CLI.root.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    }

    // MARK: JSON

    @Test func jsonHasTheDocumentedShape() throws {
        let r = try CLI.run(["score", "Examples/opinion-column.md", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        let rubric = try #require(doc["rubric"] as? [String: Any])
        #expect(rubric["name"] as? String == "slant-default")
        #expect((rubric["version"] as? String)?.isEmpty == false)
        let sha = try #require(rubric["sha256"] as? String)
        #expect(sha.count == 64 && sha.allSatisfy { "0123456789abcdef".contains($0) }, "\(sha)")

        let list = try articles(doc)
        try #require(list.count == 1)
        let a = list[0]
        #expect(a["source"] as? String == "Examples/opinion-column.md")
        let asha = try #require(a["sha256"] as? String)
        #expect(asha.count == 64)
        #expect(asha != sha)
        #expect((a["title"] as? String)?.contains("Bridge Fiasco") == true, "\(a["title"] ?? "nil")")
        #expect((a["words"] as? Int ?? 0) > 100)
        let scores = try #require(a["scores"] as? [String: Any])
        for key in Self.families + ["editorializing"] { #expect(scores[key] is NSNumber, "scores.\(key)") }
        let index = try #require(scores["editorializing"] as? Double)
        #expect(index > 0 && index <= 100)

        let paragraphs = try #require(a["paragraphs"] as? [[String: Any]])
        #expect(!paragraphs.isEmpty)
        for (i, p) in paragraphs.enumerated() {
            #expect(p["index"] as? Int == i)
            for key in ["start", "end", "words"] { #expect(p[key] is Int, "paragraph.\(key)") }
            #expect(p["kind"] is String)
            #expect(p["flagged"] is Bool)
            let ps = try #require(p["scores"] as? [String: Any])
            for key in Self.families + ["editorializing"] { #expect(ps[key] is NSNumber, "paragraph.scores.\(key)") }
            let start = p["start"] as? Int ?? 0, end = p["end"] as? Int ?? 0
            for f in p["findings"] as? [[String: Any]] ?? [] {
                for key in ["rule", "family", "text", "message", "voice"] { #expect(f[key] is String, "finding.\(key)") }
                for key in ["start", "end"] { #expect(f[key] is Int, "finding.\(key)") }
                #expect(f["weight"] is NSNumber)
                #expect(["author", "quoted"].contains(f["voice"] as? String ?? ""))
                let fs = f["start"] as? Int ?? -1, fe = f["end"] as? Int ?? -1
                #expect(start <= fs && fs <= fe && fe <= end, "finding \(fs)..<\(fe) outside paragraph \(start)..<\(end)")
            }
        }
        #expect(paragraphs.contains { $0["flagged"] as? Bool == true })
        let families = Set(findings(a).compactMap { $0["family"] as? String })
        #expect(families.isSuperset(of: Self.families), "\(families)")
    }

    @Test func findingOffsetsAreCodePointsIntoThePlainText() throws {
        // Markdown: the plain text comes from `slant segment`, paragraph by paragraph.
        let seg = try CLI.run(["segment", "Examples/opinion-column.md", "--format", "json"])
        #expect(seg.status == 0)
        let segParagraphs = try #require(try json(seg.stdout)["paragraphs"] as? [[String: Any]])
        let r = try CLI.run(["score", "Examples/opinion-column.md", "--format", "json"])
        let a = try #require(try articles(json(r.stdout)).first)
        let paragraphs = try #require(a["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.count == segParagraphs.count)
        var checked = 0
        for (p, s) in zip(paragraphs, segParagraphs) {
            let start = try #require(s["start"] as? Int)
            let text = try #require(s["text"] as? String)
            #expect(p["start"] as? Int == start)
            #expect(p["end"] as? Int == s["end"] as? Int)
            for f in p["findings"] as? [[String: Any]] ?? [] {
                let fs = try #require(f["start"] as? Int), fe = try #require(f["end"] as? Int)
                #expect(scalars(text, fs - start, fe - start) == f["text"] as? String, "\(f["rule"] ?? "") at \(fs)..<\(fe)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    @Test(arguments: ["wire-report.txt", "international-brief.txt"])
    func findingOffsetsIndexThePlainTextFile(_ name: String) throws {
        let text = try exampleText(name)
        let r = try CLI.run(["score", "Examples/\(name)", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try articles(json(r.stdout)).first)
        let list = findings(a)
        #expect(!list.isEmpty)
        for f in list {
            let fs = try #require(f["start"] as? Int), fe = try #require(f["end"] as? Int)
            #expect(scalars(text, fs, fe) == f["text"] as? String, "\(f["rule"] ?? "") at \(fs)..<\(fe)")
        }
        for p in a["paragraphs"] as? [[String: Any]] ?? [] {
            let ps = try #require(p["start"] as? Int), pe = try #require(p["end"] as? Int)
            #expect(scalars(text, ps, pe) != nil)
        }
    }

    // MARK: JSON lines and several inputs

    @Test func jsonlIsOneObjectPerArticleInInputOrder() throws {
        let inputs = ["Examples/wire-report.txt", "Examples/opinion-column.md", "Examples/international-brief.txt"]
        let r = try CLI.run(["score"] + inputs + ["--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.count == 3, "\(lines.count) lines")
        var sources: [String] = []
        for line in lines {
            let object = try json(line)
            sources.append(object["source"] as? String ?? "?")
            #expect(object["scores"] is [String: Any])
            #expect(object["paragraphs"] is [[String: Any]])
            #expect(object["articles"] == nil, "jsonl lines are articles, not documents")
        }
        #expect(sources == inputs)
        #expect(r.stdout.hasSuffix("\n"))
    }

    @Test func directoryScoresEveryArticle() throws {
        let r = try CLI.run(["score", "Examples/", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let sources = try r.stdout.split(separator: "\n").map { try json(String($0))["source"] as? String ?? "?" }
        let names = sources.map { ($0 as NSString).lastPathComponent }
        #expect(Set(names) == ["international-brief.txt", "opinion-column.md", "scraped-page.html", "wire-report.txt"], "\(sources)")
        #expect(names.count == 4, "README.md is not an article")
        #expect(names == names.sorted(), "directory contents are scored in sorted order")
    }

    // MARK: exit status

    @Test func failOnExitsOneWhenAnArticleReachesIt() throws {
        let opinion = try CLI.run(["score", "Examples/opinion-column.md", "--fail-on", "50"])
        #expect(opinion.status == 1, "\(opinion.stderr)")
        #expect(!opinion.stdout.isEmpty, "the report is still printed")
        let wire = try CLI.run(["score", "Examples/wire-report.txt", "--fail-on", "50"])
        #expect(wire.status == 0, "\(wire.stderr)")
        let both = try CLI.run(["score", "Examples/wire-report.txt", "Examples/opinion-column.md", "--fail-on", "50"])
        #expect(both.status == 1)
    }

    @Test func failOnMatchesTheReportedIndex() throws {
        let r = try CLI.run(["score", "Examples/opinion-column.md", "--format", "json"])
        let a = try #require(try articles(json(r.stdout)).first)
        let index = try #require((a["scores"] as? [String: Any])?["editorializing"] as? Double)
        try #require(index >= 1 && index <= 99, "\(index)")
        // At the index: fails. Just above it: passes.
        let at = try CLI.run(["score", "Examples/opinion-column.md", "--fail-on", String(index), "--format", "jsonl"])
        #expect(at.status == 1)
        let above = try CLI.run(["score", "Examples/opinion-column.md", "--fail-on", String(index + 0.5), "--format", "jsonl"])
        #expect(above.status == 0)
    }

    @Test func failOnOutOfRangeIsAUsageError() throws {
        let r = try CLI.run(["score", "Examples/wire-report.txt", "--fail-on", "150"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--fail-on"))
    }

    @Test func missingFileIsReportedAndTheRestScored() throws {
        let missing = "/nonexistent/slant-missing-article.txt"
        let r = try CLI.run(["score", "Examples/wire-report.txt", missing, "Examples/international-brief.txt", "--format", "jsonl"])
        #expect(r.status == 2)
        let errorLines = r.stderr.split(separator: "\n")
        #expect(errorLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(missing))
        let sources = try r.stdout.split(separator: "\n").map { try json(String($0))["source"] as? String ?? "?" }
        #expect(sources == ["Examples/wire-report.txt", "Examples/international-brief.txt"])
    }

    @Test func unreadableFileAmongGoodOnesExitsTwo() throws {
        let bad = try CLI.tempFile("bad.txt", [0x61, 0x62, 0xFF, 0x63])
        let r = try CLI.run(["score", bad, "Examples/wire-report.txt", "--format", "jsonl"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(bad))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test func missingRubricIsOneLineAndExitTwo() throws {
        let r = try CLI.run(["score", "Examples/wire-report.txt", "--rubric", "/nonexistent"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent"))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func noFilesIsAUsageError() throws {
        let r = try CLI.run(["score"])
        #expect(r.status == 2)
        #expect(!r.stderr.isEmpty)
        #expect(r.stdout.isEmpty)
    }

    // MARK: other formats

    @Test func markdownHasATable() throws {
        let r = try CLI.run(["score", "Examples/opinion-column.md", "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("|") && $0.contains("family") }, "no table header in:\n\(r.stdout)")
        try #require(header + 1 < lines.count)
        #expect(lines[header + 1].hasPrefix("|") && lines[header + 1].contains("---"), "no separator row: \(lines[header + 1])")
        for family in Self.families {
            #expect(lines.contains { $0.hasPrefix("| \(family) |") }, "no row for \(family)")
        }
        #expect(r.stdout.hasPrefix("## "))
    }

    @Test func textHasFileLineColumnAndNoColour() throws {
        let r = try CLI.run(["score", "Examples/opinion-column.md"], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))
        let located = r.stdout.split(separator: "\n").filter { line in
            guard line.hasPrefix("Examples/opinion-column.md:") else { return false }
            let parts = line.split(separator: ":", maxSplits: 3)
            return parts.count >= 3 && Int(parts[1]) != nil && Int(parts[2].prefix { $0 != " " }) != nil
        }
        #expect(located.count > 10, "\(r.stdout.prefix(400))")
    }

    @Test func textPositionsMatchTheJSONOffsets() throws {
        // For a .txt file the plain text is the file, so line and column can be worked out here.
        let text = try exampleText("wire-report.txt")
        let json = try CLI.run(["score", "Examples/wire-report.txt", "--format", "json"])
        let a = try #require(try articles(self.json(json.stdout)).first)
        let scalarsOfText = Array(text.unicodeScalars)
        var expected: [String] = []
        for f in findings(a) {
            let start = try #require(f["start"] as? Int)
            var line = 1, col = 1
            for s in scalarsOfText[0..<start] { if s == "\n" { line += 1; col = 1 } else { col += 1 } }
            expected.append("\(line):\(col) \(f["family"] as? String ?? "") \(f["rule"] as? String ?? "")")
        }
        let r = try CLI.run(["score", "Examples/wire-report.txt"])
        let prefix = "Examples/wire-report.txt:"
        let got = r.stdout.split(separator: "\n").filter { $0.hasPrefix(prefix) && ($0.dropFirst(prefix.count).first?.isNumber ?? false) }.map { line -> String in
            let rest = line.dropFirst(prefix.count).split(separator: " ")
            return rest.prefix(3).joined(separator: " ")
        }
        #expect(!expected.isEmpty)
        #expect(got.sorted() == expected.sorted())
    }

    @Test func stdinWithDash() throws {
        let input = "The council’s disastrous plan was approved on Tuesday, and its ‘experts’ cheered."
        let r = try CLI.run(["score", "-", "--format", "json"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try articles(json(r.stdout)).first)
        #expect(a["source"] as? String == "-")
        let list = findings(a)
        #expect(list.contains { $0["text"] as? String == "disastrous" && $0["family"] as? String == "loaded_language" })
        #expect(list.contains { $0["text"] as? String == "‘experts’" && $0["family"] as? String == "scare_quote" })
        for f in list {
            let fs = try #require(f["start"] as? Int), fe = try #require(f["end"] as? Int)
            #expect(scalars(input, fs, fe) == f["text"] as? String)
        }
    }
}
