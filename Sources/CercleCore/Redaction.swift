/// What `--redact` removes from every output.
public struct Redaction: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// E-mail addresses: the `emails` column, addresses inside any text, ids that are addresses.
    public static let emails = Redaction(rawValue: 1)
    /// Phone numbers: the `phones` column, phone-like text, `tel:` ids.
    public static let phones = Redaction(rawValue: 2)
    /// Names: labels become `Person 12`, person ids become `p12`, profile URLs (which
    /// carry names) are removed.
    public static let names = Redaction(rawValue: 4)

    /// Parses `emails,phones,names` (also `all`).
    ///
    /// - Returns: `nil` when a word is unknown.
    public init?(list: String) {
        var result: Redaction = []
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch word {
            case "emails", "email": result.insert(.emails)
            case "phones", "phone": result.insert(.phones)
            case "names", "name": result.insert(.names)
            case "all": result = [.emails, .phones, .names]
            case "": continue
            default: return nil
            }
        }
        self = result
    }
}

extension ContactGraph {
    /// A copy with the personal data of `redaction` removed from ids, labels and attributes.
    ///
    /// Ids that carry redacted data are replaced by `p<n>` (n = node index + 1), so the
    /// same input gives the same pseudonyms and edges still connect the same nodes.
    ///
    /// - Complexity: O((*n* + *m*) × attribute columns).
    public func redacted(_ redaction: Redaction) -> ContactGraph {
        guard !redaction.isEmpty else { return self }
        var copy = self
        var newIDs = Array(ids)
        let labels = nodeAttributes[PersonField.label]
        for node in 0..<nodeCount {
            let id = ids[node]
            let isPerson = labels?[node] != nil || Redaction.looksLikeEmail(id) || id.hasPrefix("tel:")
            if (redaction.contains(.emails) && Redaction.containsEmail(id))
                || (redaction.contains(.phones) && (id.hasPrefix("tel:") || Redaction.containsPhone(id)))
                || (redaction.contains(.names) && isPerson) {
                newIDs[node] = "p\(node + 1)"
            }
        }
        var nodeTable = AttributeTable(rowCount: nodeCount)
        for column in nodeAttributes.columns {
            if redaction.contains(.emails), PersonField.emailColumns.contains(column.name) { continue }
            if redaction.contains(.phones), PersonField.phoneColumns.contains(column.name) { continue }
            if redaction.contains(.names), column.name == PersonField.urls { continue }
            if redaction.contains(.names), column.name == PersonField.label {
                nodeTable.set(AttributeColumn(name: column.name, strings: (0..<nodeCount).map {
                    column[$0] == nil ? nil : "Person \($0 + 1)"
                }))
                continue
            }
            nodeTable.set(Redaction.scrub(column, redaction))
        }
        var edgeTable = AttributeTable(rowCount: edgeCount)
        for column in edgeAttributes.columns { edgeTable.set(Redaction.scrub(column, redaction)) }
        copy.nodeAttributes = nodeTable
        copy.edgeAttributes = edgeTable
        copy.ids = NodeIDs(newIDs)
        copy.metadata["redacted"] = [
            redaction.contains(.emails) ? "emails" : nil, redaction.contains(.phones) ? "phones" : nil,
            redaction.contains(.names) ? "names" : nil,
        ].compactMap { $0 }.joined(separator: ",")
        return copy
    }
}

extension Redaction {
    static let placeholder = "[redacted]"

    /// A column with redacted text replaced in string and list values.
    static func scrub(_ column: AttributeColumn, _ redaction: Redaction) -> AttributeColumn {
        guard column.type == .string || column.type == .stringList else { return column }
        var result = column
        for row in 0..<column.count {
            switch column[row] {
            case .string(let text)?:
                let clean = scrub(text, redaction)
                if clean != text { result.set(.string(clean), at: row) }
            case .stringList(let values)?:
                let clean = values.map { scrub($0, redaction) }
                if clean != values { result.set(.stringList(clean), at: row) }
            default: break
            }
        }
        return result
    }

    /// `text` with every e-mail address and/or phone number replaced by `[redacted]`.
    static func scrub(_ text: String, _ redaction: Redaction) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices {
            if redaction.contains(.emails), containsEmail(words[index]) {
                words[index] = placeholder
                changed = true
            }
        }
        var result = changed ? words.joined(separator: " ") : text
        if redaction.contains(.phones), containsPhone(result) { result = maskPhones(result) }
        return result
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        IdentityKey.normalizedEmail(text) != nil
    }

    static func containsEmail(_ text: String) -> Bool {
        guard let at = text.firstIndex(of: "@") else { return false }
        return text[..<at].contains(where: { $0.isLetter || $0.isNumber }) && text[at...].contains(".")
    }

    /// Seven or more digits in a run of digits, spaces, dots, dashes, parentheses and `+`.
    static func containsPhone(_ text: String) -> Bool {
        maskPhones(text) != text
    }

    static func maskPhones(_ text: String) -> String {
        var result = ""
        var run = ""
        var digits = 0
        func flush() {
            result += digits >= 7 ? placeholder + (run.last == " " ? " " : "") : run
            run = ""
            digits = 0
        }
        for character in text {
            if character.isASCII, character.isNumber {
                run.append(character)
                digits += 1
            } else if "+-. ()/".contains(character), !run.isEmpty || character == "+" || character == "(" {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
