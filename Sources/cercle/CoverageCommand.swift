import ArgumentParser
import CercleAnalysis
import CercleCore
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Account coverage and key-person risk: which members hold which organisations.",
        discussion: """
            Per organisation (the members' own organisation left out): the contacts, the members \
            tied to them, the strongest tie, the share of the top member and the \
            Herfindahl–Hirschman index of the members' summed tie strengths; single-threaded \
            accounts (one member) and uncovered ones (none). Lists the contacts that several \
            members were in touch with in the last --recent-days days. --without MEMBER shows \
            what the team loses if that member leaves (organisations and contacts nobody else is \
            tied to, contacts nobody else can reach, communities cut off), and -o then writes the \
            coverage without them.

            Examples:
              cercle coverage Examples/demo/team.jsonl -o coverage.csv
              cercle coverage Examples/demo/team.jsonl --without "Henrik Lindqvist"
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The member whose departure to simulate.", valueName: "member"))
    var without: String?

    @Option(name: .customLong("recent-days"), help: "Window for contacts solicited by several members at once.")
    var recentDays: Double = 90

    @Option(name: .long, help: "Rows of each list printed.")
    var top: Int = 10

    @Option(name: .shortAndLong, help: ArgumentHelp("Write one row per organisation to a .csv file.", valueName: "file"))
    var out: String?

    func validate() throws {
        if recentDays <= 0 { throw ValidationError("--recent-days takes a positive number") }
        if top < 1 { throw ValidationError("--top takes a positive number") }
        if let out, out != "-", !out.lowercased().hasSuffix(".csv") { throw ValidationError("-o writes .csv, not '\(out)'") }
    }

    func run() throws {
        let context = try InsightContext.load(input, output)
        let graph = context.graph
        guard !context.members.isEmpty else { throw InputError("the sources name no member (no export owner), so there is no team to cover accounts") }
        var excluded: NodeIndex?
        if let without {
            let member = try context.person(without, flag: "--without")
            guard context.members.contains(member) else {
                throw InputError("--without: \(context.name(member)) is not a member (members: \(context.members.map(context.label).joined(separator: ", ")))")
            }
            excluded = member
        }
        let coverage = AccountCoverage(recentDays: recentDays)
        let asOf = context.asOf ?? Date(timeIntervalSince1970: 0)
        let result = coverage.run(on: graph, asOf: asOf, excluding: excluded)
        let accounts = result.accounts
        func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
        var lines = [
            "\(accounts.count) organisations, \(result.members.count) members\(excluded.map { " (without \(context.label($0)))" } ?? ""): "
                + "\(accounts.count - result.uncovered.count) covered, \(result.singleThreaded.count) single-threaded, \(result.uncovered.count) uncovered",
        ]
        var table = [["organisation", "contacts", "members", "best", "top member", "share", "HHI"]]
        let concentrated = accounts.filter { !$0.isUncovered }
            .sorted { $0.herfindahl != $1.herfindahl ? $0.herfindahl > $1.herfindahl : $0.contacts.count > $1.contacts.count }
        for account in concentrated.prefix(top) {
            table.append([account.organisation, String(account.contacts.count), String(account.holders.count),
                          InsightContext.decimal(account.bestStrength), account.holders.first.map { context.label($0.member) } ?? "",
                          percent(account.topMemberShare), InsightContext.decimal(account.herfindahl)])
        }
        lines.append("most concentrated accounts:")
        lines.append(ResultWriter.indent(TextTable.render(table, rightAligned: [1, 2, 3, 5, 6])))
        if !result.singleThreaded.isEmpty {
            lines.append("single-threaded (one member): " + result.singleThreaded.map {
                "\($0.organisation) (\($0.holders.first.map { context.label($0.member) } ?? ""))"
            }.joined(separator: ", "))
        }
        if !result.uncovered.isEmpty {
            lines.append("uncovered: " + result.uncovered.prefix(top).map(\.organisation).joined(separator: ", ")
                + (result.uncovered.count > top ? ", … \(result.uncovered.count - top) more" : ""))
        }
        if !result.sharedContacts.isEmpty {
            lines.append("in touch with several members in the last \(InsightContext.number(recentDays)) days: \(result.sharedContacts.count) contacts")
            for shared in result.sharedContacts.prefix(top) {
                lines.append("  \(context.name(shared.contact)): " + shared.members.map {
                    "\(context.label($0.member)) \(InsightContext.day($0.lastContact))"
                }.joined(separator: ", "))
            }
        }
        if let excluded {
            let loss = coverage.loss(on: graph, without: excluded, communities: try context.communities())
            lines.append("without \(context.name(excluded)) the team loses:")
            lines.append("  organisations nobody else is tied to (\(loss.organisations.count)): \(loss.organisations.joined(separator: ", "))")
            lines.append("  contacts nobody else is tied to: \(loss.contacts.count)"
                + (loss.contacts.isEmpty ? "" : " (" + loss.contacts.prefix(top).map(context.label).joined(separator: ", ")
                    + (loss.contacts.count > top ? ", …" : "") + ")"))
            lines.append("  contacts nobody else can reach at all: \(loss.unreachable.count)")
            lines.append("  communities where only they had ties: \(loss.communities.count)")
        }
        print(lines.joined(separator: "\n"))
        if let out {
            let rows = accounts.map { account in
                [account.organisation, String(account.contacts.count), String(account.coveredContacts), String(account.holders.count),
                 account.holders.map { context.id($0.member) }.joined(separator: ";"), AttributeValue.format(account.bestStrength),
                 account.holders.first.map { context.id($0.member) } ?? "", AttributeValue.format(account.topMemberShare),
                 AttributeValue.format(account.herfindahl), account.isSingleThreaded ? "true" : "false"]
            }
            try InsightContext.writeCSV(out, header: [
                "organisation", "contacts", "covered_contacts", "members_tied", "members", "best_strength", "top_member",
                "top_member_share", "hhi", "single_threaded",
            ], rows: rows)
            if !input.quiet { Terminal.note("wrote \(out): \(rows.count) organisations") }
        }
    }
}
