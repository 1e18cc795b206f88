@_spi(Testing) import CercleCore
import Testing
import _CercleTestSupport

/// ``GraphBuilder/addPersons(_:source:referencedByID:)`` against
/// ``GraphBuilder/addPerson(_:source:line:referencedByID:)`` on the same rows: the byte path
/// must make the same persons, keys, merges, ids and fields as the record path.
@Suite("Person batches")
struct PersonBatchTests {
    static let names = [
        "Ann Berg", "ann  berg", "Zoë Müller", "Zoe\u{308} Mu\u{308}ller", "李雷", "Ιωάννης Π", "  ", "", "Jeanne d'Arc-Müller",
        "Ærø Straße", "Ann", "O\"Brien",
    ]
    static let organisations = ["Acme", "Acme, Inc.", "ACME inc", "", "Müller GmbH", "Mu\u{308}ller GmbH", "-.-", "日本"]
    static let emails = [
        "ann@acme.example", " mailto:Ann@ACME.example ", "<ann@acme.example>", "zoë@acme.example", "zoe\u{308}@acme.example",
        "not an address", "bo@x.example", "BO@X.EXAMPLE", "ann b@acme.example", "",
    ]
    static let urls = [
        "https://www.linkedin.com/in/ann-berg/", "http://linkedin.com/in/Ann-Berg?trk=x", "https://linkedin.com/in/j\u{D6}rg#a",
        "https://", "linkedin.com/in/bo", "  https://www.linkedin.com/in/zoe  ", "",
    ]
    static let phones = ["+33 6 12 34 56 78", "06 12 34 56 78", "12 34", "+49 (0)30 1234-5678", ""]
    static let categories = ["client", "supplier", "", "client"]

    /// A random record; `id` empty means "the batch's default".
    static func record(_ generator: inout SeededGenerator) -> PersonRecord {
        func some(_ pool: [String], max: Int) -> [String] {
            (0..<Int.random(in: 0...max, using: &generator)).map { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] }
        }
        func one(_ pool: [String]) -> String? {
            Int.random(in: 0..<4, using: &generator) == 0 ? nil : pool[Int.random(in: 0..<pool.count, using: &generator)]
        }
        return PersonRecord(
            id: Int.random(in: 0..<4, using: &generator) == 0 ? "id\(Int.random(in: 0..<40, using: &generator))" : "",
            name: one(names), emails: some(emails, max: 2), phones: some(phones, max: 2), profileURLs: some(urls, max: 2),
            organisation: one(organisations), title: one(["CEO", "Key Account Manager", ""]), sector: one(["Energy", ""]),
            location: one(["Berlin", "Zürich"]), categories: some(categories, max: 2),
            isMember: Int.random(in: 0..<10, using: &generator) == 0)
    }

    /// The id a batch gives a row without one.
    static func defaultID(of record: PersonRecord, line: Int, kinds: [IdentityKey.Kind], includeName: Bool) -> String {
        let keys = record.identityKeys(includeName: includeName)
        for kind in kinds { if let key = keys.first(where: { $0.kind == kind }) { return key.value } }
        return "row:\(line)"
    }

    @Test("rows added in batches make what records added one by one make", arguments: [
        (GraphBuilder.IDScope.local, false, false), (.local, true, false), (.global, true, false), (.local, true, true),
    ])
    func sameAsRecords(scope: GraphBuilder.IDScope, referencedByID: Bool, mergeOnName: Bool) {
        var generator = SeededGenerator(seed: 2026)
        var batched = GraphBuilder()
        var single = GraphBuilder()
        batched.mergeOnName = mergeOnName
        single.mergeOnName = mergeOnName
        // Persons already there, and a member known by name only, as other sources leave them.
        for index in 0..<2 {
            var builder = index == 0 ? batched : single
            let earlier = builder.beginSource(name: "book.vcf", format: "vcard", scope: .local)
            builder.addPerson(PersonRecord(id: "x", name: "Ann Berg", emails: ["ann@acme.example"], organisation: "Acme",
                                           title: "Boss"), source: earlier)
            builder.addPerson(PersonRecord(id: "m", name: "Zoë Müller", isMember: true), source: earlier)
            if index == 0 { batched = builder } else { single = builder }
        }
        let kinds: [IdentityKey.Kind] = [.profileURL, .email]
        let sourceA = batched.beginSource(name: "export.csv", format: "test", scope: scope)
        let sourceB = single.beginSource(name: "export.csv", format: "test", scope: scope)
        var batch = PersonBatch(idKinds: kinds)
        var created = 0
        var merged = 0
        var line = 1
        while line < 600 {
            batch.removeAll()
            var records: [(PersonRecord, Int)] = []
            for _ in 0..<Int.random(in: 1...90, using: &generator) {
                line += 1
                var record = Self.record(&generator)
                batch.startPerson(line: line, isMember: record.isMember)
                if !record.id.isEmpty { batch.setID(record.id) }
                // Fields in an order other than the record's, and names in two parts.
                if let title = record.title { batch.set(.title, title) }
                for url in record.profileURLs { batch.add(.profileURLs, url) }
                if let name = record.name, !name.hasPrefix(" ") {
                    let parts = name.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                    batch.set(.name, String(parts[0]))
                    if let organisation = record.organisation { batch.set(.organisation, organisation) }
                    if parts.count > 1 { batch.extend(.name, separator: 0x20, String(parts[1])) }
                } else {
                    if let name = record.name { batch.set(.name, name) }
                    if let organisation = record.organisation { batch.set(.organisation, organisation) }
                }
                for email in record.emails { batch.add(.emails, email) }
                for phone in record.phones { batch.add(.phones, phone) }
                for category in record.categories { batch.add(.categories, category) }
                if let sector = record.sector { batch.set(.sector, sector) }
                if let location = record.location { batch.set(.location, location) }
                if record.id.isEmpty {
                    record.id = Self.defaultID(of: record, line: line, kinds: kinds, includeName: mergeOnName)
                }
                records.append((record, line))
            }
            for (index, (record, _)) in records.enumerated() {
                var expected = batch.record(at: index)
                expected.id = record.id
                #expect(expected == Self.emptied(record))
            }
            let outcome = batched.addPersons(batch, source: sourceA, referencedByID: referencedByID)
            var nodes: [Int32] = []
            for (record, line) in records {
                let (node, result) = single.addPerson(record, source: sourceB, line: line, referencedByID: referencedByID)
                nodes.append(node)
                if case .created = result { created += 1 } else { merged += 1 }
            }
            #expect(outcome.nodes == nodes)
        }
        #expect(batched.merges == single.merges)
        #expect(batched.merges.count > 50)
        let (a, b) = (batched.build(), single.build())
        #expect(a.ids == b.ids)
        #expect(a.nodeAttributes == b.nodeAttributes)
        #expect(batched.resolutionNotes == single.resolutionNotes)
        #expect(a.nodeAttributes.names == b.nodeAttributes.names)
        #expect(created + merged == line - 1)
    }

    /// A record as a batch row holds it: empty texts are absent.
    static func emptied(_ record: PersonRecord) -> PersonRecord {
        var copy = record
        for path in [\PersonRecord.name, \.organisation, \.title, \.sector, \.location] where copy[keyPath: path] == "" {
            copy[keyPath: path] = nil
        }
        return copy
    }

    @Test("rows with neither id, key nor line are persons of their own")
    func unnamedRows() {
        var builder = GraphBuilder()
        let source = builder.beginSource(name: "list.csv", format: "test", scope: .local)
        var batch = PersonBatch()
        for _ in 0..<3 {
            batch.startPerson()
            batch.set(.name, "Ann")  // a name alone is no key (unless names are merged)
        }
        let outcome = builder.addPersons(batch, source: source)
        #expect(outcome.created == 3)
        #expect(Set(outcome.nodes).count == 3)
        #expect(builder.build().nodeCount == 3)
    }

    @Test("extending a field that is not the last one written keeps both parts")
    func extendEarlierField() {
        var batch = PersonBatch()
        batch.startPerson(line: 3)
        batch.set(.name, "Ann")
        batch.set(.organisation, "Acme")
        batch.extend(.name, separator: 0x20, "Berg")
        batch.extend(.title, separator: 0x20, "CEO")
        let record = batch.record(at: 0)
        #expect(record.name == "Ann Berg")
        #expect(record.organisation == "Acme")
        #expect(record.title == "CEO")
        #expect(record.id == "")
    }
}
