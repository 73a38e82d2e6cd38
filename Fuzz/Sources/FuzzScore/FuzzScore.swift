import Foundation
import SlantRules
import SlantText

/// One input: random text (UTF-8, bad bytes replaced), first byte picks the format,
/// scored with the bundled rubric. Every finding must lie inside its paragraph and
/// the text, and every score must be a finite number in range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScore(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let formats: [ArticleFormat] = [.text, .markdown, .html]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let article = Article(source: "fuzz", format: formats[Int(bytes[0]) % 3], rawText: text)
    let scored = Bundled.engine.score(article)
    let length = article.length
    let index = scored.score.editorializing
    check(index.isFinite && index >= 0 && index <= 100, "index \(index)")
    for p in scored.paragraphs {
        let pi = p.score.editorializing
        check(pi.isFinite && pi >= 0 && pi <= 100, "paragraph index \(pi)")
        for f in p.findings {
            check(f.span.end <= length && p.paragraph.span.contains(f.span), "finding \(f.rule) \(f.span) outside paragraph \(p.paragraph.span)")
            check(f.weight.isFinite, "weight \(f.weight)")
            check(article.text(in: f.span) == f.text, "finding \(f.rule) text \(f.text) is not the text at \(f.span)")
        }
    }
    return 0
}

enum Bundled {
    /// The rubric in ../Rubrics (this file is Fuzz/Sources/FuzzScore/FuzzScore.swift), or $SLANT_RUBRIC.
    static let engine: Engine = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["SLANT_RUBRIC"] ?? root.appendingPathComponent("Rubrics").path
        return Engine(rubric: try! RubricLoader.load(path: path))
    }()
}

@inline(never)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}
