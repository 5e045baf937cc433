import FlywheelCore
import Foundation

/// The run's LLM access: one client per role, the record/replay cache, budgets and usage, and
/// the first fatal failure.
///
/// A failure (a replay miss, a spent budget, an endpoint that keeps failing) is latched here:
/// the failing call returns nil, later calls return nil at once without sending anything, and
/// ``throwIfFailed()`` throws it as an ``InputError`` (exit 2). The generator throws it at once
/// (its protocol throws); the judge cannot (the world's scorer does not throw), so the engine
/// calls ``throwIfFailed()`` before it records each iteration: no iteration computed after a
/// failure is stored and the run is never marked complete.
public final class LLMService: @unchecked Sendable {
    public struct Role: Sendable {
        public var endpoint: LLMEndpoint
        public var budget: LLMBudget
        public init(endpoint: LLMEndpoint, budget: LLMBudget) {
            self.endpoint = endpoint
            self.budget = budget
        }
    }

    public let mode: LLMCacheMode
    private let cache: LLMCache?
    private let clients: [LLMRole: (client: OpenAIClient, budget: LLMBudget)]
    /// What the calls change: each role's counts and the first failure (latched).
    private struct Tally {
        var usageCounts: [LLMRole: LLMUsage.Counts] = [:]
        var failure: InputError?
    }
    private let tally = Locked(Tally())

    /// `cachePath` is read in record and replay modes (a missing file is an empty cache in
    /// record mode and an ``InputError`` in replay mode).
    public init(roles: [LLMRole: Role], mode: LLMCacheMode, cachePath: String?) throws {
        self.mode = mode
        if mode != .off {
            guard let cachePath else { throw InputError(field: "--llm-cache", "\(mode.rawValue) needs a cache file") }
            if mode == .replay, !FileManager.default.fileExists(atPath: cachePath) {
                throw InputError(file: cachePath, "no LLM cache to replay (record one with --llm-cache record)")
            }
            cache = try LLMCache(path: cachePath)
        } else {
            cache = nil
        }
        clients = roles.mapValues { (OpenAIClient(endpoint: $0.endpoint), $0.budget) }
    }

    /// Checks every role's endpoint answers `GET <base_url>/models` (not in replay mode, which
    /// needs no endpoint): an ``InputError`` naming the role's `base_url` key otherwise.
    public func probe() throws {
        guard mode != .replay else { return }
        for role in LLMRole.allCases {
            guard let client = clients[role]?.client else { continue }
            if let error = client.probe() {
                throw InputError(
                    field: role.keyPath + ".base_url",
                    "cannot reach \(client.endpoint.baseURL.absoluteString): \(error)")
            }
        }
    }

    /// The answer to `request` for `role`: from the cache when it has one, else from the
    /// endpoint (recorded in record mode). nil after a failure (see the type's notes).
    /// `purpose` names the call in errors and in the cache file, e.g. `generator A ticket T-12`.
    public func complete(_ request: ChatRequest, role: LLMRole, purpose: @autoclosure () -> String) -> ChatAnswer? {
        guard let (client, budget) = clients[role] else {
            latch(InputError(field: role.keyPath, "no endpoint configured for the \(role.rawValue)"))
            return nil
        }
        if tally.withLock({ $0.failure != nil }) { return nil }
        let key = request.key
        count(role) { $0.calls += 1 }
        if let cache, let answer = cache.answer(for: key) {
            count(role) { $0.cacheHits += 1 }
            return answer
        }
        if mode == .replay, let cache {
            latch(
                InputError(
                    file: cache.path,
                    "replay: no recorded answer for request \(key) (\(purpose()), model \(request.model)); record it with --llm-cache record"
                ))
            return nil
        }
        if let refusal = tally.withLock({ budget.refusal(after: $0.usageCounts[role, default: .init()]) }) {
            latch(
                InputError(
                    field: role.keyPath + ".budget", "request \(key.prefix(16)) (\(purpose())) refused: \(refusal)"))
            return nil
        }
        switch client.complete(request) {
        case .success(let (answer, attempts)):
            count(role) {
                $0.sent += 1
                $0.retries += attempts - 1
                $0.tokens += answer.totalTokens
            }
            guard let cache else { return answer }
            return cache.record(LLMCache.Entry(key: key, purpose: purpose(), request: request, answer: answer))
        case .failure(let failure):
            count(role) {
                $0.sent += 1
                $0.retries += failure.attempts - 1
            }
            latch(
                InputError(
                    field: role.keyPath,
                    "request \(key.prefix(16)) (\(purpose())) to \(client.endpoint.completionsURL.absoluteString) failed after \(failure.attempts) attempt(s): \(failure.error)"
                ))
            return nil
        }
    }

    /// The endpoint `role` calls, nil when it has none.
    public func endpoint(for role: LLMRole) -> LLMEndpoint? { clients[role]?.client.endpoint }

    /// Throws the first failure, if any.
    public func throwIfFailed() throws {
        if let failure = tally.withLock({ $0.failure }) { throw failure }
    }

    /// Writes the cache file in record mode (also after a failure: what was fetched stays
    /// recorded). Nothing to do in the other modes.
    public func save() throws {
        if mode == .record, let cache { try cache.save() }
    }

    public var usage: LLMUsage {
        tally.withLock {
            LLMUsage(roles: Dictionary(uniqueKeysWithValues: $0.usageCounts.map { ($0.key.rawValue, $0.value) }))
        }
    }

    private func count(_ role: LLMRole, _ change: (inout LLMUsage.Counts) -> Void) {
        tally.withLock { change(&$0.usageCounts[role, default: .init()]) }
    }

    private func latch(_ error: InputError) {
        tally.withLock { if $0.failure == nil { $0.failure = error } }
    }
}
