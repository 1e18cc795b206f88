/// Splitting a Pajek line into fields.
///
/// Fields are separated by spaces or tabs. A field in double quotes may hold spaces; in
/// it, `\"` stands for a quote and `\\` for a backslash (the escapes NetworkX's reader,
/// Python's `shlex`, understands; Pajek itself has none, and other backslashes are kept).
enum PajekLine {
    /// Why a line could not be split.
    struct UnterminatedQuote: Error {
        /// The 1-based column of the opening quote.
        var column: Int
    }

    /// The fields of `line`.
    static func fields(_ line: Substring) throws(UnterminatedQuote) -> [String] {
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            // The common case (every edge line): split the bytes.
            return line.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                .map { String(Substring($0)) }
        }
        var fields: [String] = []
        var scalars = line.unicodeScalars[...]
        var column = 1
        while let first = scalars.first {
            if first == " " || first == "\t" || first == "\r" {
                scalars = scalars.dropFirst()
                column += 1
                continue
            }
            if first == "\"" {
                let opening = column
                scalars = scalars.dropFirst()
                column += 1
                var field = String.UnicodeScalarView()
                var closed = false
                while let scalar = scalars.first {
                    scalars = scalars.dropFirst()
                    column += 1
                    if scalar == "\"" {
                        closed = true
                        break
                    }
                    if scalar == "\\", let next = scalars.first, next == "\"" || next == "\\" {
                        field.append(next)
                        scalars = scalars.dropFirst()
                        column += 1
                        continue
                    }
                    field.append(scalar)
                }
                guard closed else { throw UnterminatedQuote(column: opening) }
                fields.append(String(field))
                continue
            }
            var field = String.UnicodeScalarView()
            while let scalar = scalars.first, scalar != " ", scalar != "\t", scalar != "\r" {
                field.append(scalar)
                scalars = scalars.dropFirst()
                column += 1
            }
            fields.append(String(field))
        }
        return fields
    }

    /// `text` as a quoted Pajek field: `"` and `\` escaped, line breaks turned into spaces
    /// (the format is line-based).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
