import Foundation
import Testing
@testable import SlantText

@Suite struct ReaderTests {
    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func missingFileNamesTheFile() {
        #expect(throws: SlantTextError.fileNotFound(path: "/no/such/article.txt")) {
            try ArticleReader.read(path: "/no/such/article.txt")
        }
    }

    @Test func directoryIsRefused() {
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: SlantTextError.isDirectory(path: dir)) { try ArticleReader.read(path: dir) }
    }

    @Test func binaryFileIsRefused() throws {
        let path = try temp("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01])
        #expect(throws: SlantTextError.binary(path: path)) { try ArticleReader.read(path: path) }
    }

    @Test func invalidUTF8ReportsTheByteOffset() throws {
        let path = try temp("bad.txt", Array("Hello wörld ".utf8) + [0xC3, 0x28] + Array(" end".utf8))
        #expect(throws: SlantTextError.invalidUTF8(path: path, byteOffset: 13)) { try ArticleReader.read(path: path) }
        let lossy = try ArticleReader.read(path: path, lossy: true)
        #expect(lossy.text.contains("\u{FFFD}"))
    }

    @Test func messagesAreOneLineAndNameTheFile() {
        let errors: [SlantTextError] = [
            .fileNotFound(path: "a.txt"), .isDirectory(path: "a.txt"), .binary(path: "a.txt"),
            .invalidUTF8(path: "a.txt", byteOffset: 3), .unreadable(path: "a.txt", reason: "permission denied"),
            .invalidUTF16(path: "a.txt"),
        ]
        for e in errors {
            #expect(e.description.hasPrefix("a.txt: "))
            #expect(!e.description.contains("\n"))
        }
    }

    @Test func emptyFileGivesNoParagraphs() throws {
        let path = try temp("empty.txt", [])
        let article = try ArticleReader.read(path: path)
        #expect(article.paragraphs.isEmpty)
        #expect(article.text.isEmpty)
        let blank = try ArticleReader.read(path: try temp("blank.txt", Array(" \n\n \t\n".utf8)))
        #expect(blank.paragraphs.isEmpty)
    }

    @Test func crlfBecomesLF() throws {
        let path = try temp("crlf.txt", Array("First paragraph.\r\n\r\nSecond one.\rThird.\r\n".utf8))
        let article = try ArticleReader.read(path: path)
        #expect(!article.text.contains("\r"))
        #expect(article.paragraphs.count == 3)
        #expect(article.text(in: article.paragraphs[1].span) == "Second one.")
    }

    @Test func utf8BOMIsDroppedAndUTF16IsDecoded() throws {
        let withBOM = try ArticleReader.read(path: try temp("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Hi there.".utf8)))
        #expect(withBOM.text == "Hi there.")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Grüße 🌊 aus Köln.".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try ArticleReader.read(path: try temp("u16.txt", utf16))
        #expect(decoded.text == "Grüße 🌊 aus Köln.")
    }

    @Test func formatFromExtensionAndContent() {
        #expect(ArticleFormat.from(path: "a/b.HTML") == .html)
        #expect(ArticleFormat.from(path: "story.md") == .markdown)
        #expect(ArticleFormat.from(path: "story") == nil)
        #expect(ArticleFormat.sniff("<!DOCTYPE html><p>x</p>") == .html)
        #expect(ArticleFormat.sniff("# Title\n\nSome **bold** text") == .markdown)
        #expect(ArticleFormat.sniff("Just a story.\n\nAnother paragraph.") == .text)
    }
}
