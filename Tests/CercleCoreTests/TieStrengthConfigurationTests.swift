import CercleCore
import Foundation
import Testing
import _CercleTestSupport

@Suite("Tie-strength configuration files")
struct TieStrengthConfigurationTests {
    @Test("an empty file gives the defaults; fields left out keep theirs; maps merge entry by entry")
    func partialConfiguration() throws {
        #expect(try TieStrengthModel(configuration: Data("{}".utf8)) == TieStrengthModel())
        let model = try TieStrengthModel(configuration: Data("""
            {"halfLifeDays": 90, "priors": {"linkedin": 0.02}, "channelWeights": {"email": 0.5}}
            """.utf8))
        #expect(model.halfLifeDays == 90)
        #expect(model.priors["linkedin"] == 0.02)
        #expect(model.priors["addressbook"] == 0.10)
        #expect(model.channelWeights["email"] == 0.5)
        #expect(model.channelWeights["meeting"] == 1.0)
        #expect(model.saturation == TieStrengthModel().saturation)
    }

    @Test("misspelt fields, unknown channels, out-of-range values and non-JSON are one-line errors")
    func errors() {
        func message(_ text: String) -> String? {
            do {
                _ = try TieStrengthModel(configuration: Data(text.utf8))
                return nil
            } catch let error as TieStrengthModel.ConfigurationError {
                return error.description
            } catch {
                return "unexpected \(error)"
            }
        }
        #expect(message(#"{"halfLife": 30}"#)?.hasPrefix("unknown field 'halfLife' (known: halfLifeDays") == true)
        #expect(message(#"{"channelWeights": {"pigeon": 1}}"#)?.hasPrefix("channelWeights: unknown name 'pigeon'") == true)
        #expect(message(#"{"halfLifeDays": -1}"#) == "halfLifeDays must be positive")
        #expect(message(#"{"priors": {"crm": 2}}"#) == "priors.crm lies in [0, 1]")
        #expect(message(#"{"halfLifeDays": "long"}"#) == "halfLifeDays: expected a number or an object of numbers")
        #expect(message("half-life: 30") == "not a JSON object of tie-strength settings")
        #expect(message(#"{"activityWeight": 0, "multiplexityWeight": 0, "reciprocityWeight": 0, "durationWeight": 0}"#)
            == "at least one dimension weight must be positive")
    }

    @Test("the JSON of the defaults reads back to the defaults, and Examples/tie-strength.json is it")
    func roundTrip() throws {
        let json = TieStrengthModel().configurationJSON
        #expect(try TieStrengthModel(configuration: Data(json.utf8)) == TieStrengthModel())
        let example = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Examples/tie-strength.json"), encoding: .utf8)
        #expect(example.trimmingCharacters(in: .whitespacesAndNewlines) == json)
    }

    @Test("a configuration changes the strengths the builder computes")
    func configurationApplies() throws {
        func strength(_ model: TieStrengthModel) -> Double {
            var builder = GraphBuilder()
            builder.tieStrength = model
            let source = builder.beginSource(name: "m", format: "mbox", scope: .global)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for day in 0..<10 {
                let (from, to) = day % 2 == 0 ? ("a", "b") : ("b", "a")
                builder.addInteraction(InteractionRecord(
                    channel: .meeting, date: now.addingTimeInterval(-Double(200 + day) * 86_400), from: from, to: [to]), source: source)
            }
            return builder.build(asOf: now).weight(from: 0, to: 1) ?? .nan
        }
        let longer = try TieStrengthModel(configuration: Data(#"{"halfLifeDays": 720}"#.utf8))
        #expect(strength(longer) > strength(TieStrengthModel()))
    }

    @Test("the breakdown splits the raw activity by channel")
    func activityByChannel() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let events = [
            TieEvent(date: now.timeIntervalSince1970, channel: .email, role: .direct, direction: .forward, share: 1),
            TieEvent(date: now.timeIntervalSince1970, channel: .email, role: .direct, direction: .backward, share: 1),
            TieEvent(date: now.timeIntervalSince1970, channel: .meeting, role: .coAttendance, direction: .mutual, share: 0.5),
        ]
        let breakdown = TieStrengthModel().breakdown(channels: ChannelSet(.linkedin), events: events, since: nil, asOf: now)
        #expect(breakdown.activityByChannel.map { $0.channel } == [Channel.email, .meeting])
        #expect(breakdown.activityByChannel.map { $0.events } == [2, 1])
        #expect(abs(breakdown.activityByChannel[0].activity - 0.8) < 1e-12)
        #expect(abs(breakdown.activityByChannel[1].activity - 0.5) < 1e-12)
        #expect(abs(breakdown.rawActivity - 1.3) < 1e-12)
    }
}
