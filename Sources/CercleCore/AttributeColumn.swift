import Foundation

/// A typed column of node or edge attributes, with missing values.
///
/// Columns are indexed by compact node index or edge id. A column never mixes types:
/// writing a value of another type converts it (an integer into a double column widens;
/// anything into a string column prints as text) or, where no conversion is honest,
/// reports the mismatch to the caller.
public struct AttributeColumn: Sendable, Equatable {
    /// The column's name, as it appears in files and on the command line.
    public let name: String
    /// The column's element type.
    public var type: AttributeType { storage.type }

    @usableFromInline var storage: Values

    /// The values of a column, one array (or ``Strings``/``StringLists`` buffer set) per
    /// type. Bulk readers take them from ``values`` (an exporter writing a million rows
    /// reads the typed array instead of boxing every value in ``AttributeValue``).
    ///
    /// A mutation of a column takes the payload out, sets `storage` to an empty integer
    /// array (no allocation), changes the payload and puts it back: the payload is then
    /// uniquely referenced and changes in place, without copying the column.
    public enum Values: Sendable, Equatable {
        case string(Strings)
        case integer([Int?])
        case double([Double?])
        case bool([Bool?])
        case date([Date?])
        case stringList(StringLists)

        var type: AttributeType {
            switch self {
            case .string: .string
            case .integer: .integer
            case .double: .double
            case .bool: .bool
            case .date: .date
            case .stringList: .stringList
            }
        }
    }

    /// Creates an empty column of `count` missing values.
    public init(name: String, type: AttributeType, count: Int = 0) {
        self.name = name
        switch type {
        case .string: storage = .string(Strings(count: count))
        case .integer: storage = .integer(Array(repeating: nil, count: count))
        case .double: storage = .double(Array(repeating: nil, count: count))
        case .bool: storage = .bool(Array(repeating: nil, count: count))
        case .date: storage = .date(Array(repeating: nil, count: count))
        case .stringList: storage = .stringList(StringLists(count: count))
        }
    }

    /// A double column from values (for analysis results).
    public init(name: String, doubles: [Double]) {
        self.name = name
        storage = .double(doubles.map { $0 })
    }

    /// An integer column from values (for analysis results such as community ids).
    public init(name: String, integers: [Int]) {
        self.name = name
        storage = .integer(integers.map { $0 })
    }

    /// A string column from values.
    public init(name: String, strings: [String?]) {
        self.name = name
        storage = .string(Strings(strings))
    }

    /// A string column over values stored as bytes already.
    public init(name: String, strings: Strings) {
        self.name = name
        storage = .string(strings)
    }

    /// A string-list column from values.
    public init(name: String, lists: [[String]?]) {
        self.name = name
        storage = .stringList(StringLists(lists))
    }

    /// A string-list column over values stored as bytes already.
    public init(name: String, lists: StringLists) {
        self.name = name
        storage = .stringList(lists)
    }

    /// A boolean column from values.
    public init(name: String, bools: [Bool]) {
        self.name = name
        storage = .bool(bools.map { $0 })
    }

    /// The number of rows, missing values included.
    public var count: Int {
        switch storage {
        case .string(let values): values.count
        case .integer(let values): values.count
        case .double(let values): values.count
        case .bool(let values): values.count
        case .date(let values): values.count
        case .stringList(let values): values.count
        }
    }

    /// The value at `index`, or `nil` when it is missing or past the end.
    public subscript(index: Int) -> AttributeValue? {
        guard index >= 0, index < count else { return nil }
        switch storage {
        case .string(let values): return values[index].map(AttributeValue.string)
        case .integer(let values): return values[index].map(AttributeValue.integer)
        case .double(let values): return values[index].map(AttributeValue.double)
        case .bool(let values): return values[index].map(AttributeValue.bool)
        case .date(let values): return values[index].map(AttributeValue.date)
        case .stringList(let values): return values[index].map(AttributeValue.stringList)
        }
    }

    /// The values of a string column, or `nil` for a column of another type: bulk
    /// readers read their bytes instead of boxing every value in ``AttributeValue``.
    ///
    /// - Complexity: O(1) (the buffers are shared, not copied).
    public var stringValues: Strings? {
        if case .string(let values) = storage { return values }
        return nil
    }

    /// The values of a string-list column, or `nil` for a column of another type.
    ///
    /// - Complexity: O(1) (the buffers are shared, not copied).
    public var stringListValues: StringLists? {
        if case .stringList(let values) = storage { return values }
        return nil
    }

    /// The column's values, by type.
    ///
    /// - Complexity: O(1) (the buffers are shared, not copied).
    public var values: Values { storage }

    /// The text of the value at `index` (see ``AttributeValue/text``), or `nil`.
    public func text(at index: Int) -> String? { self[index]?.text }

    /// The numeric value at `index`, or `nil` when missing or not numeric.
    public func double(at index: Int) -> Double? { self[index]?.doubleValue }

    /// The number of present (non-missing) values.
    public var presentCount: Int {
        switch storage {
        case .string(let values): values.presentCount
        case .integer(let values): values.lazy.filter { $0 != nil }.count
        case .double(let values): values.lazy.filter { $0 != nil }.count
        case .bool(let values): values.lazy.filter { $0 != nil }.count
        case .date(let values): values.lazy.filter { $0 != nil }.count
        case .stringList(let values): values.presentCount
        }
    }

    /// Reserves room for `rows` rows: a column filled row by row then grows without
    /// copying itself. (The text of a string column is sized by ``reserveText(growth:)``.)
    ///
    /// - Complexity: O(*n*) when the buffers move, O(1) otherwise.
    public mutating func reserveCapacity(rows: Int) {
        switch storage {
        case .string(var values): storage = .integer([]); values.reserveCapacity(rows: rows); storage = .string(values)
        case .integer(var values): storage = .integer([]); values.reserveCapacity(rows); storage = .integer(values)
        case .double(var values): storage = .integer([]); values.reserveCapacity(rows); storage = .double(values)
        case .bool(var values): storage = .integer([]); values.reserveCapacity(rows); storage = .bool(values)
        case .date(var values): storage = .integer([]); values.reserveCapacity(rows); storage = .date(values)
        case .stringList(var values): storage = .integer([]); values.reserveCapacity(rows: rows); storage = .stringList(values)
        }
    }

    /// Reserves room for `growth` times the text of a string or string-list column (no
    /// change for other columns).
    mutating func reserveText(growth: Double) {
        switch storage {
        case .string(var values): storage = .integer([]); values.reserveText(growth: growth); storage = .string(values)
        case .stringList(var values): storage = .integer([]); values.reserveText(growth: growth); storage = .stringList(values)
        default: break
        }
    }

    /// Grows the column with missing values up to `count` rows.
    public mutating func pad(to count: Int) {
        let missing = count - self.count
        guard missing > 0 else { return }
        if missing == 1 {
            // A table growing row by row (a builder adding persons) pads by one.
            appendMissing()
            return
        }
        switch storage {
        case .string(var values): storage = .integer([]); values.appendMissing(count: missing); storage = .string(values)
        case .integer(var values): storage = .integer([]); values.append(contentsOf: repeatElement(nil, count: missing)); storage = .integer(values)
        case .double(var values): storage = .double([]); values.append(contentsOf: repeatElement(nil, count: missing)); storage = .double(values)
        case .bool(var values): storage = .bool([]); values.append(contentsOf: repeatElement(nil, count: missing)); storage = .bool(values)
        case .date(var values): storage = .date([]); values.append(contentsOf: repeatElement(nil, count: missing)); storage = .date(values)
        case .stringList(var values): storage = .integer([]); values.appendMissing(count: missing); storage = .stringList(values)
        }
    }

    private mutating func appendMissing() {
        switch storage {
        case .string(var values): storage = .integer([]); values.appendMissing(); storage = .string(values)
        case .integer(var values): storage = .integer([]); values.append(nil); storage = .integer(values)
        case .double(var values): storage = .double([]); values.append(nil); storage = .double(values)
        case .bool(var values): storage = .bool([]); values.append(nil); storage = .bool(values)
        case .date(var values): storage = .date([]); values.append(nil); storage = .date(values)
        case .stringList(var values): storage = .integer([]); values.appendMissing(); storage = .stringList(values)
        }
    }

    /// Stores `value` at `index`, growing the column as needed.
    ///
    /// - Returns: `false` when the value cannot be stored in a column of this type
    ///   without losing meaning (a string into a double column, say); the column is then
    ///   unchanged.
    @discardableResult
    public mutating func set(_ value: AttributeValue?, at index: Int) -> Bool {
        if index >= count { pad(to: index + 1) }
        guard let value else {
            setMissing(at: index)
            return true
        }
        // Each case takes the payload out of `storage` before writing, so the array is
        // uniquely referenced and the write happens in place (no copy of the column).
        switch storage {
        case .string(var values):
            storage = .integer([]); values.set(value.text, at: index); storage = .string(values)
        case .integer(var values):
            guard case .integer(let x) = value else { return false }
            storage = .integer([]); values[index] = x; storage = .integer(values)
        case .double(var values):
            guard let x = value.doubleValue, value.type != .bool else { return false }
            storage = .double([]); values[index] = x; storage = .double(values)
        case .bool(var values):
            guard case .bool(let x) = value else { return false }
            storage = .bool([]); values[index] = x; storage = .bool(values)
        case .date(var values):
            guard case .date(let x) = value else { return false }
            storage = .date([]); values[index] = x; storage = .date(values)
        case .stringList(var values):
            switch value {
            case .stringList(let x): storage = .integer([]); values.set(x, at: index); storage = .stringList(values)
            case .string(let x): storage = .integer([]); values.set([x], at: index); storage = .stringList(values)
            default: return false
            }
        }
        return true
    }

    /// Calls `body` with the values of a string column (not at all for a column of
    /// another type).
    mutating func withStrings(_ body: (inout Strings) -> Void) {
        guard case .string(var values) = storage else { return }
        storage = .integer([]); body(&values); storage = .string(values)
    }

    /// Calls `body` with the values of a string-list column (not at all for a column of
    /// another type).
    mutating func withStringLists(_ body: (inout StringLists) -> Void) {
        guard case .stringList(var values) = storage else { return }
        storage = .integer([]); body(&values); storage = .stringList(values)
    }

    private mutating func setMissing(at index: Int) {
        switch storage {
        case .string(var values): storage = .integer([]); values.set(utf8: nil, at: index); storage = .string(values)
        case .integer(var values): storage = .integer([]); values[index] = nil; storage = .integer(values)
        case .double(var values): storage = .double([]); values[index] = nil; storage = .double(values)
        case .bool(var values): storage = .bool([]); values[index] = nil; storage = .bool(values)
        case .date(var values): storage = .date([]); values[index] = nil; storage = .date(values)
        case .stringList(var values): storage = .integer([]); values.set(nil, at: index); storage = .stringList(values)
        }
    }

    /// A column whose row `i` is this column's row `indices[i]` (`-1` gives a missing
    /// value). Used to carry attributes through merging and relabelling.
    public func gathering(_ indices: [Int]) -> AttributeColumn {
        func pick<T>(_ values: [T?]) -> [T?] {
            indices.map { $0 >= 0 && $0 < values.count ? values[$0] : nil }
        }
        var result = self
        switch storage {
        case .string(let values): result.storage = .string(values.gathering(indices))
        case .integer(let values): result.storage = .integer(pick(values))
        case .double(let values): result.storage = .double(pick(values))
        case .bool(let values): result.storage = .bool(pick(values))
        case .date(let values): result.storage = .date(pick(values))
        case .stringList(let values): result.storage = .stringList(values.gathering(indices))
        }
        return result
    }

    /// A column whose row `i` combines this column's rows
    /// `members[offsets[i] ..< offsets[i + 1]]`, in that order: the first value present;
    /// for string lists, the union of the lists (an item once, as strings compare); for
    /// booleans, whether any is true. How persons merged from several records keep their
    /// fields.
    ///
    /// Rows of one member are gathered as ``gathering(_:)`` gathers them, and text is
    /// never copied: a combined text or list is one of its members', or a list made of
    /// their items.
    ///
    /// - Complexity: O(*n* + *k*) for *n* rows and *k* members, plus the items of the
    ///   lists united.
    public func combining(offsets: [Int], members: [Int]) -> AttributeColumn {
        func first<T>(_ values: [T?], _ merge: (T, T) -> T = { a, _ in a }) -> [T?] {
            (0..<offsets.count - 1).map { row in
                var value: T?
                for p in members[offsets[row]..<offsets[row + 1]] where p < values.count {
                    guard let next = values[p] else { continue }
                    value = value.map { merge($0, next) } ?? next
                }
                return value
            }
        }
        var result = self
        switch storage {
        case .string(let values): result.storage = .string(values.combining(offsets: offsets, members: members))
        case .integer(let values): result.storage = .integer(first(values))
        case .double(let values): result.storage = .double(first(values))
        case .bool(let values): result.storage = .bool(first(values) { $0 || $1 })
        case .date(let values): result.storage = .date(first(values))
        case .stringList(let values): result.storage = .stringList(values.combining(offsets: offsets, members: members))
        }
        return result
    }

    /// The column with every missing value replaced by `value` (of the column's type).
    ///
    /// - Complexity: O(*n*) for *n* rows.
    public func filling(missingWith value: AttributeValue) -> AttributeColumn {
        var result = self
        if case .bool(var values) = storage, case .bool(let flag) = value {
            for index in values.indices where values[index] == nil { values[index] = flag }
            result.storage = .bool(values)
            return result
        }
        for index in 0..<count where self[index] == nil { result.set(value, at: index) }
        return result
    }

    /// The same values under another type: integers widen to doubles, anything prints
    /// into a string column. Returns `nil` when some value does not convert.
    public func converted(to newType: AttributeType) -> AttributeColumn? {
        if newType == type { return self }
        var result = AttributeColumn(name: name, type: newType, count: count)
        for index in 0..<count {
            guard let value = self[index] else { continue }
            guard result.set(value, at: index) else { return nil }
        }
        return result
    }

    /// A column renamed.
    public func renamed(_ newName: String) -> AttributeColumn {
        var result = AttributeColumn(name: newName, type: type)
        result.storage = storage
        return result
    }
}

extension AttributeColumn {
    /// Builds a column from text values, choosing the narrowest type that reads every
    /// present value: integer, then double, then boolean (`true`/`false`, any case),
    /// then string. Empty strings are missing values.
    ///
    /// - Complexity: O(*n*) where *n* is the number of values.
    public static func inferring(name: String, texts: [String?]) -> AttributeColumn {
        let present = texts.compactMap { $0 }.filter { !$0.isEmpty }
        if !present.isEmpty, present.allSatisfy({ Int($0) != nil }) {
            return AttributeColumn(name: name, storage: .integer(texts.map { $0.flatMap { Int($0) } }))
        }
        if !present.isEmpty, present.allSatisfy({ parseDouble($0) != nil }) {
            return AttributeColumn(name: name, storage: .double(texts.map { $0.flatMap(parseDouble) }))
        }
        if !present.isEmpty, present.allSatisfy({ parseBool($0) != nil }) {
            return AttributeColumn(name: name, storage: .bool(texts.map { $0.flatMap(parseBool) }))
        }
        return AttributeColumn(name: name, storage: .string(Strings(texts.lazy.map { $0?.isEmpty == true ? nil : $0 })))
    }

    init(name: String, storage: Values) {
        self.name = name
        self.storage = storage
    }

    /// Reads a double written by Cercle, Python (`inf`, `nan`) or a spreadsheet.
    public static func parseDouble(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed) { return value }
        switch trimmed.lowercased() {
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return nil
        }
    }

    /// Reads `true`/`false` (any case), as GraphML and Python write booleans.
    public static func parseBool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
