// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A package outside Flywheel that brings its own first stage: it depends on the Flywheel
// checkout two folders up and uses its library products. A path dependency is known by its
// folder's name, so the manifest reads it rather than assuming one.
let flywheel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CustomRetriever",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "custom-retriever",
            dependencies: [
                .product(name: "FlywheelCore", package: flywheel),
                .product(name: "FlywheelEngine", package: flywheel),
                .product(name: "FlywheelScenarios", package: flywheel)
            ])
    ]
)
