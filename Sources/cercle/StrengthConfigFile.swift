import Foundation

/// Reads a tie-strength configuration file: JSON, or the small YAML subset such a file
/// needs (`key: number` lines, one level of indented `key: number` lines under `key:`,
/// `#` comments), turned into JSON for ``TieStrengthModel/init(configuration:)``.
enum StrengthConfigFile {
    /// The JSON bytes of the file at `path`.
    static func json(path: String, data: Data) throws -> Data {
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { return data }
        return try json(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    static func json(yaml text: String, path: String) throws -> Data {
        var top: [String: Any] = [:]
        var section: String?
        var nested: [String: Double] = [:]
        func close() {
            if let section { top[section] = nested }
            section = nil
            nested = [:]
        }
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .replacingOccurrences(of: "\r", with: "")
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indented = line.first == " " || line.first == "\t"
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            func fail(_ reason: String) -> InputError { InputError("\(path):\(offset + 1): \(reason)") }
            guard let value, !key.isEmpty else { throw fail("expected 'name: number'") }
            if indented {
                guard section != nil else { throw fail("an indented line belongs under a 'name:' line") }
                guard let number = Double(value) else { throw fail("'\(value)' is not a number") }
                nested[key] = number
            } else {
                close()
                if value.isEmpty {
                    section = key
                } else {
                    guard let number = Double(value) else { throw fail("'\(value)' is not a number") }
                    top[key] = number
                }
            }
        }
        close()
        return try JSONSerialization.data(withJSONObject: top)
    }
}
