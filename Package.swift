// swift-tools-version: 6.1
import PackageDescription

// Targets follow docs/architecture.md: each folder under Sources/ has one job.
// Retrieval, Generation and World depend on FlywheelCore (and Corpora where they read
// files), never on each other. Only the world side depends on WorldTruth.
let package = Package(
    name: "Flywheel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flywheel", targets: ["flywheel"]),
        .library(name: "FlywheelCore", targets: ["FlywheelCore"]),
        // For a Swift package that brings its own retriever, reranker or generator
        // (Examples/CustomRetriever): the engine and the scenario assembly.
        .library(name: "FlywheelEngine", targets: ["Engine"]),
        .library(name: "FlywheelScenarios", targets: ["Scenarios"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0")
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(name: "FlywheelCore", dependencies: ["CZstd"]),
        // What the world knows and the system under test must not: each ticket's truth
        // (`TicketTruth`, corpus records carrying it) and judging annotations against it.
        // Retrieval, Generation, ProcessStages and LLM have no path to it (TruthBoundaryTests).
        .target(name: "WorldTruth", dependencies: ["FlywheelCore"]),
        .target(name: "Corpora", dependencies: ["FlywheelCore", "WorldTruth", "CZstd"]),
        // The synthetic marketplace world (articles, tickets with their truth) written as a corpus.
        .target(name: "WorldGenerator", dependencies: ["FlywheelCore", "WorldTruth", "Corpora"]),
        .target(
            name: "Retrieval",
            dependencies: ["FlywheelCore"],
            resources: [.copy("Resources/stopwords-en.txt")]
        ),
        .target(name: "Evaluation", dependencies: ["FlywheelCore", "WorldTruth"]),
        .target(name: "Generation", dependencies: ["FlywheelCore"]),
        .target(name: "World", dependencies: ["FlywheelCore", "WorldTruth", .product(name: "Yams", package: "Yams")]),
        .target(name: "Engine", dependencies: ["FlywheelCore", "WorldTruth", "World", "Evaluation"]),
        // Personas fitted to annotation logs (docs/calibration.md).
        .target(name: "Calibration", dependencies: ["FlywheelCore", "WorldTruth", "World"]),
        // The process protocol (docs/protocol.md): any stage as a program speaking JSON lines.
        .target(name: "ProcessStages", dependencies: ["FlywheelCore", "Retrieval"]),
        .target(name: "Reports", dependencies: ["FlywheelCore", "WorldTruth", "Evaluation"]),
        .target(name: "Store", dependencies: ["FlywheelCore", "CZstd", .product(name: "GRDB", package: "GRDB.swift")]),
        // A generator behind an OpenAI-compatible endpoint (client, record/replay cache, budget):
        // system under test, so no path to WorldTruth.
        .target(name: "LLM", dependencies: ["FlywheelCore", "Generation", "CZstd"]),
        // The LLM judge: the world's side, it reads the truth (nuggets, reference replies).
        .target(name: "LLMJudging", dependencies: ["FlywheelCore", "WorldTruth", "World", "LLM"]),
        .target(
            name: "Scenarios",
            dependencies: [
                "FlywheelCore", "WorldTruth", "Engine", "World", "Retrieval", "Generation", "Corpora", "Evaluation",
                "LLM", "LLMJudging", "ProcessStages",
                .product(name: "Yams", package: "Yams")
            ]
        ),
        .target(
            name: "FlywheelCLI",
            dependencies: [
                "FlywheelCore", "WorldTruth", "Corpora", "WorldGenerator", "Retrieval", "Evaluation", "Generation",
                "World", "Store",
                "Scenarios", "Engine", "Reports", "LLM",
                "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .executableTarget(name: "flywheel", dependencies: ["FlywheelCLI"]),
        // Examples/CustomRetriever's sources, built with the package so `swift test` compiles them
        // against today's library and ExampleCustomRetrieverTests runs them (the example's own
        // Package.swift, which reaches the same modules through the library products, is
        // `make example-check`: it rebuilds all of Flywheel, too slow for `make test`).
        .executableTarget(
            name: "custom-retriever-example", dependencies: ["Engine", "FlywheelCore", "Scenarios"],
            path: "Examples/CustomRetriever/Sources/custom-retriever"),

        // Helpers every test target shares (the repository's paths, the built executables, a
        // process runner); Foundation only, no test framework.
        .target(name: "FlywheelTestSupport", path: "Tests/FlywheelTestSupport"),
        .testTarget(name: "FlywheelCoreTests", dependencies: ["FlywheelCore"]),
        .testTarget(
            name: "CorporaTests", dependencies: ["FlywheelTestSupport", "Corpora", "FlywheelCore", "WorldTruth"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "WorldGeneratorTests",
            dependencies: ["FlywheelTestSupport", "WorldGenerator", "Corpora", "FlywheelCore", "WorldTruth"]),
        .testTarget(
            name: "RetrievalTests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "Retrieval", "Corpora", "Evaluation", "FlywheelCore",
                "WorldTruth"
            ]),
        .testTarget(
            name: "EvaluationTests",
            dependencies: ["FlywheelTestSupport", "Evaluation", "World", "FlywheelCore", "WorldTruth"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GenerationTests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "Generation", "World", "Corpora", "FlywheelCore", "WorldTruth"
            ]),
        .testTarget(
            name: "WorldTests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "World", "Corpora", "FlywheelCore", "WorldTruth"
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CalibrationTests",
            dependencies: ["FlywheelTestSupport", "Calibration", "World", "Corpora", "FlywheelCore", "WorldTruth"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "FlywheelCore", "WorldTruth"]),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "Engine", "Scenarios", "World", "Corpora", "Evaluation",
                "FlywheelCore", "WorldTruth"
            ]),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["FlywheelTestSupport", "Scenarios", "World", "Evaluation", "FlywheelCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ProcessStagesTests",
            dependencies: [
                "FlywheelTestSupport", "ProcessStages", "Scenarios", "Engine", "Retrieval", "Corpora", "FlywheelCore"
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "FlywheelCLITests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "FlywheelCLI", "FlywheelCore", "Corpora", "Scenarios", "Store",
                "World", "WorldTruth"
            ]),
        .testTarget(
            name: "LLMTests",
            dependencies: [
                "FlywheelTestSupport", "WorldGenerator", "LLM", "LLMJudging", "FlywheelCore", "World", "Scenarios",
                "Engine",
                "Corpora",
                "WorldTruth"
            ]),
        // `flywheel check` (assertions, --baseline, JUnit) and `flywheel cadence`, end to end on tiny
        // generated worlds.
        .testTarget(
            name: "CheckTests",
            dependencies: [
                "FlywheelTestSupport", "FlywheelCLI", "Reports", "FlywheelCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        .testTarget(
            name: "CadenceTests", dependencies: ["FlywheelTestSupport", "FlywheelCLI", "Reports", "FlywheelCore"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "FlywheelTestSupport", "Reports", "Scenarios", "Store", "FlywheelCLI", "Corpora", "FlywheelCore",
                "WorldTruth"
            ])
    ]
)

// The libFuzzer targets (`make fuzz`, scripts/fuzz.sh, docs/reliability.md): only declared when
// FLYWHEEL_FUZZ=1, since the binary has no `main` of its own (libFuzzer's) and links only with
// `-sanitize=fuzzer`.
if Context.environment["FLYWHEEL_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "flywheel-fuzz",
            dependencies: ["Corpora", "Evaluation", "FlywheelCore", "Scenarios", "World", "WorldTruth"],
            path: "Fuzz/Targets", swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]))
}
