/// An ordered set of named attribute columns, all of the same length.
///
/// Node attributes are indexed by node index, edge attributes by edge id. Column order
/// is the order of first insertion, so files written from a table list attributes in
/// the order they were read.
public struct AttributeTable: Sendable, Equatable {
    /// The columns in insertion order.
    public private(set) var columns: [AttributeColumn] = []
    private var positions: [String: Int] = [:]
    /// The number of rows (nodes or edges).
    public private(set) var rowCount: Int

    /// Rows to reserve in every column, present and to come (see ``reserveCapacity(rows:)``).
    private var reservedRows = 0

    /// An empty table for `rowCount` rows.
    public init(rowCount: Int = 0) {
        self.rowCount = rowCount
    }

    /// Reserves room for `rows` rows in the columns there are and in those created later:
    /// a table filled row by row (a builder adding a million persons) then grows without
    /// copying its columns. The text of string columns is sized by ``reserveText(growth:)``
    /// once it is known how long the values are.
    ///
    /// - Complexity: O(*c*) for *c* columns, plus their copies when they grow.
    public mutating func reserveCapacity(rows: Int) {
        reservedRows = max(reservedRows, rows)
        for index in columns.indices { columns[index].reserveCapacity(rows: reservedRows) }
    }

    /// Reserves, in every string and string-list column, room for `growth` times the
    /// text it holds: a builder that has read the first rows of a large file sizes the
    /// columns for the rest.
    mutating func reserveText(growth: Double) {
        for index in columns.indices { columns[index].reserveText(growth: growth) }
    }

    /// Drops the reservation for columns to come (the table of a finished graph).
    mutating func dropReservation() {
        reservedRows = 0
    }

    /// Appends a new column, with the room reserved for every column.
    private mutating func append(_ column: AttributeColumn) {
        var column = column
        if reservedRows > column.count { column.reserveCapacity(rows: reservedRows) }
        positions[column.name] = columns.count
        columns.append(column)
    }

    /// Tables are equal when they hold the same columns, whatever room they reserve.
    public static func == (lhs: AttributeTable, rhs: AttributeTable) -> Bool {
        lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
    }

    /// The names of the columns, in order.
    public var names: [String] { columns.map(\.name) }

    /// Whether the table has no column.
    public var isEmpty: Bool { columns.isEmpty }

    /// The column called `name`, if any.
    public subscript(name: String) -> AttributeColumn? {
        positions[name].map { columns[$0] }
    }

    /// Whether a column called `name` exists.
    public func contains(_ name: String) -> Bool { positions[name] != nil }

    /// The value of column `name` at `row`.
    public func value(_ name: String, at row: Int) -> AttributeValue? {
        guard let position = positions[name] else { return nil }
        return columns[position][row]
    }

    /// Adds or replaces a column. Its length must equal ``rowCount`` (shorter columns are
    /// padded with missing values).
    public mutating func set(_ column: AttributeColumn) {
        var column = column
        precondition(column.count <= rowCount, "column \(column.name) has \(column.count) rows, table \(rowCount)")
        column.pad(to: rowCount)
        if let position = positions[column.name] {
            columns[position] = column
        } else {
            append(column)
        }
    }

    /// Removes the column called `name`, if present.
    public mutating func remove(_ name: String) {
        guard let position = positions[name] else { return }
        columns.remove(at: position)
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
    }

    /// Stores `value` in column `name` at `row`, creating the column with the value's
    /// type when absent and growing the table when `row` is past the end.
    ///
    /// - Returns: `false` when the column exists with a type that cannot hold the value.
    @discardableResult
    public mutating func set(_ name: String, _ value: AttributeValue?, at row: Int) -> Bool {
        if row >= rowCount { grow(to: row + 1) }
        if let position = positions[name] {
            if columns[position].set(value, at: row) { return true }
            // An integer column meeting a fractional number widens to double.
            if columns[position].type == .integer, case .double? = value,
               let widened = columns[position].converted(to: .double) {
                columns[position] = widened
                return columns[position].set(value, at: row)
            }
            return false
        }
        guard let value else { return true }
        var column = AttributeColumn(name: name, type: value.type, count: rowCount)
        column.set(value, at: row)
        append(column)
        return true
    }

    /// Declares an empty column of a given type (as a GraphML `<key>` does) unless one of
    /// that name exists.
    public mutating func declare(_ name: String, type: AttributeType) {
        guard positions[name] == nil else { return }
        append(AttributeColumn(name: name, type: type, count: rowCount))
    }

    /// Grows every column to `count` rows.
    public mutating func grow(to count: Int) {
        guard count > rowCount else { return }
        rowCount = count
        for index in columns.indices { columns[index].pad(to: count) }
    }

    // MARK: Bulk writing (the builder's batches)

    /// The position of column `name`, created empty with `type` when absent; `nil` when
    /// it exists with another type.
    mutating func position(ofColumn name: String, type: AttributeType) -> Int? {
        if let position = positions[name] { return columns[position].type == type ? position : nil }
        declare(name, type: type)
        return columns.count - 1
    }

    /// Grows every column to `rowCount` rows (at least), after values were stored
    /// straight into columns past the table's ``rowCount`` by the methods below.
    mutating func evenOut(rowCount: Int) {
        self.rowCount = columns.reduce(max(self.rowCount, rowCount)) { max($0, $1.count) }
        for index in columns.indices { columns[index].pad(to: self.rowCount) }
    }

    /// Calls `body` with the values of the string column at `position`, to store many at
    /// once (growing that column alone: ``evenOut(rowCount:)`` must follow).
    mutating func withStrings(column position: Int, _ body: (inout AttributeColumn.Strings) -> Void) {
        columns[position].withStrings(body)
    }

    /// Calls `body` with the values of the string-list column at `position`, as
    /// ``withStrings(column:_:)``.
    mutating func withStringLists(column position: Int, _ body: (inout AttributeColumn.StringLists) -> Void) {
        columns[position].withStringLists(body)
    }

    /// Stores `value` at `row` of the column at `position`, as ``set(_:_:at:)`` does but
    /// growing that column alone: ``evenOut(rowCount:)`` must follow.
    mutating func set(_ value: AttributeValue, at row: Int, column position: Int) {
        columns[position].set(value, at: row)
    }

    /// A table whose row `i` is this table's row `indices[i]` (`-1`: all missing).
    public func gathering(_ indices: [Int]) -> AttributeTable {
        var result = AttributeTable(rowCount: indices.count)
        for column in columns { result.set(column.gathering(indices)) }
        return result
    }
}
