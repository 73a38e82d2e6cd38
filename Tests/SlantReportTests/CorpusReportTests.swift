import Foundation
import Testing
@testable import SlantReport
@testable import SlantRules
import SlantText

/// Corpus reports: ordering, distribution and every format.
@Suite struct CorpusReportTests {
    func row(_ source: String, title: String?, loaded: Int) -> CorpusRow {
        var text = (title.map { $0 + "\n\n" } ?? "") + "The council met on Tuesday to discuss the budget for the coming year, officials said."
        var hands: [Fixture.Hand] = []
        if loaded > 0 {
            text += "\n\nA " + Array(repeating: "shameful", count: loaded).joined(separator: " and ") + " plan."
            var from = 0
            for _ in 0..<loaded {
                hands.append(.init(text: "shameful", family: .loadedLanguage, from: from))
                from = Fixture.span(of: "shameful", in: text, from: from).end
            }
        }
        let scored = Fixture.scored(text, source: source, findings: hands)
        return CorpusRow(scored, bands: ScorecardBand.bands(for: Fixture.rubric.scoring))
    }

    func report() -> CorpusReport {
        var loaded = row("a.txt", title: "Loaded news", loaded: 3)
        loaded.title = "Loaded\nnews" // a title can hold anything a file name or <title> can
        return CorpusReport(rows: [row("b.txt", title: "Calm, \"quoted\" title", loaded: 0), loaded,
                                   row("c.txt", title: nil, loaded: 1)],
                     rubric: Fixture.rubric, slantVersion: "9.9.9", failures: ["x.txt: no such file"])
    }

    @Test func rowsAreSortedByIndexDescending() {
        let r = report()
        #expect(r.rows.map(\.source) == ["a.txt", "c.txt", "b.txt"])
        #expect(r.rows.map(\.index) == r.rows.map(\.index).sorted(by: >))
        #expect(r.bandCounts.map(\.articles).reduce(0, +) == 3)
        #expect(r.words == r.rows.map(\.words).reduce(0, +))
    }

    @Test func medianAndMeanOverTheArticles() throws {
        let r = report()
        let sorted = r.rows.map(\.index).sorted()
        #expect(r.median == sorted[1])
        #expect(abs(try #require(r.mean) - sorted.reduce(0, +) / 3) < 1e-9)
        var even = r
        even.rows.removeLast()
        #expect(even.median == (even.rows[0].index + even.rows[1].index) / 2)
        let empty = CorpusReport(rows: [], rubric: Fixture.rubric, slantVersion: "x")
        #expect(empty.median == nil && empty.mean == nil)
        #expect(CorpusText.render(empty).contains("index: no articles"))
    }

    @Test func csvQuotesFieldsPerRFC4180() throws {
        #expect(CorpusCSV.field("plain") == "plain")
        #expect(CorpusCSV.field("a,b") == "\"a,b\"")
        #expect(CorpusCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CorpusCSV.field("two\nlines") == "\"two\nlines\"")
        // Article text that starts like a formula is kept as text (CSV injection).
        #expect(CorpusCSV.text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(CorpusCSV.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CorpusCSV.text("-2+3") == "'-2+3")
        #expect(CorpusCSV.text("Bridge closes") == "Bridge closes")
        let csv = CorpusCSV.render(report())
        #expect(csv.hasSuffix("\r\n"))
        let records = try parseCSV(csv)
        #expect(records[0] == CorpusCSV.header)
        #expect(records.allSatisfy { $0.count == CorpusCSV.header.count }, "\(records)")
        #expect(records[1][2] == "a.txt" && records[1][3] == "Loaded\nnews")
        #expect(records[3][3] == "Calm, \"quoted\" title")
        #expect(records.last?[0] == "total")
        #expect(records.count == 5)
    }

    @Test func jsonCarriesRowsAndTotals() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CorpusJSON.render(report()).utf8)) as? [String: Any])
        #expect(json["format"] as? String == "slant-corpus")
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.map { $0["source"] as? String } == ["a.txt", "c.txt", "b.txt"])
        #expect(articles[0]["density"] is [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["articles"] as? Int == 3)
        #expect((totals["bands"] as? [String: Int])?.values.reduce(0, +) == 3)
        #expect(totals["median"] is NSNumber)
        #expect(json["failures"] as? [String] == ["x.txt: no such file"])
    }

    @Test func textAndHTMLShowEveryArticleEscaped() {
        var r = report()
        r.rows[0].title = "<script>alert(1)</script>"
        let text = CorpusText.render(r)
        #expect(text.contains("Corpus: 3 articles"))
        #expect(text.contains("bands: neutral"))
        let html = CorpusHTML.render(r)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<meta name=\"viewport\""))
        for s in ["a.txt", "b.txt", "c.txt"] { #expect(html.contains(s)) }
    }

    /// A small RFC 4180 reader: quoted fields, doubled quotes, records ended by CRLF only.
    func parseCSV(_ s: String) throws -> [[String]] {
        let cs = Array(s.unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = "", i = 0, quoted = false
        while i < cs.count {
            let c = cs[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < cs.count && cs[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    quoted = false
                } else {
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r" where i + 1 < cs.count && cs[i + 1] == "\n":
                record.append(field); records.append(record); record = []; field = ""; i += 1
            default: field.unicodeScalars.append(c)
            }
            i += 1
        }
        #expect(field.isEmpty && record.isEmpty, "the last record ends with CRLF")
        return records
    }
}
