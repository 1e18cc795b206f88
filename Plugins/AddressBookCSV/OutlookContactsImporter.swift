import CercleCore
import CerclePlugin
import Foundation

/// Reads an Outlook contacts CSV export (Outlook for Windows, Outlook.com), in English
/// or German.
///
/// Columns (found by name): `First Name`, `Middle Name`, `Last Name` (`Title` is the
/// salutation and is not read), `Company`, `Department`, `Job Title`, `E-mail Address`,
/// `E-mail 2 Address`, `E-mail 3 Address`, every phone column (`Mobile Phone`,
/// `Business Phone`…, faxes and pagers aside), `Web Page`, `Categories` (separated by
/// `;`), `Business City` and `Business Country/Region` (else the home ones); the German
/// export's `Vorname`, `Nachname`, `Firma`, `Abteilung`, `Position`, `E-Mail-Adresse`,
/// `Mobiltelefon`, `Kategorien`… likewise. Outlook writes Windows-1252, which is detected
/// and decoded.
///
/// The owner and the rows are handled as for Google Contacts (see
/// ``GoogleContactsImporter``): the owner is tied to every contact with channel
/// `addressbook`; a row without name, e-mail, phone or profile URL is skipped.
public struct OutlookContactsImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "outlook-csv", name: "Outlook contacts CSV", fileExtensions: ["csv"], quality: 2)

    public var idScope: GraphBuilder.IDScope { .local }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let header = sample.firstLine
        if header.contains("E-mail Address"), header.contains("Job Title") || header.contains("Business Phone")
            || header.contains("Mobile Phone") { return .certain }
        if header.contains("E-Mail-Adresse"), header.contains("Vorname") { return .certain }
        return .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var reader = CSVReader(data: try input.bytes(), file: input.displayName)
        if reader.encoding != .utf8 { context.note("read as \(reader.encoding.rawValue)") }
        var header: CSVRow?
        while let row = try reader.next() {
            if row.isEmptyLine { continue }
            header = row
            break
        }
        guard let header else { throw context.error("empty file: no header") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let find = { (candidates: [String]) in AddressBookColumns.find(candidates, in: names) }
        var columns = AddressBookColumns(categorySeparator: ";")
        columns.firstName = find(["First Name", "Vorname"])
        columns.middleName = find(["Middle Name", "Weitere Vornamen"])
        columns.lastName = find(["Last Name", "Nachname"])
        columns.emails = names.indices.filter { index in
            let name = names[index].lowercased()
            return (name.hasPrefix("e-mail") || name.hasPrefix("e-mail-")) && (name.hasSuffix("address") || name.hasSuffix("adresse"))
        }
        columns.phones = names.indices.filter { index in
            let name = names[index].lowercased()
            let isPhone = name.contains("phone") || name.contains("telefon")
            return isPhone && !name.contains("fax") && !name.contains("pager")
        }
        columns.websites = names.indices.filter { ["web page", "webseite", "website"].contains(names[$0].lowercased()) }
        columns.organisation = find(["Company", "Firma"])
        columns.department = find(["Department", "Abteilung"])
        columns.title = find(["Job Title", "Position"])
        columns.categories = find(["Categories", "Kategorien"])
        columns.city = find(["Business City", "Ort geschäftlich", "Home City", "Ort privat"])
        columns.country = find(["Business Country/Region", "Business Country", "Land/Region geschäftlich", "Home Country/Region", "Home Country"])
        guard columns.firstName != nil || columns.lastName != nil || !columns.emails.isEmpty else {
            throw context.error("no Outlook contact columns (First Name, Last Name, E-mail Address)", line: header.line)
        }
        try AddressBookColumns.readRows(&reader, header: header, columns: columns, input: input, into: &context)
    }
}
