import Dispatch
import FlywheelCore
import Foundation

extension OpenAIGenerator {
    /// A window's suggestions with up to the endpoint's `concurrency` tickets in flight at once
    /// (the client's gate still bounds requests over every job of the run). Each ticket keeps its
    /// own random stream, so the requests, and the replies, are those of the one-by-one form, in
    /// request order; the first failure (in request order) is thrown.
    public func suggest(batch requests: [GenerationRequest]) throws -> [(a: Reply, b: Reply)] {
        let workers = min(requests.count, max(1, concurrency))
        guard workers > 1 else {
            return try requests.map { request in
                var rng = request.rng
                return try suggest(for: request.ticket, articles: request.articles, rng: &rng)
            }
        }
        let results = BatchResults(count: requests.count)
        let group = DispatchGroup()
        for worker in 0..<workers {
            DispatchQueue.global().async(group: group) {
                for i in stride(from: worker, to: requests.count, by: workers) {
                    var rng = requests[i].rng
                    results.set(
                        i, Result { try suggest(for: requests[i].ticket, articles: requests[i].articles, rng: &rng) })
                }
            }
        }
        group.wait()
        return try results.values().map { try $0.get() }
    }
}

/// One result slot per request, filled from several threads.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<(a: Reply, b: Reply), any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<(a: Reply, b: Reply), any Error>) {
        lock.withLock { slots[i] = result }
    }

    func values() -> [Result<(a: Reply, b: Reply), any Error>] {
        lock.withLock { slots.map { $0! } }
    }
}
