import CercleCore
import CerclePlugin
import Foundation

/// Reads a mailbox (mbox, or a single RFC 822 message) into e-mail interactions, from
/// the headers only.
///
/// The file is streamed with ``MboxReader``: a 1 GB mailbox is never loaded, bodies are
/// skipped line by line and never reach the graph. Each message is one row of the report
/// and, when it has a sender and a recipient, one interaction on channel `email`:
///
/// - `From:` is the sender (its first address), `To:` the direct and `Cc:` the copied
///   recipients (groups such as `team: a@x.example, b@y.example;` count with their
///   members); `Bcc:` is not read, since blind copies do not know each other;
/// - the interaction's identifier is the `Message-ID` without angle brackets, so a message
///   found in two mailboxes (sender's and recipient's) counts once; a message without one
///   is identified by its sender, date and recipients;
/// - the date is `Date:` (RFC 5322, with obsolete zones); a message without a readable
///   date is kept undated, and the report counts them.
///
/// Persons are keyed by e-mail address; the first display name seen for an address
/// (decoded from RFC 2047, `Last, First` turned around) is their name. Sender and
/// recipients tie as ``InteractionRecord`` says: a direct tie to each recipient and a
/// weaker co-recipient tie between recipients. With `--member`, the person with that
/// address (or name) is flagged as a member.
///
/// Skipped with their line: messages without `From:`, with a `From:` that holds no
/// address (`MAILER-DAEMON <>`), and without any recipient in `To:` or `Cc:`
/// (`undisclosed-recipients:;`). A file that starts with neither a `From ` line nor a
/// header is an error.
public struct MboxImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "mbox", name: "mbox mailbox or RFC 822 message (headers only)",
        fileExtensions: ["mbox", "mbx", "mbs", "eml", "mail"], quality: 1)

    public var idScope: GraphBuilder.IDScope { .local }

    public var rowUnit: String { "message" }

    static let mailHeaders = ["return-path", "received", "from", "to", "date", "subject", "message-id", "mime-version",
                              "delivered-to", "content-type", "reply-to", "sender", "x-"]

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let lines = sample.text.prefix(4096).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = lines.first else { return .no }
        let second = lines.dropFirst().first.map(String.init) ?? ""
        let looksLikeHeader = { (line: String) -> Bool in
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
            let name = line[..<colon].lowercased()
            guard !name.contains(" ") else { return false }
            return Self.mailHeaders.contains { $0.hasSuffix("-") ? name.hasPrefix($0) : name == $0 }
        }
        if first.hasPrefix("From "), looksLikeHeader(second) { return .certain }
        if looksLikeHeader(String(first)) {
            return ["txt", "eml", "msg", "mbox", "mail", ""].contains(sample.fileExtension) ? .likely : .possible
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let reader = try MboxReader(url: input.url, displayName: input.displayName)
        let member = context.options.member.map(ContactOwner.init(member:))
        var named: [String: Bool] = [:]  // local id → has a name
        var undated = 0

        func person(_ address: MailAddress, _ context: inout ImportContext, line: Int) -> String {
            let id = IdentityKey.normalizedEmail(address.address) ?? address.address
            let hasName = address.name != nil
            if let known = named[id], known || !hasName { return id }
            named[id] = hasName
            let isMember = member?.matches(name: address.name, emails: [address.address]) ?? false
            context.addPerson(PersonRecord(id: id, name: address.name, emails: [address.address], isMember: isMember), line: line)
            return id
        }

        try reader.forEachMessage(file: input.displayName) { headers in
            guard let fromText = headers.from else {
                context.skip(line: headers.line, reason: "no From: header")
                return
            }
            guard let from = MailAddress.parseList(fromText).first else {
                context.skip(line: headers.line, reason: "From: holds no address ('\(fromText.prefix(60))')")
                return
            }
            let to = headers.to.map(MailAddress.parseList) ?? []
            let cc = headers.cc.map(MailAddress.parseList) ?? []
            guard !to.isEmpty || !cc.isEmpty else {
                context.skip(line: headers.line, reason: "no recipients (To:, Cc:)")
                return
            }
            let date = headers.date.flatMap(DateParsing.rfc5322)
            if date == nil { undated += 1 }
            let sender = person(from, &context, line: headers.line)
            let direct = to.map { person($0, &context, line: headers.line) }
            let copied = cc.map { person($0, &context, line: headers.line) }
            let identifier = headers.messageIdentifier
                ?? "no-message-id:\(sender)|\(headers.date ?? "")|\((direct + copied).joined(separator: ","))"
            context.addInteraction(InteractionRecord(
                channel: .email, date: date, from: sender, to: direct, cc: copied, identifier: identifier))
            context.accept()
        }
        if undated > 0 {
            context.note("\(undated) message\(undated == 1 ? "" : "s") without a readable Date:, kept undated")
        }
    }
}
