import FlywheelCore

/// One deterministic slice of a sweep: the cells whose index ≡ `index` (mod `count`), so every
/// shard gets a similar mix of parameter values. Indices are 0-based: `0/4` … `3/4`.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int
    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }
    /// The store file of this shard: `sweep.sqlite` when whole, else `shard-i-of-n.sqlite`.
    public var storeFileName: String { count == 1 ? "sweep.sqlite" : "shard-\(index)-of-\(count).sqlite" }

    /// Parses `i/n` with 0 ≤ i < n.
    public init(parsing text: String, field: String = "--shard") throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw InputError(field: field, "expected i/n such as 0/4, got '\(text)'")
        }
        guard n >= 1, n <= 100_000 else {
            throw InputError(field: field, "the shard count \(n) is out of range; allowed: 1…100000")
        }
        guard (0..<n).contains(i) else {
            throw InputError(field: field, "the shard index \(i) is out of range; allowed: 0…\(n - 1)")
        }
        self.init(index: i, count: n)
    }

    /// The shard from a batch system's environment when `--shard` is absent:
    /// Slurm job arrays (`SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, over
    /// `SLURM_ARRAY_TASK_COUNT`), or Kubernetes Indexed Jobs (`JOB_COMPLETION_INDEX`, with the
    /// count from `count` — the `--shard-count` option — or `FLYWHEEL_SHARD_COUNT`).
    /// Nil when none is set: the whole sweep.
    public static func fromEnvironment(_ env: [String: String], count: Int?) throws -> Shard? {
        func integer(_ name: String) throws -> Int? {
            guard let text = env[name] else { return nil }
            guard let value = Int(text) else { throw InputError(field: name, "expected an integer, got '\(text)'") }
            return value
        }
        if let id = try integer("SLURM_ARRAY_TASK_ID") {
            guard let n = try count ?? integer("SLURM_ARRAY_TASK_COUNT") else {
                throw InputError(field: "SLURM_ARRAY_TASK_COUNT", "is not set; pass --shard-count")
            }
            let min = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            return try Shard(parsing: "\(id - min)/\(n)", field: "SLURM_ARRAY_TASK_ID")
        }
        if let id = try integer("JOB_COMPLETION_INDEX") {
            guard let n = try count ?? integer("FLYWHEEL_SHARD_COUNT") else {
                throw InputError(
                    field: "JOB_COMPLETION_INDEX",
                    "needs the shard count: pass --shard-count or set FLYWHEEL_SHARD_COUNT")
            }
            return try Shard(parsing: "\(id)/\(n)", field: "JOB_COMPLETION_INDEX")
        }
        if count != nil {
            throw InputError(
                field: "--shard-count", "given without --shard, SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX")
        }
        return nil
    }
}
