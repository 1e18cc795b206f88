import CerclePlugin
import Foundation

/// Streams the messages of an mbox file (or of a single message file) and hands over the
/// headers of each, never holding more than one message's headers in memory.
///
/// - Separators: a line starting with `From ` that holds a time (`hh:mm`), at the start
///   of the file or after an empty line, starts a message (mboxo, mboxrd, mboxcl: bodies
///   are skipped, so `>From ` quoting needs no undoing). An unquoted `From ` inside a body
///   that does not follow an empty line is body text.
/// - A file that starts with a header line instead (`Return-Path:`, `From:`…) is one
///   message, as `.eml` files and RFC 822 test messages are.
/// - Headers end at the first empty line; continuation lines (starting with a space or a
///   tab) are joined to their header with a space; `From`, `To`, `Cc`, `Date`,
///   `Message-ID`, `In-Reply-To` and `References` are kept (several `To:` or `Cc:`
///   headers are joined), every other header is skipped. A line that is neither a header
///   nor a continuation ends the headers (as in Python's `email` package).
/// - Bodies are skipped line by line at the cost of one byte comparison per line.
///
/// Lines end with LF or CRLF. Header bytes are UTF-8, or Windows-1252 when they are not
/// valid UTF-8 (raw 8-bit headers from old mailers).
public struct MboxReader {
    let reader: LineReader

    /// Opens `url`.
    ///
    /// - Throws: ``ImportError/unreadable(_:file:)``.
    public init(url: URL, displayName: String) throws {
        reader = try LineReader(url: url, displayName: displayName)
    }

    /// What ``forEachMessage(_:)`` found besides messages.
    public struct Summary: Sendable, Equatable {
        /// Bytes read.
        public var bytes = 0
        /// Lines read.
        public var lines = 0
        /// Messages handed over.
        public var messages = 0
    }

    /// The header names kept, lower-cased, with their slot.
    static let names: [[UInt8]] = ["from", "to", "cc", "date", "message-id", "in-reply-to", "references"].map { Array($0.utf8) }

    /// Calls `body` with the headers of every message, in file order.
    ///
    /// - Throws: ``ImportError`` when the file starts with something that is neither a
    ///   `From ` line nor a header, or what `body` throws.
    @discardableResult
    public func forEachMessage(file: String, _ body: (MailHeaders) throws -> Void) throws -> Summary {
        enum State { case start, headers, body }
        var state = State.start
        var previousBlank = true
        var slots = [[UInt8]?](repeating: nil, count: Self.names.count)
        var currentSlot = -1
        var messageLine = 0
        var summary = Summary()

        func emit() throws {
            var headers = MailHeaders(line: messageLine)
            func text(_ slot: Int) -> String? {
                guard let bytes = slots[slot] else { return nil }
                return TextDecoding.decode(bytes, charset: nil)
            }
            headers.from = text(0)
            headers.to = text(1)
            headers.cc = text(2)
            headers.date = text(3)
            headers.messageID = text(4)
            headers.inReplyTo = text(5)
            headers.references = text(6)
            for slot in slots.indices { slots[slot] = nil }
            currentSlot = -1
            summary.messages += 1
            try body(headers)
        }

        summary.bytes = try reader.forEachLine { raw, number in
            summary.lines = number
            var count = raw.count
            if count > 0, raw[count - 1] == 0x0D { count -= 1 }
            let line = UnsafeBufferPointer(rebasing: raw[0..<count])
            switch state {
            case .body:
                if count >= 5, line[0] == 0x46, previousBlank, Self.isSeparator(line) {
                    messageLine = number
                    state = .headers
                } else {
                    previousBlank = count == 0
                }
            case .headers:
                if count == 0 {
                    try emit()
                    state = .body
                    previousBlank = true
                } else if line[0] == 0x20 || line[0] == 0x09 {
                    if currentSlot >= 0 {
                        slots[currentSlot]?.append(0x20)
                        slots[currentSlot]?.append(contentsOf: Self.trimmedLeft(line))
                    }
                } else if line[0] == 0x46, count >= 5, Self.isSeparator(line) {
                    try emit()
                    messageLine = number
                } else if let colon = Self.headerColon(line) {
                    currentSlot = Self.slot(of: line, colon: colon)
                    if currentSlot >= 0 {
                        let value = Self.trimmedLeft(UnsafeBufferPointer(rebasing: line[(colon + 1)...]))
                        if slots[currentSlot] == nil {
                            slots[currentSlot] = Array(value)
                        } else if currentSlot == 1 || currentSlot == 2 {
                            slots[currentSlot]?.append(0x2C)
                            slots[currentSlot]?.append(contentsOf: value)
                        } else {
                            currentSlot = -1  // a repeated single header: the first wins
                        }
                    }
                } else {
                    // Not a header: the headers ended without an empty line.
                    try emit()
                    state = .body
                    previousBlank = false
                }
            case .start:
                if count == 0 { break }
                if line[0] == 0x46, count >= 5, Self.isSeparator(line) {
                    messageLine = number
                    state = .headers
                } else if Self.headerColon(line) != nil {
                    messageLine = number
                    state = .headers
                    if let colon = Self.headerColon(line) {
                        currentSlot = Self.slot(of: line, colon: colon)
                        if currentSlot >= 0 {
                            slots[currentSlot] = Array(Self.trimmedLeft(UnsafeBufferPointer(rebasing: line[(colon + 1)...])))
                        }
                    }
                } else {
                    throw ImportError.malformed(
                        "neither an mbox 'From ' line nor a mail header: not a mailbox", file: file, line: number)
                }
            }
            return true
        }
        if state == .headers { try emit() }
        return summary
    }

    /// `From sender date…` with a time somewhere (`hh:mm`).
    static func isSeparator(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 5, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D, line[4] == 0x20 else {
            return false
        }
        var index = 6
        while index + 1 < line.count {
            if line[index] == 0x3A, (0x30...0x39).contains(line[index - 1]), (0x30...0x39).contains(line[index + 1]) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The index of the `:` ending a header name (printable ASCII, no space), or `nil`.
    static func headerColon(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in 0..<min(line.count, 128) {
            let byte = line[index]
            if byte == 0x3A { return index > 0 ? index : nil }
            if byte <= 0x20 || byte >= 0x7F { return nil }
        }
        return nil
    }

    /// The slot of a kept header, or -1.
    static func slot(of line: UnsafeBufferPointer<UInt8>, colon: Int) -> Int {
        let first = line[0] | 0x20
        guard first == 0x66 || first == 0x74 || first == 0x63 || first == 0x64 || first == 0x6D || first == 0x69 || first == 0x72 else {
            return -1
        }
        outer: for (slot, name) in names.enumerated() where name.count == colon {
            for index in 0..<colon where line[index] | 0x20 != name[index] { continue outer }
            return slot
        }
        return -1
    }

    static func trimmedLeft(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start...])
    }
}
