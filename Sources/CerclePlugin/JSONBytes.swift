import CercleCore
import Foundation

/// JSON text written straight into a byte buffer, for exporters of millions of lines.
///
/// Writes exactly what ``JSONValue/serialized`` writes for the same value, without a
/// `JSONValue` tree or a `String` per line: strings are copied whole unless they hold a
/// character that needs an escape, integers and dates are printed by arithmetic.
///
/// Conventions (those of ``JSONValue/serialized``): `"`, `\`, line feed, carriage return
/// and tab escape as `\"`, `\\`, `\n`, `\r`, `\t`; other characters below U+0020 as
/// `\u00xx` (lower-case hex); everything else, non-ASCII included, is written as UTF-8.
/// A double prints in Swift's shortest round-trip form (`1.0`, `0.05`) and a non-finite
/// one as `null`.
public struct JSONBytes {
    /// The text written so far.
    public var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text verbatim (punctuation and member names known to need no escape).
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends one byte verbatim.
    @inline(__always)
    public mutating func raw(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `text` as a JSON string literal.
    ///
    /// - Complexity: O(*k*) for *k* UTF-8 bytes; one copy when nothing needs escaping.
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// Appends the UTF-8 text `utf8` as a JSON string literal, as ``string(_:)``.
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var clean = 0
        let count = utf8.count
        if let base = utf8.baseAddress {
            // Eight bytes at a time: does any lie below 0x20, or equal `"` or `\`?
            while clean + 8 <= count {
                let word = WordBytes.load(base, at: clean)
                if WordBytes.hasByte(word, below: 0x20) || WordBytes.has(0x22, in: word) || WordBytes.has(0x5C, in: word) {
                    break
                }
                clean += 8
            }
        }
        while clean < count {
            let byte = utf8[clean]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { break }
            clean += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<clean]))
        if clean < utf8.count { escape(UnsafeBufferPointer(rebasing: utf8[clean...])) }
        bytes.append(0x22)
    }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789abcdef"
        for byte in utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    /// Appends a JSON array of string literals.
    public mutating func strings(_ values: [String]) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            string(value)
        }
        bytes.append(0x5D)
    }

    /// Appends an integer in decimal.
    public mutating func integer(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(0x30 + value))
            return
        }
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(0x30 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends a number as ``JSONValue/format(_:)`` prints it (`null` when not finite).
    public mutating func number(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        // Ties of one source mostly share a few weights: print each run once.
        if value.bitPattern != lastNumber || lastNumberText.isEmpty {
            lastNumber = value.bitPattern
            lastNumberText = Array(value.description.utf8)
        }
        bytes.append(contentsOf: lastNumberText)
    }

    private var lastNumber: UInt64 = 0
    private var lastNumberText: [UInt8] = []

    /// Appends `true` or `false`.
    public mutating func bool(_ flag: Bool) {
        if flag { raw("true") } else { raw("false") }
    }

    /// Appends a date as a string literal in ``AttributeValue/format(_:)-(Date)``'s form.
    public mutating func date(_ date: Date) {
        bytes.append(0x22)
        // A tie's first and last contact are often one day: print each run once.
        let seconds = date.timeIntervalSince1970
        if seconds.bitPattern != lastDate || lastDateText.isEmpty {
            lastDate = seconds.bitPattern
            lastDateText.removeAll(keepingCapacity: true)
            AttributeValue.appendFormatted(date, to: &lastDateText)
        }
        bytes.append(contentsOf: lastDateText)
        bytes.append(0x22)
    }

    private var lastDate: UInt64 = 0
    private var lastDateText: [UInt8] = []

    /// Appends an attribute value as ``AttributeValue/json`` serialises it: dates as ISO
    /// 8601 text, lists as arrays, non-finite doubles as the text `inf`, `-inf` or `nan`.
    public mutating func value(_ value: AttributeValue) {
        switch value {
        case .string(let text): string(text)
        case .integer(let number): integer(number)
        case .double(let number):
            if number.isFinite { self.number(number) } else { string(AttributeValue.format(number)) }
        case .bool(let flag): bool(flag)
        case .date(let when): date(when)
        case .stringList(let values): strings(values)
        }
    }
}
