import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("XML reader")
struct XMLReaderTests {
    /// The events of `text` as short strings: `<name a=v>`, `</name>`, `"text"`.
    func events(_ text: String) throws -> [String] {
        var reader = XMLReader(bytes: Array(text.utf8), file: "t.xml")
        return try events(&reader)
    }

    func events(_ reader: inout XMLReader) throws -> [String] {
        var result: [String] = []
        while true {
            switch try reader.next() {
            case .startElement:
                let attributes = try reader.attributes().map { " \($0.name)=\($0.value)" }.joined()
                result.append("<\(reader.name)\(attributes)>")
            case .endElement:
                result.append("</\(reader.name)>")
            case .text:
                if !reader.isWhitespace { result.append("\"\(try reader.text())\"") }
            case .endOfDocument:
                return result
            }
        }
    }

    func error(_ text: String) -> ImportError? {
        do {
            _ = try events(text)
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            return nil
        }
    }

    @Test("start, end and text events; self-closing tags; comments, PIs and CDATA")
    func basics() throws {
        let text = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <a x="1" y='two'>
              <b/>hello <![CDATA[<raw> & stuff]]><?pi data?><!-- c --> world
              <ns:c ns:k="v"></ns:c>
            </a>
            """
        #expect(try events(text) == [
            "<a x=1 y=two>", "<b>", "</b>", "\"hello \"", "\"<raw> & stuff\"", "\" world\n  \"", "<ns:c ns:k=v>", "</ns:c>", "</a>",
        ])
    }

    @Test("references are decoded; attribute whitespace normalised; CR LF becomes LF")
    func references() throws {
        let text = "<a v=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#233;\ttab&#10;nl\">x&#x1F600;y\r\nz</a>"
        #expect(try events(text) == ["<a v=<>&\"'ABé tab\nnl>", "\"x😀y\nz\"", "</a>"])
    }

    @Test("names: isNamed matches the local part, prefix gives the namespace prefix")
    func names() throws {
        var reader = XMLReader(bytes: Array("<viz:color r=\"1\"/>".utf8), file: "t.xml")
        try reader.next()
        let (named, partial, prefix, empty) = (reader.isNamed("color"), reader.isNamed("olor"), reader.prefix, reader.isEmptyElement)
        let (r, g) = (try reader.attribute("r"), try reader.attribute("g"))
        #expect(named && !partial && empty)
        #expect(prefix == "viz")
        #expect(r == "1" && g == nil)
    }

    @Test("readText gathers text, skips child elements and says so")
    func readText() throws {
        var reader = XMLReader(bytes: Array("<r><d>one<x>two</x>three<!--c--></d><e/></r>".utf8), file: "t.xml")
        try reader.next()
        try reader.next()
        let first = try reader.readText()
        let skipped = reader.skippedChildren
        try reader.next()
        let isE = reader.isNamed("e")
        let second = try reader.readText()
        let end = try reader.next()
        let document = try reader.next()
        #expect(first == "onethree" && skipped)
        #expect(isE && second == "")
        #expect(end == .endElement && document == .endOfDocument)
    }

    @Test("UTF-8 BOM, UTF-16 with BOM and a Latin-1 declaration are read")
    func encodings() throws {
        var bom = XMLReader(bytes: [0xEF, 0xBB, 0xBF] + Array("<a>é</a>".utf8), file: "t")
        #expect(try events(&bom) == ["<a>", "\"é\"", "</a>"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<a v=\"ß\">日本</a>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var wide = XMLReader(bytes: utf16, file: "t")
        #expect(try events(&wide) == ["<a v=ß>", "\"日本\"", "</a>"])
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a v=\"".utf8) + [0xE9] + Array("\">".utf8) + [0xFC] + Array("&#233;</a>".utf8)
        var reader = XMLReader(bytes: latin1, file: "t")
        #expect(try events(&reader) == ["<a v=é>", "\"üé\"", "</a>"])
        let isLatin1 = reader.isLatin1
        #expect(isLatin1)
    }

    @Test("well-formedness errors name line, column and reason", arguments: [
        ("<a>\n  <b>\n</a>", "t.xml:3:1: end tag </a> does not match <b> opened at line 2"),
        ("<a>\n<b>text", "t.xml:2:8: unexpected end of file: <b> opened at line 2 is not closed"),
        ("<a>\n<b x=\"1></b><c y=\"2\"/></a>", "t.xml:2:9: '<' in the value of attribute 'x' (unterminated quote?)"),
        ("<a x=\"1>", "t.xml:1:6: unterminated attribute value"),
        ("<a x=1/>", "t.xml:1:6: the value of attribute 'x' is not quoted"),
        ("<a>&nbsp;</a>", "t.xml:1:4: undefined entity '&nbsp;' (XML knows &lt; &gt; &amp; &quot; &apos;; Cercle loads no DTD)"),
        ("<a>&#0;</a>", "t.xml:1:4: bad character reference '&#0;' (not a character XML 1.0 allows)"),
        ("<a>AT&T</a>", "t.xml:1:6: '&' that starts no reference (write &amp;)"),
        ("<a/><b/>", "t.xml:1:5: a second root element <b>"),
        ("", "t.xml:1:1: no root element (empty file or not XML)"),
        ("hello", "t.xml:1:1: text before the root element (not XML?)"),
        ("<a>\n<!-- never closed", "t.xml:2:1: unexpected end of file inside a tag"),
        ("</a>", "t.xml:1:1: end tag </a> without a start tag"),
        ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>", "t.xml:1:1: unsupported encoding 'shift_jis' (Cercle reads UTF-8, UTF-16 and Latin-1 XML)"),
    ])
    func malformed(text: String, message: String) {
        #expect(error(text)?.description == message)
    }

    @Test("a DOCTYPE declaring entities is refused as unsafe: billion laughs and external entities")
    func entityDeclarations() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <lolz>&lol2;</lolz>
            """
        let bomb = try #require(error(laughs))
        #expect(bomb == .unsafe(bomb.reason, file: "t.xml", line: 3, column: 2))
        #expect(bomb.reason.hasPrefix("the DOCTYPE declares entities"))
        let external = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>&xxe;</r>"
        #expect(error(external) == .unsafe(bomb.reason, file: "t.xml", line: 1, column: 14))
        let parameter = "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://example.com/x.dtd\"> %p;]><r/>"
        #expect(error(parameter)?.reason == bomb.reason)
    }

    @Test("a DOCTYPE without entities is skipped; an external DTD is never fetched")
    func harmlessDoctype() throws {
        #expect(try events("<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a>x</a>") == ["<a>", "\"x\"", "</a>"])
        #expect(try events("<!DOCTYPE a [<!ELEMENT a (#PCDATA)> <!-- <!ENTITY in a comment --> ]><a/>").isEmpty == false)
        #expect(error("<!DOCTYPE a SYSTEM \"a.dtd\"><a>&defined-there;</a>")?.reason.hasPrefix("undefined entity") == true)
    }

    @Test("tokens across block boundaries and longer than a block stream correctly")
    func blocks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "é&amp;x", count: 400_000)  // ~2.8 MB, longer than a 1 MiB block
        var text = "<?xml version=\"1.0\"?>\n<r>\n"
        for index in 0..<40_000 {
            text += "  <e id=\"n\(index)\" v=\"\(String(repeating: "v", count: index % 97))\"/>\n"
        }
        text += "  <big>\(long)</big>\n  <last a=\"&lt;\"/>\n</r>\n"
        let url = try folder.write("big.xml", text)
        var reader = try XMLReader(url: url, file: "big.xml")
        var count = 0
        var big = ""
        var lastLine = 0
        var mismatches = 0
        while try reader.next() != .endOfDocument {
            guard reader.event == .startElement else { continue }
            if reader.isNamed("e") {
                if try reader.attribute("id") != "n\(count)" || reader.attribute("v")?.count != count % 97 { mismatches += 1 }
                count += 1
            } else if reader.isNamed("big") {
                big = try reader.readText()
            } else if reader.isNamed("last") {
                if try reader.attribute("a") != "<" { mismatches += 1 }
                lastLine = reader.line
            }
        }
        #expect(mismatches == 0)
        #expect(count == 40_000)
        #expect(big == String(repeating: "é&x", count: 400_000))
        #expect(lastLine == 40_004)
    }
}
