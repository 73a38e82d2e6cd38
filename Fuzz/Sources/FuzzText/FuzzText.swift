import SlantText

/// One input: the first byte picks the format and --lossy, the rest is the file.
/// Any input must give either a `SlantTextError` or an article whose spans are all
/// inside its text and in order; anything else (a trap, a hang, unbounded memory) is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes[0]
    let body = Array(bytes[1...])
    let lossy = selector & 0x80 != 0
    let formats: [ArticleFormat?] = [.text, .markdown, .html, nil]
    let text: String
    do {
        text = try ArticleReader.decode(body, path: "fuzz.txt", lossy: lossy)
    } catch let error as SlantTextError {
        check(!error.description.contains("\n"), "multi-line error: \(error.description)")
        return 0
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let format = formats[Int(selector & 0x03)] ?? ArticleFormat.sniff(text)
    let article = Article(source: "fuzz.txt", format: format, rawText: text)
    FuzzChecks.article(article)
    return 0
}

enum FuzzChecks {
    static func article(_ a: Article) {
        let length = a.length
        check(length == a.text.unicodeScalars.count, "length \(length) != scalar count")
        var previousEnd = 0
        for (i, p) in a.paragraphs.enumerated() {
            check(p.index == i, "paragraph index \(p.index) at \(i)")
            check(p.span.start >= previousEnd && p.span.end <= length && !p.span.isEmpty, "paragraph \(i) span \(p.span) (previous end \(previousEnd), length \(length))")
            previousEnd = p.span.end
            for s in p.sentences { check(p.span.contains(s.span), "sentence \(s.span) outside paragraph \(p.span)") }
            for t in p.tokens { check(p.span.contains(t.span) && !t.span.isEmpty, "token \(t.span) outside paragraph \(p.span)") }
            for q in p.quotes {
                check(p.span.contains(q.span) && q.span.contains(q.inner), "quote \(q.span)/\(q.inner) outside paragraph \(p.span)")
                check(q.words >= 0 && q.depth >= 0, "quote counts")
            }
            _ = a.text(in: p.span)
            _ = a.context(of: p.span)
        }
        _ = a.title
        _ = a.wordCount
    }
}

@inline(never)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}
