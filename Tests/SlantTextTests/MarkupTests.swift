import Testing
@testable import SlantText

@Suite struct MarkupTests {
    @Test func markdownKeepsWordsDropsMarkup() {
        let md = """
        # The *Big* Story

        Some **bold** claim with a [link](https://example.org/a_b) and `code`.
        ![photo](img.png)

        > A quoted block
        > over two lines.

        - first item
        - second_item stays

        ```
        let code = "dropped"
        ```
        """
        let article = Article(source: "x.md", format: .markdown, rawText: md)
        let texts = article.paragraphs.map { article.text(in: $0.span) }
        #expect(texts == [
            "The Big Story",
            "Some bold claim with a link and code.",
            "A quoted block over two lines.",
            "first item",
            "second_item stays",
        ])
        #expect(article.paragraphs.map(\.kind) == [.heading, .prose, .quoteBlock, .prose, .prose])
        #expect(article.title == "The Big Story")
    }

    @Test func htmlDropsScriptsStylesNavAndDecodesEntities() {
        let html = """
        <!DOCTYPE html><html><head><title>Page &amp; Title</title>
        <style>p { color: red; }</style><script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <!-- tracking <p>hidden</p> -->
        <article><h1>Headline here</h1>
        <p>Caf&eacute; owners &ldquo;welcomed&rdquo; the plan&nbsp;&#8212; mostly &#x1F30A;.</p>
        <blockquote><p>Quoted block text.</p></blockquote>
        <p>Line one<br>line two.</p></article>
        <footer>© 2026 Courier. All rights reserved.</footer></body></html>
        """
        let article = Article(source: "x.html", format: .html, rawText: html)
        let texts = article.paragraphs.map { article.text(in: $0.span) }
        #expect(article.title == "Page & Title")
        #expect(!article.text.contains("not text"))
        #expect(!article.text.contains("hidden"))
        #expect(!article.text.contains("Home"))
        #expect(!article.text.contains("color"))
        #expect(texts.contains("Café owners “welcomed” the plan\u{00A0}— mostly 🌊."))
        #expect(article.paragraphs.first { article.text(in: $0.span) == "Quoted block text." }?.kind == .quoteBlock)
        #expect(article.paragraphs.last?.kind == .boilerplate)
        #expect(texts.contains("Line one\nline two."))
    }

    @Test func htmlScriptTagInsideTextIsNotExecutedOrKept() {
        let article = Article(source: "x.html", format: .html, rawText: "<p>Safe &lt;script&gt;alert(1)&lt;/script&gt; text.</p><script>alert(2)</script>")
        #expect(article.text == "Safe <script>alert(1)</script> text.")
    }
}
