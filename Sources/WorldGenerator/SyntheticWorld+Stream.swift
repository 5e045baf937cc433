import Corpora
import FlywheelCore

extension SyntheticWorld {
    /// What ``writeStream(_:to:name:command:threads:)`` wrote and measured.
    public struct StreamSummary: Sendable {
        public var manifest: Manifest
        public var statistics: SyntheticWorldStatistics
        /// Articles that have a near-duplicate twin.
        public var twins: Int
    }

    /// Tickets made, serialised and measured per chunk: what the stream holds at once.
    static let streamChunk = 4_096

    /// Generates the world for `config` and writes it as a corpus folder while it is made: the
    /// same bytes as ``generate(_:)`` then ``write(to:name:command:overwrite:)`` (the same
    /// tickets in the same order through the same writer), but only one chunk of tickets
    /// (``streamChunk``) is held at a time, and each chunk is made on `threads` threads (each
    /// ticket is a pure function of its index, and chunks are written in index order, so the
    /// bytes do not depend on `threads`). The files are compressed on threads of their own
    /// (``CorpusWriter``), so zstd runs while the next chunk is made. Also returns the world's
    /// ``SyntheticWorldStatistics``, accumulated on the way. Replaces an existing corpus in `directory`.
    public static func writeStream(
        _ config: SyntheticWorldConfig, to directory: String, name: String? = nil, command: String? = nil,
        threads: Int = 1
    ) throws -> StreamSummary {
        let plan = SyntheticWorldPlan(config)
        var writer = try CorpusWriter(
            directory: directory, name: name ?? defaultName(for: directory), source: source(of: config.profile),
            license: license, command: command ?? self.command(for: config, out: directory))
        for article in plan.articles { try writer.write(article) }
        let times = schedule(config)
        var statistics = SyntheticWorldStatistics.Accumulator(articles: plan.articles, ticketCount: times.count)
        var start = 0
        while start < times.count {
            let first = start
            let made = WorkPool.orderedMap(count: min(streamChunk, times.count - first), width: threads, chunk: 64) {
                k in
                let record = plan.factory.makeTicket(index: first + k, of: times)
                return (record, SyntheticWorldStatistics.contentWords(record.ticket.text))
            }
            for (record, words) in made {
                try writer.write(record)
                statistics.add(record, contentWords: words)
            }
            start += made.count
        }
        return StreamSummary(manifest: try writer.finish(), statistics: statistics.statistics, twins: plan.twins.count)
    }
}
