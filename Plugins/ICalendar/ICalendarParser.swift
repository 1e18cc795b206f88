import CerclePlugin
import Foundation

/// A property of an iCalendar component: `ATTENDEE;CN="Ann Berg";ROLE=OPT-PARTICIPANT:mailto:ann@x.example`.
public struct CalendarProperty: Sendable, Equatable {
    /// A parameter, its name lower-cased, its values unquoted.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var values: [String]
    }

    /// The name, upper-cased.
    public var name: String
    public var parameters: [Parameter]
    /// The value as written (escapes not undone).
    public var value: String
    /// The 1-based line where the property starts.
    public var line: Int

    /// The first value of parameter `name` (any case).
    public func parameter(_ name: String) -> String? {
        let key = name.lowercased()
        return parameters.first { $0.name == key }?.values.first
    }

    /// The value as text: `\,` `\;` `\\` `\n` `\N` undone.
    public var text: String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// A component of an iCalendar file (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `VALARM`…).
public struct CalendarComponent: Sendable, Equatable {
    /// The name, upper-cased.
    public var name: String
    /// The line of its `BEGIN:`.
    public var line: Int
    public var properties: [CalendarProperty] = []
    /// Components nested in this one.
    public var components: [CalendarComponent] = []
    /// Why the component cannot be trusted (not closed by its `END:`), if so.
    public var problem: String?

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The first property called `name`.
    public func first(_ name: String) -> CalendarProperty? { properties.first { $0.name == name } }

    /// Every property called `name`.
    public func all(_ name: String) -> [CalendarProperty] { properties.filter { $0.name == name } }
}

/// Splits an iCalendar file (RFC 5545) into components.
///
/// Lines end with CRLF or LF; a line starting with a space or a tab continues the previous
/// one (the break and that one character are removed, so a line folded inside a UTF-8
/// sequence is joined whole). Names are case-insensitive; parameter values may be quoted
/// (`TZID="Eastern Time (US & Canada)"`). Bytes that are not UTF-8 are read as
/// Windows-1252. Two quirks of old exporters are read too: an empty line between a name
/// and its folded value (Mozilla), and a value's `:` at the start of the next line
/// (Exchange 2000). A line without `:` is left out and listed in
/// ``Result/ignoredLines``; a component not closed by its `END:` carries a
/// ``CalendarComponent/problem``; the others are unaffected.
public enum ICalendarParser {
    /// What a file holds.
    public struct Result: Sendable, Equatable {
        /// The top-level components (usually one `VCALENDAR`).
        public var components: [CalendarComponent] = []
        /// Lines that could not be read as a property (no `:`), with their number; they are
        /// left out.
        public var ignoredLines: [(line: Int, text: String)] = []

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.components == rhs.components && lhs.ignoredLines.map(\.line) == rhs.ignoredLines.map(\.line)
                && lhs.ignoredLines.map(\.text) == rhs.ignoredLines.map(\.text)
        }
    }

    /// Parses the bytes of an iCalendar file.
    ///
    /// - Complexity: O(*k*) for *k* bytes.
    public static func parse(_ data: some Collection<UInt8>) -> Result {
        var result = Result()
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var roots: [CalendarComponent] = []
        var stack: [CalendarComponent] = []
        func close(into parentStack: inout [CalendarComponent]) {
            guard let done = parentStack.popLast() else { return }
            if parentStack.isEmpty { roots.append(done) } else { parentStack[parentStack.count - 1].components.append(done) }
        }
        for (number, line) in logicalLines(bytes) {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let property = parseProperty(line, number: number) else {
                result.ignoredLines.append((number, String(decoding: line.prefix(40), as: UTF8.self)))
                continue
            }
            switch property.name {
            case "BEGIN":
                stack.append(CalendarComponent(name: property.value.trimmingCharacters(in: .whitespaces).uppercased(), line: number))
            case "END":
                let name = property.value.trimmingCharacters(in: .whitespaces).uppercased()
                guard stack.contains(where: { $0.name == name }) else { continue }
                while let top = stack.last, top.name != name {
                    stack[stack.count - 1].problem = top.problem ?? "\(top.name) not closed: END:\(name) on line \(number) before END:\(top.name)"
                    close(into: &stack)
                }
                close(into: &stack)
            default:
                if !stack.isEmpty { stack[stack.count - 1].properties.append(property) }
            }
        }
        while let top = stack.last {
            stack[stack.count - 1].problem = top.problem ?? "\(top.name) not closed: the file ends before END:\(top.name)"
            close(into: &stack)
        }
        result.components = roots
        return result
    }

    static func logicalLines(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
        var result: [(Int, [UInt8])] = []
        var start = 0
        var number = 0
        var index = 0
        func physical(_ from: Int, _ to: Int) -> ArraySlice<UInt8> {
            var end = to
            if end > from, bytes[end - 1] == 0x0D { end -= 1 }
            return bytes[from..<end]
        }
        while start < bytes.count {
            index = start
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            number += 1
            let line = physical(start, index)
            if line.isEmpty {
                // Old Mozilla files put an empty line between a name and its folded value.
            } else if let first = line.first, first == 0x20 || first == 0x09, !result.isEmpty {
                result[result.count - 1].1 += line.dropFirst()
            } else if line.first == 0x3A, !result.isEmpty {
                // Exchange 2000 broke some lines just before the ':' of the value.
                result[result.count - 1].1 += line
            } else {
                result.append((number, Array(line)))
            }
            start = index + 1
        }
        return result
    }

    static func parseProperty(_ line: [UInt8], number: Int) -> CalendarProperty? {
        var quoted = false
        var colon: Int?
        for (index, byte) in line.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x3A, !quoted { colon = index; break }
        }
        guard let colon else { return nil }
        let head = TextDecoding.decode(line[..<colon], charset: nil)
        var pieces: [String] = []
        var current = ""
        quoted = false
        for character in head {
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        let name = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
        guard !name.isEmpty else { return nil }
        var parameters: [CalendarProperty.Parameter] = []
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var values: [String] = []
            var value = ""
            quoted = false
            for character in piece[piece.index(after: equals)...] {
                if character == "\"" {
                    quoted.toggle()
                } else if character == ",", !quoted {
                    values.append(value)
                    value = ""
                } else {
                    value.append(character)
                }
            }
            values.append(value)
            parameters.append(.init(name: key, values: values.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        let value = TextDecoding.decode(line[(colon + 1)...], charset: nil).trimmingCharacters(in: .whitespaces)
        return CalendarProperty(name: name, parameters: parameters, value: value, line: number)
    }
}
