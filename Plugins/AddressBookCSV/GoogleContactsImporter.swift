import CercleCore
import CerclePlugin
import Foundation

/// Reads a Google Contacts CSV export, in the current layout and the older one.
///
/// - **current** (since 2020): `First Name`, `Middle Name`, `Last Name`, …,
///   `Organization Name`, `Organization Title`, `Organization Department`, `Labels`,
///   `E-mail 1 - Label`, `E-mail 1 - Value`, …, `Phone N - Value`, `Address N - City`,
///   `Website N - Value`; UTF-8 with a byte-order mark.
/// - **older** ("Google CSV"): `Name`, `Given Name`, `Family Name`, …, `Group Membership`,
///   `E-mail 1 - Type`, `E-mail 1 - Value`, …, `Organization 1 - Name`,
///   `Organization 1 - Title`.
///
/// Several values in one cell are joined by ` ::: ` (two addresses in `E-mail 1 - Value`,
/// several labels); every `E-mail N`, `Phone N` and `Website N` column is read. Labels
/// become categories, without Google's own `* myContacts` and `* starred` (other system
/// groups such as `* Friends` lose their `* `). Websites are profile URLs (identity keys)
/// when they point at a person's profile, else the `website` attribute; the department
/// goes to `department`, the first address's city and country to the location. Notes,
/// birthdays and photos are not read.
///
/// The owner (``ContactOwner``: `--member`, else the file name, `anna-becker.csv` →
/// "Anna Becker") is added as a member and tied to every contact with channel
/// `addressbook`. A row without name, e-mail, phone or profile URL is skipped with its line.
public struct GoogleContactsImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "google-csv", name: "Google Contacts CSV (current and older layout)", fileExtensions: ["csv"], quality: 2)

    public var idScope: GraphBuilder.IDScope { .local }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let header = sample.firstLine
        return header.contains("E-mail 1 - Value") && (header.contains("Labels") || header.contains("Group Membership")
            || header.contains("Given Name") || header.contains("First Name")) ? .certain : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var reader = CSVReader(data: try input.bytes(), file: input.displayName, delimiter: 0x2C)
        if reader.encoding != .utf8 { context.note("read as \(reader.encoding.rawValue)") }
        guard let header = try Self.header(&reader) else {
            throw context.error("no Google Contacts header (E-mail 1 - Value…)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let find = { (candidates: [String]) in AddressBookColumns.find(candidates, in: names) }
        let numbered = { (prefix: String, suffix: String) in
            names.indices.filter { names[$0].hasPrefix(prefix) && names[$0].hasSuffix(suffix) }
        }
        var columns = AddressBookColumns(categorySeparator: " ::: ")
        columns.fullName = find(["Name"])
        columns.firstName = find(["First Name", "Given Name"])
        columns.middleName = find(["Middle Name", "Additional Name"])
        columns.lastName = find(["Last Name", "Family Name"])
        columns.emails = numbered("E-mail ", " - Value")
        columns.phones = numbered("Phone ", " - Value")
        columns.websites = numbered("Website ", " - Value")
        columns.organisation = find(["Organization Name", "Organization 1 - Name"])
        columns.title = find(["Organization Title", "Organization 1 - Title"])
        columns.department = find(["Organization Department", "Organization 1 - Department"])
        columns.categories = find(["Labels", "Group Membership"])
        columns.city = find(["Address 1 - City"])
        columns.country = find(["Address 1 - Country"])
        columns.multiValueSeparator = " ::: "
        columns.systemCategories = ["* myContacts", "* starred", "* My Contacts", "* Starred"]
        try AddressBookColumns.readRows(&reader, header: header, columns: columns, input: input, into: &context)
    }

    static func header(_ reader: inout CSVReader) throws -> CSVRow? {
        while let row = try reader.next() {
            if row.isEmptyLine { continue }
            return row.fields.contains { $0.hasPrefix("E-mail 1 - ") } ? row : nil
        }
        return nil
    }
}
