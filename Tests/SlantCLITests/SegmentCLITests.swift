import Foundation
import Testing

@Suite struct SegmentCLITests {
    @Test func segmentJSONHasTheDocumentedShape() throws {
        let r = try CLI.run(["segment", "Examples/wire-report.txt", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let paragraphs = json["paragraphs"] as! [[String: Any]]
        #expect(paragraphs.count >= 7)
        let p = paragraphs[2]
        for key in ["index", "start", "end", "kind", "text", "sentences", "quotes"] { #expect(p[key] != nil, "missing \(key)") }
        let q = (p["quotes"] as! [[String: Any]])[0]
        for key in ["start", "end", "text", "words", "reported"] { #expect(q[key] != nil, "missing \(key)") }
        #expect(paragraphs[0]["kind"] as? String == "heading")
    }

    @Test func segmentOffsetsAreCodePointsIntoTheText() throws {
        let r = try CLI.run(["segment", "Examples/international-brief.txt", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let article = try String(contentsOf: CLI.root.appendingPathComponent("Examples/international-brief.txt"), encoding: .utf8)
        let scalars = Array(article.unicodeScalars)
        for p in json["paragraphs"] as! [[String: Any]] {
            let start = p["start"] as! Int, end = p["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == p["text"] as! String)
        }
    }

    @Test func stdinWithDash() throws {
        let r = try CLI.run(["segment", "-", "--format", "json"], stdin: "Hello there. “Quoted,” she said.")
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"reported\": true"))
    }

    @Test func textFormatShowsKindsAndQuotes() throws {
        let r = try CLI.run(["segment", "Examples/scraped-page.html"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[boilerplate]"))
        #expect(r.stdout.contains("[heading]"))
        #expect(!r.stdout.contains("<script"))
    }

    @Test(arguments: [
        ("missing", "no such file"),
        ("dir", "is a directory"),
        ("binary", "binary file"),
        ("badutf8", "invalid UTF-8 at byte 3"),
    ])
    func badInputIsOneLineAndExit2(kind: String, message: String) throws {
        let path: String
        switch kind {
        case "missing": path = "/nonexistent/article.txt"
        case "dir": path = FileManager.default.temporaryDirectory.path
        case "binary": path = try CLI.tempFile("a.bin", [0, 1, 2, 0, 255])
        default: path = try CLI.tempFile("bad.txt", [0x61, 0x62, 0x63, 0xFF, 0x64])
        }
        let r = try CLI.run(["segment", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(path))
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func usageErrorExits2() throws {
        let r = try CLI.run(["segment", "Examples/wire-report.txt", "--format", "yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("yaml"))
    }

    @Test func helpExitsZero() throws {
        let r = try CLI.run(["segment", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }
}
