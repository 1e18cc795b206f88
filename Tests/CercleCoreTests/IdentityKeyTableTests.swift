@_spi(Testing) import CercleCore
import Foundation
import Testing

@Suite("Identity-key table")
struct IdentityKeyTableTests {
    @Test("keys that share a fingerprint stay distinct: a collision never merges two persons")
    func collisions() {
        var table = IdentityKeyTable()
        let ann = IdentityKey(kind: .email, value: "ann@acme.example", fingerprint: 42)
        let bo = IdentityKey(kind: .email, value: "bo@acme.example", fingerprint: 42)
        let annURL = IdentityKey(kind: .profileURL, value: "ann@acme.example", fingerprint: 42)
        let annPrefix = IdentityKey(kind: .email, value: "ann@acme.exampl", fingerprint: 42)
        #expect(table.updateOwner(ann, to: 0) == nil)
        #expect(table.updateOwner(bo, to: 1) == nil)
        #expect(table.updateOwner(annURL, to: 2) == nil)
        #expect(table.updateOwner(annPrefix, to: 3) == nil)
        #expect(table.count == 4)
        #expect(table.owner(of: ann) == 0)
        #expect(table.owner(of: bo) == 1)
        #expect(table.owner(of: annURL) == 2)
        #expect(table.owner(of: annPrefix) == 3)
        // The same key again hands over its owner, as Dictionary.updateValue does.
        #expect(table.updateOwner(bo, to: 7) == 1)
        #expect(table.owner(of: bo) == 7)
        #expect(table.owner(of: IdentityKey(kind: .email, value: "cy@acme.example", fingerprint: 42)) == nil)
    }

    @Test("the table agrees with a dictionary over many keys, through rehashing")
    func agreesWithDictionary() {
        var table = IdentityKeyTable()
        var reference: [IdentityKey: Int32] = [:]
        var state: UInt64 = 3
        for step in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let number = Int(state >> 49)  // about 32k distinct values: many repeats
            let kinds: [IdentityKey.Kind] = [.email, .profileURL, .phone, .nameAndOrganisation]
            let key = IdentityKey(kind: kinds[number % 4], value: "k\(number / 4)é")
            #expect(table.updateOwner(key, to: Int32(step)) == reference.updateValue(Int32(step), forKey: key))
        }
        #expect(table.count == reference.count)
        for (key, owner) in reference { #expect(table.owner(of: key) == owner) }
    }

    @Test("name-and-organisation keys fold both parts as fold does", arguments: [
        ("Zoë Müller", "Acme, Inc."), ("  ", "Acme"), ("Ann", "  -.- "), ("Zoe\u{0308}", "Mu\u{0308}ller GmbH"),
        ("李雷", "Acme"), ("Ann", "Ιωάννης AG"), ("Ann  Berg", "A & B"),
    ])
    func nameAndOrganisation(name: String, organisation: String) {
        let folded = (IdentityKey.fold(name), IdentityKey.fold(organisation))
        let expected = folded.0.isEmpty || folded.1.isEmpty
            ? nil : IdentityKey(kind: .nameAndOrganisation, value: "\(folded.0) | \(folded.1)")
        #expect(IdentityKey.nameAndOrganisation(name, organisation) == expected)
        #expect(IdentityKey.nameAndOrganisation(name, organisation)?.value == expected?.value)
    }

    @Test("keys are composed to NFC whatever form the text came in")
    func composition() {
        #expect(IdentityKey(kind: .name, value: "zoe\u{0308}") == IdentityKey(kind: .name, value: "zoë"))
        #expect(IdentityKey(kind: .name, value: "zoe\u{0308}").value == "zoë")
        #expect(IdentityKey(kind: .name, value: "\u{2FF}x").value == "\u{2FF}x")
        #expect(IdentityKey(kind: .name, value: "A\u{030A}").value == "\u{00C5}")
    }
}
