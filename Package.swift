// swift-tools-version: 6.1
// Cercle: a graph analytics engine for contact networks.
import PackageDescription

/// Importer and exporter families. Each lives in `Plugins/<folder>` as an ordinary
/// library target (SwiftPM reserves a bare `Plugins/` for package plugins, hence the
/// explicit `path:`), depends only on the plugin API and the core, and has a test
/// target `<name>Tests` under `Tests/`.
let plugins: [(name: String, folder: String, extra: [Target.Dependency])] = [
    ("CercleCSV", "CSV", []),
    ("CercleJSONLines", "JSONLines", []),
    ("CercleJSONGraph", "JSONGraph", []),
    ("CercleGraphML", "GraphML", []),
    ("CercleGEXF", "GEXF", []),
    ("CercleGML", "GML", []),
    ("CerclePajek", "Pajek", []),
    ("CercleDOT", "DOT", ["CercleGraphviz", "CGraphviz"]),
    ("CercleLinkedIn", "LinkedIn", []),
    ("CercleVCard", "VCard", []),
    ("CercleAddressBookCSV", "AddressBookCSV", []),
    ("CercleCRM", "CRM", []),
    ("CercleMbox", "Mbox", []),
    ("CercleICalendar", "ICalendar", []),
    ("CercleTemplate", "Template", []),
]

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

var targets: [Target] = [
    .target(name: "CercleCore", swiftSettings: swift6),
    .target(name: "CercleAnalysis", dependencies: ["CercleCore"], swiftSettings: swift6),
    .target(name: "CerclePlugin", dependencies: ["CercleCore"], swiftSettings: swift6),
    .systemLibrary(
        name: "CGraphviz",
        pkgConfig: "libgvc",
        providers: [.apt(["libgraphviz-dev"])]
    ),
    .target(name: "CercleGraphviz", dependencies: ["CGraphviz"], swiftSettings: swift6),
    .target(
        name: "CercleRender",
        dependencies: ["CercleCore", "CercleAnalysis", "CercleGraphviz", "CGraphviz"],
        swiftSettings: swift6
    ),
    .target(
        name: "CercleBuiltins",
        dependencies: ["CerclePlugin"] + plugins.map { .target(name: $0.name) },
        swiftSettings: swift6
    ),
    .executableTarget(
        name: "cercle",
        dependencies: [
            "CercleCore", "CercleAnalysis", "CerclePlugin", "CercleBuiltins", "CercleRender",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swift6
    ),
    // Times one analysis case on an edge list for Benchmarks/run; not part of the tests.
    .executableTarget(
        name: "cercle-bench",
        dependencies: ["CercleCore", "CercleAnalysis", "CerclePlugin", "CercleBuiltins"],
        path: "Benchmarks/CercleBench",
        swiftSettings: swift6
    ),
    .target(
        name: "_CercleTestSupport",
        dependencies: ["CercleCore", "CerclePlugin", "CercleBuiltins"],
        path: "Tests/_CercleTestSupport",
        swiftSettings: swift6
    ),
]

for plugin in plugins {
    targets.append(.target(
        name: plugin.name,
        dependencies: ["CercleCore", "CerclePlugin"] + plugin.extra,
        path: "Plugins/\(plugin.folder)",
        swiftSettings: swift6
    ))
    targets.append(.testTarget(
        name: "\(plugin.name)Tests",
        dependencies: [.target(name: plugin.name), "_CercleTestSupport", "CercleBuiltins"],
        swiftSettings: swift6
    ))
}

targets += [
    .testTarget(name: "CercleCoreTests", dependencies: ["CercleCore", "_CercleTestSupport", propertyBased], swiftSettings: swift6),
    .testTarget(name: "CercleAnalysisTests", dependencies: ["CercleAnalysis", "_CercleTestSupport", "CercleBuiltins", propertyBased], swiftSettings: swift6),
    .testTarget(name: "CerclePluginTests", dependencies: ["CerclePlugin", "CercleBuiltins", "_CercleTestSupport"], swiftSettings: swift6),
    .testTarget(
        name: "CercleRenderTests",
        dependencies: ["CercleRender", "CercleBuiltins", "_CercleTestSupport"],
        swiftSettings: swift6
    ),
    .testTarget(name: "cercleTests", dependencies: ["_CercleTestSupport"], swiftSettings: swift6),
]

let package = Package(
    name: "Cercle",
    products: [
        .executable(name: "cercle", targets: ["cercle"]),
        .library(name: "CercleCore", targets: ["CercleCore"]),
        .library(name: "CercleAnalysis", targets: ["CercleAnalysis"]),
        .library(name: "CerclePlugin", targets: ["CerclePlugin"]),
        .library(name: "CercleBuiltins", targets: ["CercleBuiltins"]),
        .library(name: "CercleRender", targets: ["CercleRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: targets
)

