extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's
    /// `White_Space` property, as Foundation's `.whitespacesAndNewlines`).
    ///
    /// Written without Foundation, whose `trimmingCharacters(in:)` bridges through
    /// `NSString` on Linux and cost a quarter of a million-row import.
    ///
    /// - Complexity: O(1) when the text starts and ends with a visible ASCII character,
    ///   else O(*w*) for *w* white-space scalars at the ends.
    public var trimmingWhitespace: String {
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
