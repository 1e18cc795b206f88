import CercleCore
import CerclePlugin
import Foundation

/// Where the fields of a person are in an address-book CSV (Google, Outlook), and the
/// reading they share.
///
/// Columns are found by header name, so added, removed or reordered columns do not
/// matter. A cell may hold several values joined by ``multiValueSeparator`` (Google's
/// ` ::: `).
struct AddressBookColumns {
    var fullName: Int?
    var firstName: Int?
    var middleName: Int?
    var lastName: Int?
    var emails: [Int] = []
    var phones: [Int] = []
    var websites: [Int] = []
    var organisation: Int?
    var title: Int?
    var department: Int?
    var categories: Int?
    var city: Int?
    var country: Int?
    /// Joins several values in one cell (Google: ` ::: `).
    var multiValueSeparator: String?
    /// Separates categories (Google: ` ::: `, Outlook: `;`).
    var categorySeparator: String
    /// Category values that are the tool's own, not the user's (`* myContacts`).
    var systemCategories: Set<String> = []

    /// The first column whose name is one of `names` (any case).
    static func find(_ names: [String], in header: [String]) -> Int? {
        let wanted = names.map { $0.lowercased() }
        for name in wanted {
            if let index = header.firstIndex(where: { $0.lowercased() == name }) { return index }
        }
        return nil
    }

    /// The values of a cell, split on the multi-value separator.
    func values(_ row: CSVRow, _ column: Int) -> [String] {
        let cell = row[column]
        let parts = multiValueSeparator.map { cell.components(separatedBy: $0) } ?? [cell]
        return parts.compactMap { ContactFields.nonEmpty($0) }
    }

    func text(_ row: CSVRow, _ column: Int?) -> String? {
        column.flatMap { values(row, $0).first }
    }

    /// The person of one row (its id is set by the caller).
    func person(_ row: CSVRow) -> PersonRecord {
        var person = PersonRecord(id: "")
        person.name = text(row, fullName)
            ?? ContactFields.name(first: text(row, firstName), middle: text(row, middleName), last: text(row, lastName))
        for column in emails {
            for email in values(row, column) where !person.emails.contains(email) { person.emails.append(email) }
        }
        for column in phones {
            for phone in values(row, column) where !person.phones.contains(phone) { person.phones.append(phone) }
        }
        for column in websites {
            for url in values(row, column) {
                if ContactFields.isProfileURL(url) {
                    if !person.profileURLs.contains(url) { person.profileURLs.append(url) }
                } else if !person.attributes.contains(where: { $0.name == "website" }) {
                    person.attributes.append(("website", .string(url)))
                }
            }
        }
        person.organisation = text(row, organisation)
        person.title = text(row, title)
        if let department = text(row, department) { person.attributes.append(("department", .string(department))) }
        if let categories {
            for raw in row[categories].components(separatedBy: categorySeparator) {
                guard var category = ContactFields.nonEmpty(raw), !systemCategories.contains(category) else { continue }
                if category.hasPrefix("* ") { category.removeFirst(2) }
                if !person.categories.contains(category) { person.categories.append(category) }
            }
        }
        person.location = ContactFields.location(city: text(row, city), country: text(row, country))
        return person
    }

    /// Reads the rows after the header into `context`, tying each person to the owner.
    static func readRows(
        _ reader: inout CSVReader, header: CSVRow, columns: AddressBookColumns, input: ImportInput,
        into context: inout ImportContext
    ) throws {
        let owner = ContactOwner.of(input, options: context.options)
        if let owner {
            context.addPerson(owner.record)
        } else {
            context.note("no owner named: the contacts are not tied to anyone (name the owner with --member, or name the file after them)")
        }
        var usedIDs = Set<String>()
        while let row = try reader.next() {
            if row.isEmptyLine { continue }
            if row.count > header.count, row.fields[header.count...].contains(where: { !$0.isEmpty }) {
                context.skip(line: row.line, reason: "expected \(header.count) fields, found \(row.count)")
                continue
            }
            var person = columns.person(row)
            guard person.name != nil || !person.emails.isEmpty || !person.phones.isEmpty || !person.profileURLs.isEmpty else {
                context.skip(line: row.line, reason: row.isBlank ? "blank row" : "row has no name, e-mail, phone or profile URL")
                continue
            }
            var id = person.emails.first.flatMap(IdentityKey.normalizedEmail)
                ?? person.profileURLs.first.flatMap(IdentityKey.normalizedURL) ?? "row:\(row.line)"
            if !usedIDs.insert(id).inserted { id = "row:\(row.line)" }
            person.id = id
            context.addPerson(person, line: row.line)
            if let owner {
                context.addTie(TieRecord(source: owner.localID, target: id, channels: ChannelSet(.addressbook)))
            }
            context.accept()
        }
    }
}
