import Foundation

/// A normalised key under which two records are taken to be the same person.
///
/// Keys are tried in the order of ``Kind``: e-mail, profile URL, phone, then name and
/// organisation together. Normalisation is deliberately conservative, so that a merge is
/// always explainable by pointing at two equal keys:
///
/// - e-mail: trimmed, `mailto:` removed, lower-cased (`Ann@Acme.COM` = `ann@acme.com`);
///   dots and `+tags` are kept, since only some providers ignore them.
/// - profile URL: scheme, `www.`, query, fragment and trailing `/` removed, host and path
///   lower-cased (`https://www.linkedin.com/in/Ann-B/` = `linkedin.com/in/ann-b`).
/// - phone: the last nine digits of a number of at least seven digits, which makes
///   `+33 6 12 34 56 78` and `06 12 34 56 78` equal (the national significant number of
///   most countries has nine or ten digits).
/// - name + organisation: both case-, accent- and punctuation-folded, spaces collapsed;
///   only when both are present.
/// - id: an identifier declared global by its source (a graph file's node id).
public struct IdentityKey: Hashable, Sendable, CustomStringConvertible {
    /// What a key is made of, strongest first.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case id
        case email
        case profileURL = "url"
        case phone
        case nameAndOrganisation = "name+organisation"
        case name

        /// The rank of the kind, strongest first.
        var rank: UInt8 {
            switch self {
            case .id: 0
            case .email: 1
            case .profileURL: 2
            case .phone: 3
            case .nameAndOrganisation: 4
            case .name: 5
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    public let kind: Kind
    /// The normalised value, in Unicode's composed form (NFC).
    public let value: String
    /// A 64-bit FNV-1a hash of the value's bytes, computed once: dictionaries of a
    /// million keys compare it before touching the text.
    let fingerprint: UInt64

    /// A key of `kind` with `value`, composed to NFC when it is not ASCII, so that keys
    /// compare by their bytes exactly as Swift compares the strings.
    public init(kind: Kind, value: String) {
        self.kind = kind
        // One pass over the bytes gives the fingerprint and tells whether the text may
        // need composing (``UTF8Text``); only such text asks Foundation (slow on Linux).
        var text = value
        let (hash, composed) = text.withUTF8(UTF8Text.fingerprint)
        if composed {
            self.value = text
            fingerprint = hash
        } else {
            self.value = value.precomposedStringWithCanonicalMapping
            fingerprint = Self.fingerprint(of: self.value)
        }
    }

    /// A key with a chosen fingerprint, so that tests can make two different keys collide.
    /// `value` must already be in NFC.
    @_spi(Testing) public init(kind: Kind, value: String, fingerprint: UInt64) {
        self.kind = kind
        self.value = value
        self.fingerprint = fingerprint
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes.
    static func fingerprint(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8(fingerprint(utf8:))
    }

    /// FNV-1a, 64 bits, over `utf8`: the fingerprint of a key whose value has these bytes.
    @_spi(Testing) public static func fingerprint(utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UTF8Text.fingerprint(utf8).fingerprint
    }

    // Keys hash and compare by fingerprint and bytes: in a table of two million keys, every
    // probe of Swift's string comparison was a cache miss on the text. Equal to `String`
    // equality for values in NFC, which the initialiser guarantees.
    public static func == (lhs: IdentityKey, rhs: IdentityKey) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.kind == rhs.kind && lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
        hasher.combine(kind.rank)
    }

    public var description: String { "\(kind.rawValue) \(value)" }

    /// The e-mail key of `address`, or `nil` when it is not an address.
    public static func email(_ address: String) -> IdentityKey? {
        normalizedEmail(address).map { IdentityKey(kind: .email, value: $0) }
    }

    /// The profile-URL key of `url`, or `nil` when empty.
    public static func profileURL(_ url: String) -> IdentityKey? {
        normalizedURL(url).map { IdentityKey(kind: .profileURL, value: $0) }
    }

    /// The phone key of `number`, or `nil` with fewer than seven digits.
    public static func phone(_ number: String) -> IdentityKey? {
        normalizedPhone(number).map { IdentityKey(kind: .phone, value: $0) }
    }

    /// The name-and-organisation key, or `nil` unless both fold to something.
    public static func nameAndOrganisation(_ name: String?, _ organisation: String?) -> IdentityKey? {
        guard let name, let organisation else { return nil }
        // Both folded into one buffer: one string per key instead of three.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + organisation.utf8.count + 3)
        if fold(name, into: &bytes), !bytes.isEmpty {
            let nameEnd = bytes.count
            bytes.append(contentsOf: [0x20, 0x7C, 0x20])
            if fold(organisation, into: &bytes) {
                guard bytes.count > nameEnd + 3 else { return nil }
                return IdentityKey(kind: .nameAndOrganisation, value: String(decoding: bytes, as: UTF8.self))
            }
        }
        let foldedName = fold(name)
        let foldedOrganisation = fold(organisation)
        guard !foldedName.isEmpty, !foldedOrganisation.isEmpty else { return nil }
        return IdentityKey(kind: .nameAndOrganisation, value: "\(foldedName) | \(foldedOrganisation)")
    }

    /// The name-only key (used only when merging on names is asked for).
    public static func name(_ name: String?) -> IdentityKey? {
        guard let name = name.map(fold), !name.isEmpty, name.contains(" ") else { return nil }
        return IdentityKey(kind: .name, value: name)
    }

    /// Lower-cased, trimmed address without `mailto:`; `nil` unless it has one `@` with
    /// text on both sides and no space. The domain needs no dot: `alice@edu` and
    /// `root@localhost` are addresses of old and local mail.
    public static func normalizedEmail(_ address: String) -> String? {
        var address = address
        var bytes: [UInt8] = []
        switch address.withUTF8({ normalizeEmail(utf8: $0, into: &bytes) }) {
        case .key: return String(decoding: bytes, as: UTF8.self)
        case .none: return nil
        case .needsUnicode: break
        }
        bytes = Array(address.trimmingWhitespace.lowercased().utf8)
        if bytes.starts(with: mailtoBytes) { bytes.removeFirst(7) }
        if bytes.count >= 2, bytes.first == 0x3C, bytes.last == 0x3E { bytes = Array(bytes.dropFirst().dropLast()) }
        guard bytes.filter({ $0 == 0x40 }).count == 1, let at = bytes.firstIndex(of: 0x40), at > 0, at < bytes.count - 1 else {
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.unicodeScalars.contains(where: \.properties.isWhitespace) ? nil : text
    }

    static let mailtoBytes = Array("mailto:".utf8)

    /// Host and path, lower-cased, without scheme, `www.`, query, fragment or final `/`.
    public static func normalizedURL(_ url: String) -> String? {
        var url = url
        var bytes: [UInt8] = []
        switch url.withUTF8({ normalizeURL(utf8: $0, into: &bytes) }) {
        case .key: return String(decoding: bytes, as: UTF8.self)
        case .none: return nil
        case .needsUnicode: break
        }
        let lowered = Array(url.trimmingWhitespace.lowercased().utf8)
        return lowered.withUnsafeBufferPointer { lowered in
            urlCore(lowered).map { String(decoding: UnsafeBufferPointer(rebasing: lowered[$0]), as: UTF8.self) }
        }
    }

    static let httpsBytes = Array("https://".utf8)
    static let httpBytes = Array("http://".utf8)
    static let wwwBytes = Array("www.".utf8)

    /// The last nine digits of a number with at least seven digits.
    public static func normalizedPhone(_ number: String) -> String? {
        var number = number
        var bytes: [UInt8] = []
        guard number.withUTF8({ normalizePhone(utf8: $0, into: &bytes) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Keys from bytes

    /// What a byte-level normalisation made of its input.
    enum Normalisation {
        /// The key's bytes were appended.
        case key
        /// The input makes no key.
        case none
        /// The input is not ASCII: the `String` functions decide, with Unicode's case
        /// mapping and white space.
        case needsUnicode
    }

    /// Appends the e-mail key of the UTF-8 text `utf8` to `out` (see ``normalizedEmail(_:)``).
    /// `out` keeps its former bytes unless `.key` is returned.
    static func normalizeEmail(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Normalisation {
        let base = out.count
        guard appendTrimmedLowercasedASCII(utf8, to: &out) else {
            out.removeSubrange(base...)
            return .needsUnicode
        }
        var start = base
        var end = out.count
        if end - start >= 7, out[start..<start + 7].elementsEqual(mailtoBytes) { start += 7 }
        if end - start >= 2, out[start] == 0x3C, out[end - 1] == 0x3E {
            start += 1
            end -= 1
        }
        var at = 0
        var atIndex = start
        for index in start..<end {
            let byte = out[index]
            if byte == 0x40 {
                at += 1
                atIndex = index
            } else if byte <= 0x20 {
                out.removeSubrange(base...)
                return .none
            }
        }
        guard at == 1, atIndex > start, atIndex < end - 1 else {
            out.removeSubrange(base...)
            return .none
        }
        out.removeSubrange(end...)
        out.removeSubrange(base..<start)
        return .key
    }

    /// Appends ``normalizedEmail(_:)`` of the UTF-8 text `utf8` to `out`.
    ///
    /// - Returns: `false` (with `out` unchanged) when it is not an address.
    static func appendNormalizedEmail(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        switch normalizeEmail(utf8: utf8, into: &out) {
        case .key: return true
        case .none: return false
        case .needsUnicode:
            guard let email = normalizedEmail(String(decoding: utf8, as: UTF8.self)) else { return false }
            out += email.utf8
            return true
        }
    }

    /// Appends ``fold(_:)`` of the UTF-8 text `utf8` to `bytes`: the table-driven path when
    /// it can, Foundation's folding otherwise.
    static func appendFolded(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let start = bytes.count
        guard !fold(utf8: utf8, into: &bytes) else { return }
        bytes.removeSubrange(start...)
        bytes += foldUnicode(String(decoding: utf8, as: UTF8.self)).utf8
    }

    /// Appends the profile-URL key of the UTF-8 text `utf8` to `out` (see
    /// ``normalizedURL(_:)``). `out` keeps its former bytes unless `.key` is returned.
    static func normalizeURL(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Normalisation {
        // The key's range is found in the text itself (scheme and `www.` compared without
        // case); only its bytes are copied, lower-cased.
        let (start, end) = asciiTrimmed(utf8)
        for index in start..<end where utf8[index] >= 0x80 { return .needsUnicode }
        guard let core = urlCore(UnsafeBufferPointer(rebasing: utf8[start..<end]), lowerCasing: true) else { return .none }
        out.reserveCapacity(out.count + core.count)
        for index in core { out.append(asciiLowercase(utf8[start + index])) }
        return .key
    }

    @inline(__always)
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The part of a trimmed, lower-cased URL that is its key: without `https://` and
    /// then `http://`, `www.`, what follows `?` or `#`, and final slashes; `nil` if empty.
    ///
    /// - Parameter lowerCasing: compare the prefixes as if the text were lower-cased
    ///   (it is ASCII and not lower-cased yet).
    static func urlCore(_ bytes: UnsafeBufferPointer<UInt8>, lowerCasing: Bool = false) -> Range<Int>? {
        func starts(with prefix: [UInt8], at start: Int) -> Bool {
            guard bytes.count - start >= prefix.count else { return false }
            for (offset, byte) in prefix.enumerated() {
                let actual = lowerCasing ? asciiLowercase(bytes[start + offset]) : bytes[start + offset]
                if actual != byte { return false }
            }
            return true
        }
        var start = 0
        var end = bytes.count
        for scheme in [httpsBytes, httpBytes] where starts(with: scheme, at: start) {
            start += scheme.count
        }
        if starts(with: wwwBytes, at: start) { start += 4 }
        if let cut = bytes[start..<end].firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { end = cut }
        while end > start, bytes[end - 1] == 0x2F { end -= 1 }
        return start < end ? start..<end : nil
    }

    /// Appends the phone key of the UTF-8 text `utf8` to `out` (see ``normalizedPhone(_:)``).
    ///
    /// - Returns: `false` (with `out` unchanged) for fewer than seven digits.
    static func normalizePhone(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var digits = 0
        for byte in utf8 where byte >= 0x30 && byte <= 0x39 { digits += 1 }
        guard digits >= 7 else { return false }
        var skip = digits - 9
        for byte in utf8 where byte >= 0x30 && byte <= 0x39 {
            if skip > 0 {
                skip -= 1
            } else {
                out.append(byte)
            }
        }
        return true
    }

    /// Appends the bytes of `utf8` without leading and trailing ASCII white space,
    /// lower-cased; `false` (with `out` in an unspecified state past its former end) when
    /// a byte left is not ASCII. Foundation's trimming and Swift's `lowercased()` cost
    /// microseconds per address.
    static func appendTrimmedLowercasedASCII(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let (start, end) = asciiTrimmed(raw)
        out.reserveCapacity(out.count + end - start)
        for index in start..<end {
            let byte = raw[index]
            if byte >= 0x80 { return false }
            out.append(asciiLowercase(byte))
        }
        return true
    }

    /// The bounds of `bytes` without leading and trailing ASCII white space (space, tab,
    /// line feed, vertical tab, form feed, carriage return).
    static func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// Case-, accent- and punctuation-folded text with single spaces.
    ///
    /// Letters and digits are kept, lower-cased and without accents (`Zoë` → `zoe`);
    /// spaces, `-`, `.` and `,` separate words; any other character (`'`, `&`) is dropped.
    ///
    /// - Complexity: O(*k*) for *k* UTF-8 bytes. ASCII text and precomposed Latin letters
    ///   (U+0080–U+024F) take a table-driven path, one scalar at a time; anything else
    ///   (combining marks, other scripts) goes through Foundation's folding and grapheme
    ///   clusters, about 20 times slower.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        guard fold(text, into: &bytes) else { return foldUnicode(text) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``fold(_:)`` of `text` to `bytes` when the table-driven path can fold it;
    /// returns `false` (with `bytes` in an unspecified state past its former end) when
    /// the text needs ``foldUnicode(_:)``.
    static func fold(_ text: String, into bytes: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { fold(utf8: $0, into: &bytes) }
    }

    /// ``fold(_:into:)`` of the UTF-8 text `utf8`: ASCII and the two-byte scalars up to
    /// U+024F are folded here; anything else (and bytes that are not UTF-8) returns
    /// `false` for ``foldUnicode(_:)`` to decide.
    static func fold(utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) -> Bool {
        let base = bytes.count
        let count = utf8.count
        // Written through a pointer into room made first: an ASCII byte writes at most
        // itself and a space, a two-byte scalar at most ``latinFoldingMaximum`` bytes and
        // a space.
        bytes.append(contentsOf: repeatElement(0, count: count * (latinFoldingMaximum + 2) / 2 + 2))
        let end = bytes.withUnsafeMutableBufferPointer { out -> Int? in
            var written = base
            var pendingSpace = false
            var index = 0
            while index < count {
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                    var folded = lead
                    switch lead {
                    case 0x61...0x7A, 0x30...0x39: break
                    case 0x41...0x5A: folded = lead + 0x20
                    case 0x09...0x0D, 0x20, 0x2C, 0x2D, 0x2E:
                        pendingSpace = true
                        continue
                    default:
                        continue
                    }
                    guard written + 2 <= out.count else { return nil }  // never, by the room made
                    if pendingSpace, written > base {
                        out[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    out[written] = folded
                    written += 1
                    continue
                }
                // Two-byte sequences encode U+0080–U+07FF; only those below U+0250 are tabled.
                guard lead >= 0xC2, lead <= 0xC9, index + 1 < count, utf8[index + 1] & 0xC0 == 0x80 else { return nil }
                let value = Int(lead & 0x1F) << 6 | Int(utf8[index + 1] & 0x3F)
                guard value < 0x250 else { return nil }
                index += 2
                // The scalar's folding: kept bytes, a 0 for each word separator.
                let table = latinFoldingBytes
                var startOfRun = true
                for offset in latinFoldingStarts[value - 0x80]..<latinFoldingStarts[value - 0x80 + 1] {
                    let byte = table[offset]
                    if byte == 0 {
                        pendingSpace = true
                        startOfRun = true
                        continue
                    }
                    guard written + 2 <= out.count else { return nil }  // never, by the room made
                    if startOfRun {
                        if pendingSpace, written > base {
                            out[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        startOfRun = false
                    }
                    out[written] = byte
                    written += 1
                }
            }
            return written
        }
        guard let end else { return false }
        bytes.removeSubrange(end...)
        return true
    }

    /// ``latinFolding`` flattened for ``fold(utf8:into:)``: scalar `v`'s segments are
    /// `latinFoldingBytes[latinFoldingStarts[v - 0x80] ..< latinFoldingStarts[v - 0x7F]]`,
    /// a kept segment as its bytes, a separator as a 0.
    static let latinFoldingBytes: [UInt8] = latinFolding.flatMap { segments in
        segments.flatMap { segment -> [UInt8] in
            switch segment {
            case .keep(let bytes): bytes
            case .separator: [0]
            }
        }
    }

    static let latinFoldingStarts: [Int] = latinFolding.reduce(into: [0]) { starts, segments in
        let length = segments.reduce(0) { total, segment in
            switch segment {
            case .keep(let bytes): total + bytes.count
            case .separator: total + 1
            }
        }
        starts.append((starts.last ?? 0) + length)
    }

    /// The most bytes one scalar of U+0080–U+024F folds to (its kept bytes and the
    /// spaces its separators may bring: at most one per entry of its folding).
    static let latinFoldingMaximum: Int = zip(latinFoldingStarts.dropFirst(), latinFoldingStarts).map { $0 - $1 }.max() ?? 0

    /// The reference definition of ``fold(_:)``, through Foundation's case and diacritic
    /// folding; the fast paths must agree with it.
    public static func foldUnicode(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
        return collapse(folded)
    }

    static func collapse(_ folded: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else if character.isWhitespace || character == "-" || character == "." || character == "," {
                pendingSpace = true
            }
        }
        return result
    }

    /// What one scalar of U+0080–U+024F becomes in ``fold(_:)``: kept letters and digits,
    /// or a word separator (anything else is dropped).
    enum Segment: Sendable {
        case keep([UInt8])
        case separator
    }

    /// Foundation's folding of each scalar U+0080–U+024F, classified as ``collapse(_:)``
    /// classifies characters. Scalars of this range are base characters, never combining
    /// marks, so folding them one by one gives what folding the whole text gives.
    static let latinFolding: [[Segment]] = (0x80..<0x250).map { value in
        guard let scalar = Unicode.Scalar(value) else { return [] }
        let folded = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
        var segments: [Segment] = []
        for character in folded {
            if character.isLetter || character.isNumber {
                if case .keep(let bytes)? = segments.last {
                    segments[segments.count - 1] = .keep(bytes + Array(String(character).utf8))
                } else {
                    segments.append(.keep(Array(String(character).utf8)))
                }
            } else if character.isWhitespace || character == "-" || character == "." || character == "," {
                segments.append(.separator)
            }
        }
        return segments
    }
}

extension PersonRecord {
    /// The identity keys of this record, strongest first.
    ///
    /// - Parameter includeName: add the name-only key (off by default: two different
    ///   e-mail addresses are never merged on a name alone unless asked).
    public func identityKeys(includeName: Bool = false) -> [IdentityKey] {
        // A record has a handful of keys: a linear check beats hashing them into a set,
        // and one array spares the intermediate ones.
        var keys: [IdentityKey] = []
        keys.reserveCapacity(emails.count + profileURLs.count + phones.count + 2)
        func add(_ key: IdentityKey?) {
            if let key, !keys.contains(key) { keys.append(key) }
        }
        for email in emails { add(IdentityKey.email(email)) }
        for url in profileURLs { add(IdentityKey.profileURL(url)) }
        for phone in phones { add(IdentityKey.phone(phone)) }
        add(IdentityKey.nameAndOrganisation(name, organisation))
        if includeName { add(IdentityKey.name(name)) }
        return keys
    }
}
