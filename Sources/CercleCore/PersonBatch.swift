/// Persons read from one source, held as UTF-8 bytes, for
/// ``GraphBuilder/addPersons(_:source:referencedByID:)``.
///
/// An importer of large files (a million LinkedIn connections) fills a batch row by row
/// straight from the bytes of its file, with no `String` per field and no
/// ``PersonRecord`` per row, and hands it to the builder, which computes the identity keys
/// from the bytes and copies the fields into its columns. ``removeAll()`` empties the
/// batch for the next rows and keeps its buffers.
///
/// A row holds what a ``PersonRecord`` holds, but for extra attributes and earlier
/// `sources` (which only the JSON-lines interchange carries), and the builder treats it
/// exactly as it treats the record ``record(at:)`` returns: the same keys, merges,
/// fields and report. Empty values count as absent, as they do in a record.
///
/// The id of a row is the one given with ``setID(utf8:)``, else the normalised value of
/// its first identity key of a kind in ``idKinds`` (so `linkedin.com/in/ann-berg` for a
/// LinkedIn connection), else `row:<line>`; a row with none of these (no line either) is
/// a person of its own, never merged by id.
///
/// - Complexity: every setter is amortised O(*k*) for the *k* bytes it copies;
///   ``startPerson(line:isMember:)`` and ``removeAll()`` are O(1) (amortised) and keep the
///   buffers; a row takes its bytes plus about 100 bytes of spans.
///
/// ```swift
/// var batch = PersonBatch(idKinds: [.profileURL, .email])
/// batch.startPerson(line: 2)
/// batch.set(.name, "Ann")
/// batch.extend(.name, separator: 0x20, "Berg")   // "Ann Berg"
/// batch.add(.profileURLs, "https://www.linkedin.com/in/ann-berg")
/// let added = builder.addPersons(batch, source: source)
/// ```
public struct PersonBatch: Sendable {
    /// The one-valued fields of a person (``PersonRecord/name`` and the like).
    public enum Field: Int, CaseIterable, Sendable {
        case name, organisation, title, sector, location
    }

    /// The many-valued fields of a person (``PersonRecord/emails`` and the like).
    public enum ListField: Int, CaseIterable, Sendable {
        case emails, phones, profileURLs, categories
    }

    /// The kinds of identity key whose value names a row given no id, in order.
    public var idKinds: [IdentityKey.Kind]

    /// Every field of every row, as UTF-8.
    var bytes: [UInt8] = []
    /// The bytes of field `f` of row `r`, at `r * Field.allCases.count + f` (missing: absent).
    var fields = AttributeColumn.Spans()
    /// The bytes of each row's explicit id (missing: none).
    var explicitIDs = AttributeColumn.Spans()
    /// Items of the list fields: their bytes and fields; row `r` owns items
    /// `firstItems[r] ..< firstItems[r + 1]`.
    var items = AttributeColumn.Spans()
    var itemFields: [UInt8] = []
    var firstItems: [Int] = [0]
    /// The line of each row (0: unknown) and whether it is a member.
    var lines: [Int] = []
    var members: [Bool] = []
    /// The rows' identity keys, once ``prepareKeys(includeName:)`` computed them.
    var keys = Keys()

    static let fieldCount = Field.allCases.count

    /// An empty batch whose rows without id are named by their key of the first of
    /// `idKinds` they have.
    public init(idKinds: [IdentityKey.Kind] = [.email, .profileURL, .phone]) {
        self.idKinds = idKinds
    }

    /// The number of rows.
    public var count: Int { lines.count }

    /// Whether the batch has no row.
    public var isEmpty: Bool { lines.isEmpty }

    /// Empties the batch, keeping its buffers' capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll()
        explicitIDs.removeAll()
        items.removeAll()
        itemFields.removeAll(keepingCapacity: true)
        firstItems.removeAll(keepingCapacity: true)
        firstItems.append(0)
        lines.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        keys.removeAll()
    }

    /// Starts a row; the setters below fill it until the next call.
    ///
    /// - Parameters:
    ///   - line: the row's line in the file, for merge explanations and its default id.
    ///   - isMember: whether the person is a member of the team (an exporting ego).
    public mutating func startPerson(line: Int? = nil, isMember: Bool = false) {
        keys.includeName = nil
        lines.append(line ?? 0)
        members.append(isMember)
        fields.appendMissing(count: Self.fieldCount)
        explicitIDs.appendMissing()
        firstItems.append(items.count)
    }

    /// Sets a field of the current row to the UTF-8 text `utf8`.
    public mutating func set(_ field: Field, utf8: UnsafeBufferPointer<UInt8>) {
        fields.set(start: bytes.count, length: Self.length(utf8.count), at: currentSlot(field))
        bytes.append(contentsOf: utf8)
    }

    /// Sets a field of the current row to `text`.
    public mutating func set(_ field: Field, _ text: String) {
        var text = text
        text.withUTF8 { set(field, utf8: $0) }
    }

    /// Appends `separator` and the UTF-8 text `utf8` to a field of the current row, or
    /// sets it to `utf8` when it is absent or empty (a first name, then a last name).
    public mutating func extend(_ field: Field, separator: UInt8, utf8: UnsafeBufferPointer<UInt8>) {
        let slot = currentSlot(field)
        guard fields.lengths[slot] > 0 else { return set(field, utf8: utf8) }
        var value = fields.run(slot)
        if value.upperBound != bytes.count {
            // Not the last bytes written: move the value to the end first.
            bytes.append(contentsOf: Array(bytes[value]))
            value = bytes.count - value.count..<bytes.count
        }
        bytes.append(separator)
        bytes.append(contentsOf: utf8)
        fields.set(start: value.lowerBound, length: Self.length(value.count + 1 + utf8.count), at: slot)
    }

    /// ``extend(_:separator:utf8:)`` with a string.
    public mutating func extend(_ field: Field, separator: UInt8, _ text: String) {
        var text = text
        text.withUTF8 { extend(field, separator: separator, utf8: $0) }
    }

    /// Adds the UTF-8 text `utf8` to a list field of the current row.
    public mutating func add(_ field: ListField, utf8: UnsafeBufferPointer<UInt8>) {
        precondition(!lines.isEmpty, "startPerson() before the fields")
        keys.includeName = nil
        items.append(start: bytes.count, length: Self.length(utf8.count))
        itemFields.append(UInt8(field.rawValue))
        bytes.append(contentsOf: utf8)
        firstItems[firstItems.count - 1] = items.count
    }

    /// Adds `text` to a list field of the current row.
    public mutating func add(_ field: ListField, _ text: String) {
        var text = text
        text.withUTF8 { add(field, utf8: $0) }
    }

    /// Sets the id of the current row (see the type's documentation for the default).
    public mutating func setID(utf8: UnsafeBufferPointer<UInt8>) {
        precondition(!lines.isEmpty, "startPerson() before the fields")
        keys.includeName = nil
        explicitIDs.set(start: bytes.count, length: Self.length(utf8.count), at: explicitIDs.count - 1)
        bytes.append(contentsOf: utf8)
    }

    /// Sets the id of the current row.
    public mutating func setID(_ id: String) {
        var id = id
        id.withUTF8 { setID(utf8: $0) }
    }

    private mutating func currentSlot(_ field: Field) -> Int {
        precondition(!lines.isEmpty, "startPerson() before the fields")
        keys.includeName = nil
        return (lines.count - 1) * Self.fieldCount + field.rawValue
    }

    private static func length(_ count: Int) -> Int32 {
        precondition(count < Int(Int32.max), "a field of 2 GB or more")
        return Int32(count)
    }

    // MARK: Reading

    /// Calls `body` with the bytes of a field of row `row`, or `nil` when absent or empty.
    func withField<R>(_ field: Field, of row: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        let slot = row * Self.fieldCount + field.rawValue
        guard fields.lengths[slot] > 0 else { return try body(nil) }
        let value = fields.run(slot)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[value])) }
    }

    /// The text of a field of row `row`, or `nil` when absent or empty.
    func text(_ field: Field, of row: Int) -> String? {
        withField(field, of: row) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the bytes of item `item`.
    func withItem<R>(_ item: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let value = items.run(item)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[value])) }
    }

    /// The texts of a list field of row `row`, in the order added.
    func texts(_ field: ListField, of row: Int) -> [String] {
        (firstItems[row]..<firstItems[row + 1]).filter { itemFields[$0] == UInt8(field.rawValue) }.map { item in
            withItem(item) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The explicit id of row `row`, if one was set.
    func explicitID(of row: Int) -> String? {
        guard explicitIDs.isPresent(row) else { return nil }
        return String(decoding: bytes[explicitIDs.run(row)], as: UTF8.self)
    }

    /// The line of row `row`, if known.
    func line(of row: Int) -> Int? { lines[row] > 0 ? lines[row] : nil }

    /// Row `row` as a record, with the id it was given (or an empty id when it takes its
    /// default): what ``GraphBuilder/addPersons(_:source:referencedByID:)`` treats it as.
    public func record(at row: Int) -> PersonRecord {
        PersonRecord(
            id: explicitID(of: row) ?? "", name: text(.name, of: row), emails: texts(.emails, of: row),
            phones: texts(.phones, of: row), profileURLs: texts(.profileURLs, of: row),
            organisation: text(.organisation, of: row), title: text(.title, of: row),
            sector: text(.sector, of: row), location: text(.location, of: row),
            categories: texts(.categories, of: row), isMember: members[row])
    }
}
