import CercleCore
import CerclePlugin
import Foundation

/// Reads the `messages.csv` of a LinkedIn data export: who wrote to whom, and when.
///
/// Columns (found by name): `CONVERSATION ID`, `FROM`, `SENDER PROFILE URL`, `TO`,
/// `RECIPIENT PROFILE URLS`, `DATE` (`2025-12-26 09:30:12 UTC`), `FOLDER`, and in newer
/// exports `IS MESSAGE DRAFT`. `SUBJECT` and `CONTENT` are never read into the graph.
///
/// Each message is one interaction on channel `message`, from the sender to every
/// recipient, identified by conversation, date and sender (so the same message in two
/// members' exports counts once). Persons are keyed by their profile URL; several
/// recipients are separated by commas, and their names are paired with the URLs when
/// `TO` lists as many names as there are URLs. The export's owner (``ContactOwner``) is
/// flagged as a member when a sender or recipient has the owner's name or URL.
///
/// Skipped with their line: drafts, messages without a sender profile URL (sponsored
/// messages, deleted accounts) and messages without recipients.
public struct LinkedInMessagesImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "linkedin-messages", name: "LinkedIn messages.csv", fileExtensions: ["csv"], quality: 2)

    public var idScope: GraphBuilder.IDScope { .local }

    public var rowUnit: String { "message" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let header = sample.firstLine.uppercased()
        return header.contains("CONVERSATION ID") && header.contains("SENDER PROFILE URL") ? .certain : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var reader = CSVReader(data: try input.bytes(), file: input.displayName, delimiter: 0x2C)
        guard let header = try LinkedInConnectionsImporter.findHeader(
            &reader, required: ["conversation id", "from", "sender profile url", "date"]) else {
            throw context.error("no LinkedIn messages header (CONVERSATION ID,…,SENDER PROFILE URL,…,DATE) in the first 20 lines")
        }
        let columns = LinkedInConnectionsImporter.columnIndex(header)
        let conversationColumn = columns["conversation id"] ?? 0
        let fromColumn = columns["from"] ?? 0
        let senderColumn = columns["sender profile url"] ?? 0
        let toColumn = columns["to"]
        let recipientsColumn = columns["recipient profile urls"]
        let dateColumn = columns["date"] ?? 0
        let folderColumn = columns["folder"]
        let draftColumn = columns["is message draft"]
        let owner = ContactOwner.of(input, options: context.options)
        var added = Set<String>()
        var undated = 0

        func person(url: String, name: String?, context: inout ImportContext, line: Int) -> String {
            let id = IdentityKey.normalizedURL(url) ?? url
            if added.insert(id).inserted {
                let isOwner = owner?.matches(name: name, profileURLs: [url]) ?? false
                context.addPerson(PersonRecord(id: id, name: name, profileURLs: [url], isMember: isOwner), line: line)
            }
            return id
        }

        while let row = try reader.next() {
            if row.isEmptyLine { continue }
            let isDraft = draftColumn.map { ["yes", "true"].contains(row[$0].lowercased()) } ?? false
            if isDraft || folderColumn.map({ row[$0].uppercased() == "DRAFT" }) == true {
                context.skip(line: row.line, reason: "draft")
                continue
            }
            guard let senderURL = ContactFields.nonEmpty(row[senderColumn]) else {
                context.skip(line: row.line, reason: "no sender profile URL (a sponsored message or a deleted account)")
                continue
            }
            let recipientURLs = recipientsColumn.map {
                row[$0].split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
            } ?? []
            guard !recipientURLs.isEmpty else {
                context.skip(line: row.line, reason: "no recipient profile URLs")
                continue
            }
            let names = toColumn.map { row[$0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let sender = person(url: senderURL, name: ContactFields.nonEmpty(row[fromColumn]), context: &context, line: row.line)
            var recipients: [String] = []
            for (index, url) in recipientURLs.enumerated() {
                let name = names.count == recipientURLs.count ? ContactFields.nonEmpty(names[index]) : nil
                recipients.append(person(url: url, name: name, context: &context, line: row.line))
            }
            let dateText = row[dateColumn]
            let date = Self.messageDate(dateText)
            if date == nil { undated += 1 }
            let identifier = "linkedin:\(row[conversationColumn])/\(dateText)/\(sender)"
            context.addInteraction(InteractionRecord(channel: .message, date: date, from: sender, to: recipients, identifier: identifier))
            context.accept()
        }
        if undated > 0 { context.note("\(undated) message\(undated == 1 ? "" : "s") without a readable date") }
    }

    /// `2025-12-26 09:30:12 UTC`, or any ISO 8601 form.
    static func messageDate(_ text: String) -> Date? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(" UTC") { trimmed.removeLast(4) }
        return DateParsing.iso8601(trimmed) ?? DateParsing.any(trimmed)
    }
}
