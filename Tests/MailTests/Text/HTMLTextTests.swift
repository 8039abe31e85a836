import Testing

@testable import Mail

@Suite("Mail text: HTML to text")
struct HTMLTextTests {
    @Test func blocksBreaksAndLists() {
        let html = """
            <html><head><title>Письмо</title><style>p { color: red; }</style>
            <script>alert("x < y")</script></head>
            <body><h1>Заявка</h1><p>Добрый   день,
            принтер <b>не</b> работает.</p><div>Шаги:</div><ul><li>включить</li><li>печать</li></ul>
            <p>Строка<br>вторая<br><br><br>после пустой</p><!-- comment <p>hidden</p> -->
            <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></body></html>
            """
        let expected = """
            Заявка

            Добрый день, принтер не работает.

            Шаги:

            - включить
            - печать

            Строка
            вторая

            после пустой

            a b
            c
            """
        #expect(HTMLText.text(of: html) == expected)
    }

    @Test func entities() {
        let html =
            "&laquo;Ок&raquo; &mdash; &quot;да&quot; &amp; &lt;нет&gt;&hellip; &copy;&nbsp;2026 &#1055;&#x440;&#150; &bogus; &amp a&b"
        #expect(HTMLText.text(of: html) == "«Ок» — \"да\" & <нет>… © 2026 Пр– &bogus; & a&b")
    }

    @Test func noBreakSpacesCollapseLikeSpaces() {
        #expect(HTMLText.text(of: "<p>a\u{A0}\u{A0} b&nbsp;&nbsp;c\u{A0}</p>") == "a b c")
    }

    @Test func preKeepsItsWhiteSpace() {
        let html = "<p>log:</p><pre>line 1\n  indented\n\nafter</pre><p>end</p>"
        #expect(HTMLText.text(of: html) == "log:\n\nline 1\n  indented\n\nafter\n\nend")
    }

    @Test func brokenMarkupNeverTraps() {
        for html in [
            "<", "<p", "<!--", "<a href=\"x>", "&#", "&#x;", "&#99999999999;", "</", "<script>x", "a < b > c",
            "<div title='>'>t</div>", String(repeating: "<b>", count: 10_000), String(repeating: "&", count: 1_000),
        ] {
            _ = HTMLText.text(of: html)
        }
        #expect(HTMLText.text(of: "a < b") == "a < b")
        #expect(HTMLText.text(of: "<div title='>'>t</div>") == "t")
        #expect(HTMLText.text(of: "&#99999999999;") == "\u{FFFD}")
    }

    @Test func nestedListsIndent() {
        let html = "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"
        #expect(HTMLText.text(of: html) == "- one\n  - inner\n- two")
    }
}
