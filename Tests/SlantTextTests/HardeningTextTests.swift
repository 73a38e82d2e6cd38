import Foundation
import Testing
@testable import SlantText

/// Issue #7, the text model: the bounds that keep time and memory proportional to the
/// input (paragraph length, quotation depth, file size), reading from pipes, and the
/// inputs libFuzzer found or that were kept as regressions (Fuzz/Regressions/text).
@Suite struct HardeningTextTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The invariants the FuzzText target checks: spans inside the text, in order, nested properly.
    static func checkInvariants(_ a: Article, sourceLocation: SourceLocation = #_sourceLocation) {
        let length = a.length
        #expect(length == a.text.unicodeScalars.count, sourceLocation: sourceLocation)
        var previousEnd = 0
        for (i, p) in a.paragraphs.enumerated() {
            #expect(p.index == i, sourceLocation: sourceLocation)
            #expect(p.span.start >= previousEnd && p.span.end <= length && !p.span.isEmpty, "paragraph \(i) \(p.span)", sourceLocation: sourceLocation)
            #expect(p.span.length <= Segmenter.maxParagraphLength, sourceLocation: sourceLocation)
            previousEnd = p.span.end
            for s in p.sentences where !p.span.contains(s.span) { Issue.record("sentence \(s.span) outside \(p.span)", sourceLocation: sourceLocation) }
            for t in p.tokens where !p.span.contains(t.span) || t.span.isEmpty { Issue.record("token \(t.span) outside \(p.span)", sourceLocation: sourceLocation) }
            for q in p.quotes where !(p.span.contains(q.span) && q.span.contains(q.inner)) { Issue.record("quote \(q.span) outside \(p.span)", sourceLocation: sourceLocation) }
            #expect(p.quotes.allSatisfy { $0.depth < 8 }, sourceLocation: sourceLocation)
        }
    }

    // MARK: long paragraphs

    @Test func aLongParagraphIsCutAtSentenceEndsWithOffsetsUnchanged() throws {
        let sentence = "Officials said the “plan” would cost 5 million dollars. "
        let text = String(repeating: sentence, count: 400)  // 22,800 code points, one paragraph
        let article = Article(text: text)
        Self.checkInvariants(article)
        #expect(article.paragraphs.count > 1)
        let scalars = Array(text.unicodeScalars)
        for (i, p) in article.paragraphs.enumerated() {
            // Every piece ends a sentence, and the next starts right after the space.
            #expect(scalars[p.span.end - 1] == ".", "piece \(i) ends with \(scalars[p.span.end - 1])")
            if i > 0 { #expect(p.span.start == article.paragraphs[i - 1].span.end + 1) }
            #expect(p.sentences.count >= 1)
        }
        #expect(article.paragraphs.first?.span.start == 0)
        #expect(article.paragraphs.last?.span.end == scalars.count - 1)
        #expect(article.wordCount == 400 * 9)
        // Quotations are all found, each inside its piece.
        #expect(article.paragraphs.reduce(0) { $0 + $1.quotes.count } == 400)
    }

    @Test func aLongWordIsCutAtTheLimit() throws {
        let text = String(repeating: "x", count: 10_001)
        let article = Article(text: text)
        Self.checkInvariants(article)
        #expect(article.paragraphs.map(\.span.length) == [4_000, 4_000, 2_001])
        let spaced = "A " + String(repeating: "word ", count: 2_000)  // no sentence end: cut at a space
        let pieces = Article(text: spaced).paragraphs
        #expect(pieces.count == 3)
        #expect(pieces.allSatisfy { Array(spaced.unicodeScalars)[$0.span.end - 1] == "d" })
    }

    @Test func shortParagraphsAreUntouched() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Examples/wire-report.txt"), encoding: .utf8)
        let article = Article(text: text)
        #expect(article.paragraphs.count == Segmenter.blocks(Segmenter.decodeScalars(text)).count)
        #expect(Segmenter.pieces(of: 0..<100, in: Array(String(repeating: "a", count: 100).unicodeScalars)) == [0..<100])
    }

    // MARK: quotations

    @Test func quotationNestingIsCappedSoQuotesStayLinear() throws {
        let open = String(repeating: "“", count: 5_000)
        let article = Article(text: open + " words")
        Self.checkInvariants(article)
        #expect(article.paragraphs.reduce(0) { $0 + $1.quotes.count } <= 8 * article.paragraphs.count)
        // Real nesting, three deep, is still read the same way.
        let real = Article(text: "She said: “He told me ‘they called it «the plan»’ and left.”")
        let depths = real.paragraphs[0].quotes.map(\.depth).sorted()
        #expect(depths == [0, 1, 2])
        // Stray openers (‘ typed for an apostrophe) beyond the cap do not hide a later quotation.
        let stray = Article(text: String(repeating: "don‘t ", count: 20) + "she said “we will rebuild” today.")
        let quotes = stray.paragraphs[0].quotes.filter { $0.openMark == "“" }
        #expect(quotes.count == 1)
        #expect(quotes.first?.isClosed == true)
        #expect(quotes.first?.reported == true)
    }

    // MARK: reading

    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        let path = try temp("big.txt", Array(repeating: 0x61, count: 5_000))
        #expect(throws: SlantTextError.tooLarge(path: path, bytes: 5_000, limit: 4_096)) {
            try ArticleReader.read(path: path, limit: 4_096)
        }
        #expect(try ArticleReader.read(path: path, limit: 5_000).text.count == 5_000)
        let message = SlantTextError.tooLarge(path: "a.txt", bytes: 100 << 20, limit: 16 << 20).description
        #expect(message == "a.txt: 100 MB is too large for one article (the limit is 16 MB; set SLANT_MAX_ARTICLE_MB to raise it)")
        #expect(SlantTextError.tooLarge(path: "-", bytes: 0, limit: 16 << 20).description.hasPrefix("-: more than 16 MB"))
        #expect(ArticleReader.maxBytes == 16 << 20 || ProcessInfo.processInfo.environment[ArticleReader.maxBytesVariable] != nil)
    }

    /// A named pipe given on the command line (`slant score <(curl …)`) is read as a
    /// stream, up to the limit.
    @Test func aNamedPipeIsReadAsAStream() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fifo = dir.appendingPathComponent("article.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let text = String(repeating: "The council said the plan was disastrous. ", count: 1_000)
        let writer = Thread {
            if let h = FileHandle(forWritingAtPath: fifo) { h.write(Data(text.utf8)); try? h.close() }
        }
        writer.start()
        let article = try ArticleReader.read(path: fifo)
        #expect(article.text == text)
        // Over the limit: 2,000 bytes, one atomic write (so the writer never meets a closed pipe).
        let small = String(repeating: "x", count: 2_000)
        let writer2 = Thread {
            if let h = FileHandle(forWritingAtPath: fifo) { h.write(Data(small.utf8)); try? h.close() }
        }
        writer2.start()
        #expect(throws: SlantTextError.tooLarge(path: fifo, bytes: 0, limit: 1_000)) { try ArticleReader.read(path: fifo, limit: 1_000) }
    }

    // MARK: regressions kept from fuzzing

    /// Every input in Fuzz/Regressions/text, run as the FuzzText target runs it: the first
    /// byte picks the format and --lossy, the rest is the file.
    @Test func fuzzRegressionInputs() throws {
        let dir = Self.root.appendingPathComponent("Fuzz/Regressions/text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            guard let selector = bytes.first else { continue }
            let formats: [ArticleFormat?] = [.text, .markdown, .html, nil]
            do {
                let text = try ArticleReader.decode(Array(bytes.dropFirst()), path: name, lossy: selector & 0x80 != 0)
                let format = formats[Int(selector & 0x03)] ?? ArticleFormat.sniff(text)
                Self.checkInvariants(Article(source: name, format: format, rawText: text))
            } catch let error as SlantTextError {
                #expect(!error.description.contains("\n"), "\(name)")
            }
        }
    }
}
