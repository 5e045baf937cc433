import FlywheelCore
import Foundation

/// What a folder given to `flywheel report` holds: a run's store or a sweep's.
enum ReportSource {
    case run
    /// The sweep store and the folder the report goes to.
    case sweep(database: String, folder: String)

    init(_ path: String) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such results folder")
        }
        if !isDirectory.boolValue {
            guard path.hasSuffix(".sqlite") else {
                throw InputError(file: path, "not a results folder or a .sqlite store")
            }
            self = .sweep(
                database: path,
                folder: (path as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (path as NSString).deletingLastPathComponent)
            return
        }
        if files.fileExists(atPath: path + "/run.sqlite") { self = .run; return }
        if files.fileExists(atPath: path + "/sweep.sqlite") {
            self = .sweep(database: path + "/sweep.sqlite", folder: path); return
        }
        let shards = ((try? files.contentsOfDirectory(atPath: path)) ?? []).filter {
            $0.hasPrefix("shard-") && $0.hasSuffix(".sqlite")
        }.sorted()
        if let shard = shards.first {
            let pattern = shard.replacingOccurrences(of: #"shard-\d+-"#, with: "shard-*-", options: .regularExpression)
            throw InputError(
                file: path,
                "holds shard stores only (\(shards.count)); merge them first: flywheel merge \(path)/\(pattern) --out \(path)/sweep.sqlite"
            )
        }
        throw InputError(
            file: path + "/run.sqlite", "no results store here (run `flywheel run` or `flywheel sweep` first)")
    }

    /// A run's name in a comparison: its folder as given, without a trailing slash.
    static func label(_ directory: String) -> String {
        var d = directory
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        return d
    }
}
