import Foundation

/// A streaming, pull-style XML tokenizer for the graph formats (GraphML, GEXF).
///
/// The reader hands out one event at a time (``next()``): a start tag with its attributes,
/// an end tag, a run of character data, the end of the document. It reads the file in
/// 1 MiB blocks, so a 1 GB GraphML file costs a few MiB of memory and no tree is ever
/// built. A self-closing tag `<a/>` gives a start event (with ``isEmptyElement`` set)
/// followed by an end event.
///
/// What it checks: tags nest and match, attribute values are quoted and hold no `<`,
/// entity and character references are the five predefined entities or valid XML 1.0
/// characters, there is exactly one root element, the file does not stop inside an
/// element. What it does not do: validation against a schema, namespace resolution
/// (names are compared as written; ``isNamed(_:)`` matches the local part), and DTDs.
///
/// **Security.** A `<!DOCTYPE>` that declares entities (`<!ENTITY …>`) is refused with
/// ``ImportError/unsafe(_:file:line:column:)`` before anything is expanded: that one rule
/// stops both entity-expansion bombs ("billion laughs") and external entities (XXE).
/// External DTDs are never fetched, so an entity they would define is undefined here.
///
/// **Encodings.** UTF-8 (with or without byte-order mark), UTF-16 with a byte-order mark
/// (transcoded up front), and the Latin-1 family (`ISO-8859-1`, `latin1`, `Windows-1252`)
/// when the XML declaration names it. Invalid UTF-8 is repaired with U+FFFD.
///
/// Positions (``line``, ``column``) are those of the current token's first byte, 1-based;
/// columns count bytes.
///
/// Written by hand rather than with Foundation's `XMLParser` because `XMLParser` needed
/// 4.0 s only to deliver the 2.3 million events of a 93 MB GraphML file on Linux, about
/// what igraph's whole `Read_GraphML` takes; see Benchmarks/formats.md.
///
/// The reader is a non-copyable value: it owns its buffer and its file descriptor, and
/// frees them when it goes out of scope. (A class would do the same, but Swift checks a
/// class's stored properties for exclusive access at run time, which cost a fifth of a
/// GraphML import; a struct's are checked at compile time.)
///
/// - Complexity: O(*b*) for a file of *b* bytes; memory O(largest token + depth).
public struct XMLReader: ~Copyable {
    /// What the reader stopped at.
    public enum Event: Sendable, Equatable {
        /// A start tag (or a self-closing tag); see ``name``, ``attribute(_:)``.
        case startElement
        /// An end tag (also sent after a self-closing tag).
        case endElement
        /// Character data or a CDATA section; see ``text()``.
        case text
        /// The end of the document (sent once the root element is closed and the file ends).
        case endOfDocument
    }

    private var scanner: XMLScanner

    /// A reader over the file at `url`.
    ///
    /// - Throws: ``ImportError/unreadable(_:file:)`` when the file cannot be opened.
    public init(url: URL, file: String) throws {
        scanner = try XMLScanner(url: url, file: file)
    }

    /// A reader over bytes in memory (tests, samples).
    public init(bytes: some Collection<UInt8>, file: String) {
        scanner = XMLScanner(bytes: bytes, file: file)
    }

    deinit { scanner.release() }

    /// The file name for messages.
    public var file: String { scanner.file }
    /// The current event.
    public var event: Event { scanner.event }
    /// Whether the current start tag closes itself (`<node id="a"/>`).
    public var isEmptyElement: Bool { scanner.isEmptyElement }
    /// Open elements, the current start element included (0 outside the root).
    public var depth: Int { scanner.depth }
    /// The 1-based line of the current token.
    public var line: Int { scanner.line }
    /// The 1-based byte column of the current token.
    public var column: Int { scanner.column }
    /// Whether the XML declaration named a Latin-1 family encoding.
    public var isLatin1: Bool { scanner.isLatin1 }

    /// Moves to the next event.
    ///
    /// Comments, processing instructions and the document type declaration are consumed
    /// silently.
    ///
    /// - Throws: ``ImportError`` for malformed XML (with line and column), for a DOCTYPE
    ///   declaring entities (``ImportError/unsafe(_:file:line:column:)``), or when the
    ///   file cannot be read.
    @discardableResult
    public mutating func next() throws -> Event { try scanner.next() }

    /// The qualified name of the current element (start or end event).
    public var name: String { scanner.name }

    /// Whether the current element is called `localName`, with or without a namespace
    /// prefix (`color` matches `viz:color`).
    public func isNamed(_ localName: StaticString) -> Bool { scanner.isNamed(localName) }

    /// The namespace prefix of the current element (`viz` for `viz:color`), or `""`.
    public var prefix: String { scanner.prefix }

    /// The value of the current start tag's attribute `name` (qualified name, compared
    /// exactly), with references decoded and whitespace normalised as XML prescribes.
    ///
    /// - Throws: ``ImportError`` for an undefined entity or a bad character reference.
    public mutating func attribute(_ name: StaticString) throws -> String? { try scanner.attribute(name) }

    /// Every attribute of the current start tag, in document order.
    public mutating func attributes() throws -> [(name: String, value: String)] { try scanner.attributes() }

    /// The character data of the current text event, references decoded and line ends
    /// normalised (CDATA sections are returned as written).
    public mutating func text() throws -> String { try scanner.text() }

    /// Whether the current text event is only whitespace.
    public var isWhitespace: Bool { scanner.isWhitespace }

    /// Reads the content of the current start element up to its end tag and returns its
    /// character data; child elements are skipped (``skippedChildren`` says whether any).
    ///
    /// - Precondition: the current event is ``Event/startElement``.
    public mutating func readText() throws -> String { try scanner.readText() }

    /// Whether the last ``readText()`` met and skipped child elements.
    public var skippedChildren: Bool { scanner.skippedChildren }

    /// Skips the current start element with everything inside it.
    ///
    /// - Precondition: the current event is ``Event/startElement``.
    public mutating func skipElement() throws { try scanner.skipElement() }

    /// An error at the current token.
    public func error(_ reason: String) -> ImportError { scanner.error(reason) }

    /// XML 1.0 `Char`: tab, LF, CR and U+0020…U+D7FF, U+E000…U+FFFD, U+10000…U+10FFFF.
    public static func isXMLCharacter(_ code: UInt32) -> Bool { XMLScanner.isXMLCharacter(code) }
}
