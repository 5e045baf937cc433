import FlywheelCore

/// What every importer needs besides its input: the corpus' name and provenance, and how to
/// synthesise `created_at` for tickets that have none.
public struct ImportOptions: Sendable, Hashable {
    public var name: String
    public var source: String
    public var license: String
    /// The command line, recorded in the manifest.
    public var command: String
    /// The first synthesised ticket time; later tickets follow at ``interval``, in input order.
    public var start: Timestamp
    public var interval: SimDuration
    public var compressionLevel: Int

    public static let defaultStart = Timestamp(iso8601: "2026-01-05T00:00:00Z")!

    public init(
        name: String, source: String, license: String, command: String,
        start: Timestamp = ImportOptions.defaultStart, interval: SimDuration = .hours(1),
        compressionLevel: Int = CorpusWriter.defaultCompressionLevel
    ) {
        self.name = name
        self.source = source
        self.license = license
        self.command = command
        self.start = start
        self.interval = interval
        self.compressionLevel = compressionLevel
    }

    /// The synthesised time of the `index`-th ticket (0-based).
    func synthesisedTime(_ index: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: start.secondsSinceEpoch + Int64(index) * interval.seconds)
    }

    func makeWriter(directory: String) throws -> CorpusWriter {
        try CorpusWriter(
            directory: directory, name: name, source: source, license: license, command: command,
            compressionLevel: compressionLevel)
    }
}

extension LineReader {
    /// The next non-blank line as a ``JSONValue`` that must be an object.
    func nextObject() throws -> JSONValue? {
        try nextRecord { (c) throws(JSONSyntaxError) in
            guard c.peek() == 0x7B else { throw c.fail("expected a JSON object on each line") }
            let v = try c.value()
            try c.expectEnd()
            return v
        }
    }
}
