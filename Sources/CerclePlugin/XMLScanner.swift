import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The state and scanning code of ``XMLReader``.
struct XMLScanner {
    typealias Event = XMLReader.Event

    /// The file name for messages.
    let file: String
    /// The current event.
    var event: Event = .endOfDocument
    /// Whether the current start tag closes itself (`<node id="a"/>`).
    var isEmptyElement = false
    /// Open elements, the current start element included (0 outside the root).
    var depth = 0
    /// The 1-based line of the current token.
    var line = 1
    /// The 1-based byte column of the current token.
    var column = 1
    /// Whether the XML declaration named a Latin-1 family encoding.
    var isLatin1 = false

    private struct Slot {
        var nameOffset: Int
        var nameLength: Int
        var valueOffset: Int
        var valueLength: Int
        var needsDecoding: Bool
    }

    // The block buffer. Offsets below are into `storage`; `base` is the file offset of storage[0].
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var base = 0
    private var atEOF = false
    private var descriptor: Int32
    private var isFirstBlock = true

    // The current token.
    private var nameOffset = 0
    private var nameLength = 0
    private var textOffset = 0
    private var textLength = 0
    private var textIsCDATA = false
    private var slots: [Slot] = []
    private var pendingEnd = false

    // Line counting, done once per byte as tokens advance.
    private var countedTo = 0
    private var lineNumber = 1
    private var lineStart = 0  // file offset of the first byte of `lineNumber`

    // Open elements: their names back to back in `stackNames`, with length and line.
    private var stackNames: [UInt8] = []
    private var stack: [(length: Int, line: Int)] = []
    private var sawRoot = false
    private var scratch: [UInt8] = []

    private static let blockSize = 1 << 20

    /// A reader over the file at `url`.
    ///
    /// - Throws: ``ImportError/unreadable(_:file:)`` when the file cannot be opened.
    init(url: URL, file: String) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError.unreadable(String(cString: strerror(errno)), file: file)
        }
        self.file = file
        self.descriptor = descriptor
        capacity = Self.blockSize
        storage = .allocate(capacity: capacity)
    }

    /// A reader over bytes in memory (tests, samples).
    init(bytes: some Collection<UInt8>, file: String) {
        self.file = file
        descriptor = -1
        let array = Array(bytes)
        capacity = max(array.count, 16)
        storage = .allocate(capacity: capacity)
        array.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { storage.update(from: address, count: array.count) }
        }
        end = array.count
        atEOF = true
    }

    /// Frees the buffer and closes the file (the scanner is unusable afterwards).
    func release() {
        storage.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    // MARK: - Events

    /// Moves to the next event.
    ///
    /// Comments, processing instructions and the document type declaration are consumed
    /// silently.
    ///
    /// - Throws: ``ImportError`` for malformed XML (with line and column), for a DOCTYPE
    ///   declaring entities (``ImportError/unsafe(_:file:line:column:)``), or when the
    ///   file cannot be read.
    @discardableResult
    mutating func next() throws -> Event {
        if pendingEnd {
            pendingEnd = false
            popElement()
            event = .endElement
            isEmptyElement = false
            return event
        }
        if isFirstBlock { try prepareFirstBlock() }
        while true {
            if start >= end {
                if atEOF { return try finishDocument() }
                try refill()
                continue
            }
            if let produced = try scanToken() { return produced }
            if atEOF {
                if start >= end { continue }
                throw truncatedError()
            }
            try refill()
        }
    }

    /// The qualified name of the current element (start or end event).
    var name: String {
        String(decoding: UnsafeBufferPointer(start: storage + nameOffset, count: nameLength), as: UTF8.self)
    }

    /// Whether the current element is called `localName`, with or without a namespace
    /// prefix (`color` matches `viz:color`).
    func isNamed(_ localName: StaticString) -> Bool {
        let count = localName.utf8CodeUnitCount
        guard nameLength >= count else { return false }
        let tail = storage + nameOffset + nameLength - count
        guard memcmp(tail, localName.utf8Start, count) == 0 else { return false }
        return nameLength == count || tail[-1] == UInt8(ascii: ":")
    }

    /// The namespace prefix of the current element (`viz` for `viz:color`), or `""`.
    var prefix: String {
        let name = UnsafeBufferPointer(start: storage + nameOffset, count: nameLength)
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: name[..<colon]), as: UTF8.self)
    }

    /// The value of the current start tag's attribute `name` (qualified name, compared
    /// exactly), with references decoded and whitespace normalised as XML prescribes.
    ///
    /// - Throws: ``ImportError`` for an undefined entity or a bad character reference.
    mutating func attribute(_ name: StaticString) throws -> String? {
        let count = name.utf8CodeUnitCount
        for slot in slots where slot.nameLength == count {
            if memcmp(storage + slot.nameOffset, name.utf8Start, count) == 0 {
                return try value(of: slot)
            }
        }
        return nil
    }

    /// Every attribute of the current start tag, in document order.
    mutating func attributes() throws -> [(name: String, value: String)] {
        try slots.map { slot in
            (String(decoding: UnsafeBufferPointer(start: storage + slot.nameOffset, count: slot.nameLength), as: UTF8.self),
             try value(of: slot))
        }
    }

    /// The character data of the current text event, references decoded and line ends
    /// normalised (CDATA sections are returned as written).
    mutating func text() throws -> String {
        if textIsCDATA { return makeString(textOffset, textLength) }
        return try decoded(textOffset, textLength, isAttribute: false)
    }

    /// Whether the current text event is only whitespace.
    var isWhitespace: Bool {
        if textIsCDATA { return textLength == 0 }
        for index in 0..<textLength {
            switch storage[textOffset + index] {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return false
            }
        }
        return true
    }

    /// Reads the content of the current start element up to its end tag and returns its
    /// character data; child elements are skipped (``skippedChildren`` says whether any).
    ///
    /// - Precondition: the current event is ``Event/startElement``.
    mutating func readText() throws -> String {
        precondition(event == .startElement, "readText() is called on a start element")
        let outer = depth - 1
        skippedChildren = false
        var result: String?
        while true {
            switch try next() {
            case .text:
                let piece = try text()
                if result == nil { result = piece } else { result?.append(piece) }
            case .startElement:
                skippedChildren = true
                try skipElement()
            case .endElement:
                if depth == outer { return result ?? "" }
            case .endOfDocument:
                return result ?? ""
            }
        }
    }

    /// Whether the last ``readText()`` met and skipped child elements.
    var skippedChildren = false

    /// Skips the current start element with everything inside it.
    ///
    /// - Precondition: the current event is ``Event/startElement``.
    mutating func skipElement() throws {
        precondition(event == .startElement, "skipElement() is called on a start element")
        let outer = depth - 1
        while depth > outer {
            if try next() == .endOfDocument { return }
        }
    }

    /// An error at the current token.
    func error(_ reason: String) -> ImportError {
        .malformed(reason, file: file, line: line, column: column)
    }

    // MARK: - Tokens

    /// Scans one token at `start`; `nil` when the buffer ends inside it.
    private mutating func scanToken() throws -> Event? {
        let p = storage + start
        let available = end - start
        if p[0] != UInt8(ascii: "<") { return try scanText() }
        guard available >= 2 else { return nil }
        switch p[1] {
        case UInt8(ascii: "/"):
            return try scanEndTag()
        case UInt8(ascii: "?"):
            guard let close = find("?>", from: start + 2) else { return nil }
            markPosition()
            if !sawRoot, base + start == 0 || (base + start == 3 && isFirstBlockBOM) {
                try readDeclaration(start + 2, close)
            }
            start = close + 2
            return try scanNext()
        case UInt8(ascii: "!"):
            if hasPrefix("<!--", at: start) {
                guard let close = find("-->", from: start + 4) else { return nil }
                start = close + 3
                return try scanNext()
            }
            if hasPrefix("<![CDATA[", at: start) {
                guard let close = find("]]>", from: start + 9) else { return nil }
                markPosition()
                guard depth > 0 else { throw error("CDATA section outside the root element") }
                textOffset = start + 9
                textLength = close - textOffset
                textIsCDATA = true
                start = close + 3
                event = .text
                return event
            }
            if hasPrefix("<!DOCTYPE", at: start) {
                guard let close = try scanDoctype() else { return nil }
                start = close + 1
                return try scanNext()
            }
            guard available >= 9 || atEOF else { return nil }
            markPosition()
            throw error("unexpected markup '<!' (expected a comment, CDATA or DOCTYPE)")
        default:
            return try scanStartTag()
        }
    }

    private var isFirstBlockBOM = false

    /// After a construct consumed silently: the next token if complete, else `nil`
    /// (so the outer loop refills).
    private mutating func scanNext() throws -> Event? {
        if start >= end { return nil }
        return try scanToken()
    }

    private mutating func scanText() throws -> Event? {
        let p = storage + start
        let available = end - start
        let length: Int
        if let found = memchr(p, Int32(UInt8(ascii: "<")), available) {
            length = UnsafeRawPointer(p).distance(to: UnsafeRawPointer(found))
        } else if atEOF {
            length = available
        } else {
            return nil
        }
        markPosition()
        textOffset = start
        textLength = length
        textIsCDATA = false
        start += length
        if depth == 0 {
            guard isWhitespace else {
                throw error(sawRoot ? "text after the root element" : "text before the root element (not XML?)")
            }
            return try scanNext()
        }
        event = .text
        return event
    }

    private mutating func scanStartTag() throws -> Event? {
        var i = start + 1
        let nameStart = i
        while i < end, !Self.endsName(storage[i]) { i += 1 }
        guard i < end else { return nil }
        markPosition()
        let nameEnd = i
        guard nameEnd > nameStart else { throw error("expected an element name after '<'") }
        slots.removeAll(keepingCapacity: true)
        var empty = false
        while true {
            while i < end, Self.isSpace(storage[i]) { i += 1 }
            guard i < end else { return nil }
            let byte = storage[i]
            if byte == UInt8(ascii: ">") { i += 1; break }
            if byte == UInt8(ascii: "/") {
                guard i + 1 < end else { return nil }
                guard storage[i + 1] == UInt8(ascii: ">") else { throw error(at: i, "expected '>' after '/' in a tag") }
                empty = true
                i += 2
                break
            }
            let attributeStart = i
            while i < end, !Self.endsName(storage[i]) { i += 1 }
            guard i < end else { return nil }
            guard i > attributeStart else {
                throw error(at: i, "unexpected '\(Self.describe(byte))' in the tag <\(string(nameStart, nameEnd - nameStart))>")
            }
            let attributeEnd = i
            while i < end, Self.isSpace(storage[i]) { i += 1 }
            guard i < end else { return nil }
            guard storage[i] == UInt8(ascii: "=") else {
                throw error(at: i, "expected '=' after the attribute name '\(string(attributeStart, attributeEnd - attributeStart))'")
            }
            i += 1
            while i < end, Self.isSpace(storage[i]) { i += 1 }
            guard i < end else { return nil }
            let quote = storage[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error(at: i, "the value of attribute '\(string(attributeStart, attributeEnd - attributeStart))' is not quoted")
            }
            let valueStart = i + 1
            guard let found = memchr(storage + valueStart, Int32(quote), end - valueStart) else {
                if atEOF { throw error(at: i, "unterminated attribute value") }
                return nil
            }
            let valueEnd = UnsafeRawPointer(storage).distance(to: UnsafeRawPointer(found))
            var needsDecoding = false
            for index in valueStart..<valueEnd {
                let c = storage[index]
                if c == UInt8(ascii: "<") {
                    throw error(at: index, "'<' in the value of attribute '\(string(attributeStart, attributeEnd - attributeStart))' (unterminated quote?)")
                }
                if c == UInt8(ascii: "&") || c < 0x20 { needsDecoding = true }
            }
            slots.append(Slot(nameOffset: attributeStart, nameLength: attributeEnd - attributeStart,
                              valueOffset: valueStart, valueLength: valueEnd - valueStart, needsDecoding: needsDecoding))
            i = valueEnd + 1
            if i < end, !Self.isSpace(storage[i]), storage[i] != UInt8(ascii: ">"), storage[i] != UInt8(ascii: "/") {
                throw error(at: i, "expected whitespace between attributes")
            }
        }
        if depth == 0, sawRoot { throw error("a second root element <\(string(nameStart, nameEnd - nameStart))>") }
        sawRoot = true
        nameOffset = nameStart
        nameLength = nameEnd - nameStart
        stackNames.append(contentsOf: UnsafeBufferPointer(start: storage + nameStart, count: nameLength))
        stack.append((nameLength, line))
        depth += 1
        isEmptyElement = empty
        pendingEnd = empty
        start = i
        event = .startElement
        return event
    }

    private mutating func scanEndTag() throws -> Event? {
        guard let found = memchr(storage + start, Int32(UInt8(ascii: ">")), end - start) else { return nil }
        let close = UnsafeRawPointer(storage).distance(to: UnsafeRawPointer(found))
        markPosition()
        var i = start + 2
        let nameStart = i
        while i < close, !Self.endsName(storage[i]) { i += 1 }
        let nameEnd = i
        while i < close, Self.isSpace(storage[i]) { i += 1 }
        guard i == close, nameEnd > nameStart else { throw error("malformed end tag") }
        let length = nameEnd - nameStart
        guard let open = stack.last else {
            throw error("end tag </\(string(nameStart, length))> without a start tag")
        }
        let openOffset = stackNames.count - open.length
        let matches = open.length == length && stackNames.withUnsafeBufferPointer { names in
            guard let names = names.baseAddress else { return length == 0 }
            return memcmp(names + openOffset, storage + nameStart, length) == 0
        }
        guard matches else {
            let openName = String(decoding: stackNames[openOffset...], as: UTF8.self)
            throw error("end tag </\(string(nameStart, length))> does not match <\(openName)> opened at line \(open.line)")
        }
        nameOffset = nameStart
        nameLength = length
        popElement()
        isEmptyElement = false
        start = close + 1
        event = .endElement
        return event
    }

    private mutating func popElement() {
        if let open = stack.popLast() { stackNames.removeLast(open.length) }
        depth -= 1
    }

    /// Scans `<!DOCTYPE …>` at `start`; refuses entity declarations.
    private mutating func scanDoctype() throws -> Int? {
        markPosition()
        var i = start + 9
        var inSubset = false
        while i < end {
            let c = storage[i]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let found = memchr(storage + i + 1, Int32(c), end - i - 1) else { return nil }
                i = UnsafeRawPointer(storage).distance(to: UnsafeRawPointer(found)) + 1
                continue
            case UInt8(ascii: "["):
                inSubset = true
            case UInt8(ascii: "]"):
                inSubset = false
            case UInt8(ascii: "<") where inSubset:
                guard i + 8 < end else { return nil }
                if hasPrefix("<!ENTITY", at: i) {
                    let (entityLine, entityColumn) = position(at: i)
                    throw ImportError.unsafe(
                        "the DOCTYPE declares entities (<!ENTITY …>); Cercle refuses XML entity declarations, which "
                            + "enable entity-expansion bombs and external-entity reads",
                        file: file, line: entityLine, column: entityColumn)
                }
                if hasPrefix("<!--", at: i) {
                    guard let close = find("-->", from: i + 4) else { return nil }
                    i = close + 3
                    continue
                }
            case UInt8(ascii: ">") where !inSubset:
                if sawRoot { throw error("a DOCTYPE after the root element") }
                return i
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// Reads `encoding="…"` from the XML declaration between `from` and `to`.
    private mutating func readDeclaration(_ from: Int, _ to: Int) throws {
        let text = string(from, to - from)
        guard text.hasPrefix("xml"), let range = text.range(of: "encoding") else { return }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let encoding = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }.lowercased()
        switch encoding {
        case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16":
            break
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "iso-8859-15":
            isLatin1 = true
        default:
            throw error("unsupported encoding '\(encoding)' (Cercle reads UTF-8, UTF-16 and Latin-1 XML)")
        }
    }

    // MARK: - Buffer

    private mutating func prepareFirstBlock() throws {
        isFirstBlock = false
        if descriptor >= 0 { try fill() }
        if end - start >= 3, storage[0] == 0xEF, storage[1] == 0xBB, storage[2] == 0xBF {
            start = 3
            isFirstBlockBOM = true
            countedTo = 3
            lineStart = 3
        } else if end - start >= 2,
                  (storage[0] == 0xFF && storage[1] == 0xFE) || (storage[0] == 0xFE && storage[1] == 0xFF) {
            try transcodeUTF16()
        }
    }

    /// Reads the whole UTF-16 file and continues on its UTF-8 transcoding (rare enough
    /// that streaming it is not worth the code).
    private mutating func transcodeUTF16() throws {
        var bytes = Array(UnsafeBufferPointer(start: storage, count: end))
        if descriptor >= 0 {
            while !atEOF {
                end = 0
                try fill()
                bytes.append(contentsOf: UnsafeBufferPointer(start: storage, count: end))
            }
        }
        let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
        guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
            throw ImportError.malformed("invalid UTF-16", file: file)
        }
        let utf8 = Array(text.utf8)
        storage.deallocate()
        capacity = max(utf8.count, 16)
        storage = .allocate(capacity: capacity)
        utf8.withUnsafeBufferPointer { if let address = $0.baseAddress { storage.update(from: address, count: utf8.count) } }
        start = 0
        end = utf8.count
        atEOF = true
    }

    /// Reads the next block after the unconsumed bytes.
    private mutating func refill() throws {
        guard !atEOF else { return }
        countNewlines(to: start)
        let remaining = end - start
        if start > 0 {
            if remaining > 0 { storage.update(from: storage + start, count: remaining) }
            base += start
            countedTo -= start
            nameOffset = 0
            textOffset = 0
            slots.removeAll(keepingCapacity: true)
            start = 0
            end = remaining
        }
        if capacity - end < Self.blockSize / 2 {
            // A token longer than the buffer: grow.
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: storage, count: end)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        try fill()
    }

    /// Appends bytes from the file to the buffer (one `read`), setting `atEOF` at the end.
    private mutating func fill() throws {
        while true {
            let count = read(descriptor, storage + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError.unreadable(String(cString: strerror(errno)), file: file)
            }
            if count == 0 { atEOF = true }
            end += count
            return
        }
    }

    private mutating func finishDocument() throws -> Event {
        markPosition()
        if let open = stack.last {
            let name = String(decoding: stackNames[(stackNames.count - open.length)...], as: UTF8.self)
            throw error("unexpected end of file: <\(name)> opened at line \(open.line) is not closed")
        }
        guard sawRoot else { throw error("no root element (empty file or not XML)") }
        event = .endOfDocument
        return event
    }

    private mutating func truncatedError() -> ImportError {
        markPosition()
        let what = storage[start] == UInt8(ascii: "<") ? "a tag" : "text"
        return error("unexpected end of file inside \(what)")
    }

    // MARK: - Positions

    /// Sets ``line`` and ``column`` to those of `start`.
    private mutating func markPosition() {
        countNewlines(to: start)
        line = lineNumber
        column = base + start - lineStart + 1
    }

    private mutating func countNewlines(to offset: Int) {
        guard offset > countedTo else { return }
        var count = 0
        var last = -1
        var index = countedTo
        let p = storage
        while index < offset {
            if p[index] == 0x0A {
                count &+= 1
                last = index
            }
            index &+= 1
        }
        if count > 0 {
            lineNumber += count
            lineStart = base + last + 1
        }
        countedTo = offset
    }

    /// The line and column of `offset` (at or after the current token).
    private mutating func position(at offset: Int) -> (Int, Int) {
        countNewlines(to: offset)
        return (lineNumber, base + offset - lineStart + 1)
    }

    private mutating func error(at offset: Int, _ reason: String) -> ImportError {
        let (line, column) = position(at: offset)
        return .malformed(reason, file: file, line: line, column: column)
    }

    // MARK: - Text

    private mutating func value(of slot: Slot) throws -> String {
        slot.needsDecoding
            ? try decoded(slot.valueOffset, slot.valueLength, isAttribute: true)
            : makeString(slot.valueOffset, slot.valueLength)
    }

    private func string(_ offset: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: storage + offset, count: length), as: UTF8.self)
    }

    private func makeString(_ offset: Int, _ length: Int) -> String {
        let bytes = UnsafeBufferPointer(start: storage + offset, count: length)
        return isLatin1 ? CSVReader.decodeWindows1252(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes references; normalises line ends (and, in attribute values, whitespace).
    private mutating func decoded(_ offset: Int, _ length: Int, isAttribute: Bool) throws -> String {
        let p = storage + offset
        var needs = false
        for index in 0..<length where p[index] == UInt8(ascii: "&") || p[index] == 0x0D || (isAttribute && p[index] < 0x20) {
            needs = true
            break
        }
        if !needs { return makeString(offset, length) }
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < length {
            let c = p[index]
            switch c {
            case UInt8(ascii: "&"):
                guard let semicolon = (index + 1..<min(length, index + 32)).first(where: { p[$0] == UInt8(ascii: ";") }) else {
                    throw error(at: offset + index, "'&' that starts no reference (write &amp;)")
                }
                let reference = UnsafeBufferPointer(start: p + index + 1, count: semicolon - index - 1)
                try appendReference(reference, at: offset + index)
                index = semicolon + 1
                continue
            case 0x0D:
                // CR LF and lone CR become LF (XML 1.0 §2.11); in attributes, a space.
                if index + 1 < length, p[index + 1] == 0x0A { index += 1 }
                scratch.append(isAttribute ? 0x20 : 0x0A)
            case 0x09 where isAttribute, 0x0A where isAttribute:
                scratch.append(0x20)
            default:
                if isLatin1, c >= 0x80, let scalar = Unicode.Scalar(CSVReader.windows1252[Int(c)]) {
                    scratch.append(contentsOf: String(Character(scalar)).utf8)
                } else {
                    scratch.append(c)
                }
            }
            index += 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private mutating func appendReference(_ reference: UnsafeBufferPointer<UInt8>, at offset: Int) throws {
        let name = String(decoding: reference, as: UTF8.self)
        switch name {
        case "lt": scratch.append(UInt8(ascii: "<"))
        case "gt": scratch.append(UInt8(ascii: ">"))
        case "amp": scratch.append(UInt8(ascii: "&"))
        case "quot": scratch.append(UInt8(ascii: "\""))
        case "apos": scratch.append(UInt8(ascii: "'"))
        default:
            guard name.hasPrefix("#") else {
                throw error(at: offset, "undefined entity '&\(name);' (XML knows &lt; &gt; &amp; &quot; &apos;; Cercle loads no DTD)")
            }
            let digits = name.dropFirst()
            let code: UInt32? = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let code, Self.isXMLCharacter(code), let scalar = Unicode.Scalar(code) else {
                throw error(at: offset, "bad character reference '&\(name);' (not a character XML 1.0 allows)")
            }
            scratch.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    /// XML 1.0 `Char`: tab, LF, CR and U+0020…U+D7FF, U+E000…U+FFFD, U+10000…U+10FFFF.
    static func isXMLCharacter(_ code: UInt32) -> Bool {
        switch code {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    // MARK: - Bytes

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    private static func endsName(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
            || c == UInt8(ascii: "=") || c == UInt8(ascii: "<")
    }

    private static func describe(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : String(format: "\\x%02X", c)
    }

    private func hasPrefix(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard end - offset >= count else { return false }
        return memcmp(storage + offset, text.utf8Start, count) == 0
    }

    /// The offset of `pattern` at or after `from`, or `nil` when not in the buffer.
    private func find(_ pattern: StaticString, from: Int) -> Int? {
        let count = pattern.utf8CodeUnitCount
        let first = Int32(pattern.utf8Start[0])
        var i = from
        while i + count <= end {
            guard let found = memchr(storage + i, first, end - i) else { return nil }
            let at = UnsafeRawPointer(storage).distance(to: UnsafeRawPointer(found))
            if at + count > end { return nil }
            if memcmp(storage + at, pattern.utf8Start, count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
