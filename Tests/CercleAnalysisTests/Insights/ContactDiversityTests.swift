import CercleAnalysis
import CercleCore
import Foundation
import Testing

@Suite("Contact diversity")
struct ContactDiversityTests {
    @Test("Shannon entropy and Blau index by hand")
    func indicesByHand() {
        // Retail, Retail, Banking, Energy: p = ½, ¼, ¼.
        #expect(abs(ContactDiversity.shannon([2, 1, 1]) - 1.5 * log(2)) < 1e-12)
        #expect(abs(ContactDiversity.shannon([2, 1, 1]) - 1.0397207708399179) < 1e-12)
        #expect(abs(ContactDiversity.blau([2, 1, 1]) - 0.625) < 1e-12)
        #expect(ContactDiversity.shannon([5]) == 0 && ContactDiversity.blau([5]) == 0)
        #expect(abs(ContactDiversity.shannon([1, 1, 1, 1]) - log(4)) < 1e-12)
        #expect(abs(ContactDiversity.blau([1, 1, 1, 1]) - 0.75) < 1e-12)
        #expect(ContactDiversity.shannon([]) == 0 && ContactDiversity.blau([]) == 0)
    }

    @Test("the function of a title")
    func functions() {
        #expect(ContactDiversity.function(ofTitle: "CFO") == "Executive")
        #expect(ContactDiversity.function(ofTitle: "Procurement Manager") == "Procurement")
        #expect(ContactDiversity.function(ofTitle: "IT Manager") == "IT")
        #expect(ContactDiversity.function(ofTitle: "Security Officer, IT") == "IT")
        #expect(ContactDiversity.function(ofTitle: "VP Sales, EMEA") == "Sales")
        #expect(ContactDiversity.function(ofTitle: "Head of Warehouse Operations") == "Operations")
        #expect(ContactDiversity.function(ofTitle: "Gardener") == "Other")
    }

    /// `diverse` knows five sectors, five organisations, five cities; `homogeneous` knows four
    /// people at one retailer in one city, one of whom knows a banker and a retailer.
    static let book = InsightGraphs.make([
        .init(id: "diverse", organisation: "Team", member: true), .init(id: "homogeneous", organisation: "Team", member: true),
        .init(id: "d1", organisation: "Acme", sector: "Retail", title: "CEO", location: "Berlin"),
        .init(id: "d2", organisation: "Bank One", sector: "Banking", title: "CFO", location: "Paris"),
        .init(id: "d3", organisation: "PowerCo", sector: "Energy", title: "IT Manager", location: "Madrid"),
        .init(id: "d4", organisation: "Clinic", sector: "Healthcare", title: "Buyer", location: "Oslo"),
        .init(id: "d5", organisation: "Ship It", sector: "Logistics", title: "Fleet Manager", location: "Rome"),
        .init(id: "h1", organisation: "Shop", sector: "Retail", title: "Category Manager", location: "Berlin"),
        .init(id: "h2", organisation: "Shop", sector: "Retail", title: "Category Manager", location: "Berlin"),
        .init(id: "h3", organisation: "Shop", sector: "Retail", title: "Purchasing Specialist", location: "Berlin"),
        .init(id: "h4", organisation: "Shop", sector: "Retail", title: "Buyer", location: "Berlin"),
        .init(id: "banker", organisation: "Bank Two", sector: "Banking", title: "CFO", location: "Zurich"),
        .init(id: "retailer", organisation: "Shop", sector: "Retail", title: "Buyer", location: "Berlin"),
    ], [
        ("diverse", "d1", 0.5), ("diverse", "d2", 0.5), ("diverse", "d3", 0.5), ("diverse", "d4", 0.5), ("diverse", "d5", 0.5),
        ("homogeneous", "h1", 0.5), ("homogeneous", "h2", 0.5), ("homogeneous", "h3", 0.5), ("homogeneous", "h4", 0.5),
        ("h1", "banker", 0.4), ("h1", "retailer", 0.9), ("diverse", "homogeneous", 0.8),
    ])

    @Test("a diverse address book ranks above a homogeneous one on every dimension")
    func diverseVersusHomogeneous() throws {
        let graph = Self.book
        let diverse = ContactDiversity().run(on: graph, ego: InsightGraphs.node(graph, "diverse"))
        let homogeneous = ContactDiversity().run(on: graph, ego: InsightGraphs.node(graph, "homogeneous"))
        for dimension in [ContactDiversity.Dimension.organisation, .sector, .location] {
            let d = try #require(diverse.score(dimension)), h = try #require(homogeneous.score(dimension))
            #expect(d.blau > h.blau && d.shannon > h.shannon, "\(dimension)")
        }
        // Five alters with a sector (the teammate has none), all different: B = 1 − 5 × (1/5)².
        let sector = try #require(diverse.score(.sector))
        #expect(sector.covered == 5 && abs(sector.blau - 0.8) < 1e-12 && abs(sector.shannon - log(5)) < 1e-12)
        #expect(abs(sector.evenness - 1) < 1e-12)
        // Homogeneous: four Retail alters and the teammate without a sector: zero diversity.
        #expect(homogeneous.score(.sector)?.blau == 0)
    }

    @Test("gaps against the team and second-degree suggestions that raise diversity")
    func gapsAndSuggestions() throws {
        let graph = Self.book
        let team = ["diverse", "homogeneous"].map { InsightGraphs.node(graph, $0) }
        let result = ContactDiversity().run(on: graph, ego: InsightGraphs.node(graph, "homogeneous"), team: team)
        #expect(result.gaps.contains { $0.dimension == .sector && $0.category == "Banking" && $0.egoShare == 0 })
        let suggested = result.suggestions.map { graph.ids[Int($0.node)] }
        // The banker widens the network; another Shop buyer would not. The diverse teammate's
        // contacts are second-degree too.
        let banker = try #require(suggested.firstIndex(of: "banker"))
        let retailer = try #require(suggested.firstIndex(of: "retailer"))
        #expect(banker < retailer)
        let first = try #require(result.suggestions.first { graph.ids[Int($0.node)] == "banker" })
        #expect(graph.ids[Int(first.introducer)] == "h1" && abs(first.pathStrength - 0.2) < 1e-12)
        #expect(first.gain > 0)
        #expect((result.suggestions.first { graph.ids[Int($0.node)] == "retailer" }?.gain ?? 1) <= 0)
        // A new community adds 0.1 to the gain.
        let communities = Partition(labels: graph.ids.map { $0 == "banker" ? 1 : 0 })
        let withCommunities = ContactDiversity().run(on: graph, ego: InsightGraphs.node(graph, "homogeneous"), communities: communities)
        let bankerAgain = try #require(withCommunities.suggestions.first { graph.ids[Int($0.node)] == "banker" })
        #expect(bankerAgain.newCommunity && abs(bankerAgain.gain - first.gain - 0.1) < 1e-12)
    }
}
