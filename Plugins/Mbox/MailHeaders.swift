import Foundation
/// The headers of one message that matter for a contact graph, as read by ``MboxReader``.
///
/// Values are unfolded (continuation lines joined with a space) but not decoded;
/// ``MailAddress/parseList(_:)`` reads the address headers and decodes their names.
public struct MailHeaders: Sendable, Equatable {
    /// The line where the message starts (its `From ` line, or its first header).
    public var line: Int
    public var from: String?
    /// Every `To:` header of the message, joined with commas.
    public var to: String?
    /// Every `Cc:` header of the message, joined with commas.
    public var cc: String?
    public var date: String?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: String?

    public init(line: Int) {
        self.line = line
    }

    /// The first `<…>` of `Message-ID`, without the brackets (the whole value when it
    /// has none).
    public var messageIdentifier: String? { messageID.flatMap { Self.identifiers(in: $0).first } }

    /// The message this one answers: the first `<…>` of `In-Reply-To`.
    public var inReplyToIdentifier: String? { inReplyTo.flatMap { Self.identifiers(in: $0).first } }

    /// The `<…>` identifiers of `References`, oldest first.
    public var referenceIdentifiers: [String] { references.map(Self.identifiers(in:)) ?? [] }

    /// The `<…>` parts of a header, or the trimmed value when it has no brackets.
    static func identifiers(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let identifier = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !identifier.isEmpty { result.append(identifier) }
            rest = rest[rest.index(after: close)...]
        }
        if result.isEmpty {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.contains(" ") { result.append(trimmed) }
        }
        return result
    }
}
