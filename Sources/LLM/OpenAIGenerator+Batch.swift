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
        // One result slot per request, filled from several threads.
        let results = Locked([Result<(a: Reply, b: Reply), any Error>?](repeating: nil, count: requests.count))
        let group = DispatchGroup()
        for worker in 0..<workers {
            DispatchQueue.global().async(group: group) {
                for i in stride(from: worker, to: requests.count, by: workers) {
                    var rng = requests[i].rng
                    let result = Result {
                        try suggest(for: requests[i].ticket, articles: requests[i].articles, rng: &rng)
                    }
                    results.withLock { $0[i] = result }
                }
            }
        }
        group.wait()
        return try results.withLock { $0.map { $0! } }.map { try $0.get() }
    }
}
