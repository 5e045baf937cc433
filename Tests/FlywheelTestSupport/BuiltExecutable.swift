import Foundation

/// The package's executables as `swift build` / `swift test` leave them: under `.build/debug`
/// (a link to the host's triple) or a triple's own `debug` folder, or next to the running test
/// bundle.
package enum BuiltExecutable {
    /// The build folders searched, in order, relative to the repository root.
    static let folders = [
        ".build/debug",
        ".build/x86_64-unknown-linux-gnu/debug",
        ".build/aarch64-unknown-linux-gnu/debug",
        ".build/arm64-apple-macosx/debug",
        ".build/x86_64-apple-macosx/debug"
    ]

    /// The executable `name` (e.g. `flywheel`, `custom-retriever-example`), or nil when it has
    /// not been built (e.g. `swift build --target WorldTests`); tests that need it skip.
    package static func path(_ name: String) -> String? {
        let beside = [
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.executableURL?.deletingLastPathComponent()
        ]
        .compactMap { $0?.appendingPathComponent(name).path }
        let built = folders.map { Repository.path($0 + "/" + name) }
        return (built + beside).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The `flywheel` command line.
    package static var flywheel: String? { path("flywheel") }
}
