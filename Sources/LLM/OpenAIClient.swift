import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A blocking client for one OpenAI-compatible chat completions endpoint: at most
/// ``LLMEndpoint/concurrency`` requests in flight (over every thread that shares it), each
/// attempt bounded by ``LLMEndpoint/timeout``, and retries with exponential backoff and jitter on
/// retryable failures (``LLMCallError/isRetryable``).
///
/// ```swift
/// let client = OpenAIClient(endpoint: endpoint)
/// switch client.complete(request) {
/// case .success(let (answer, attempts)): print(answer.content, attempts)
/// case .failure(let failure): print(failure.error, "after", failure.attempts, "attempts")
/// }
/// ```
final class OpenAIClient: @unchecked Sendable {
    struct Failure: Error {
        var error: LLMCallError
        var attempts: Int
    }

    let endpoint: LLMEndpoint
    private let session: URLSession
    private let gate: DispatchSemaphore
    /// The completions' queue, held here: `OperationQueue.underlyingQueue` does not retain it
    /// in swift-corelibs-foundation (it is `unowned(unsafe)`), so without this reference the
    /// queue would be freed at once.
    private let callbackQueue: DispatchQueue

    init(endpoint: LLMEndpoint) {
        self.endpoint = endpoint
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = endpoint.timeout
        configuration.timeoutIntervalForResource = endpoint.timeout
        configuration.httpMaximumConnectionsPerHost = max(1, endpoint.concurrency)
        configuration.urlCache = nil
        // Completions are delivered on a private serial queue: callers block their own threads
        // (the engine's jobs run on Dispatch's worker pool), and a callback queued behind them on
        // the shared pool could wait until the timeout.
        callbackQueue = DispatchQueue(label: "flywheel.llm.client")
        let callbacks = OperationQueue()
        callbacks.underlyingQueue = callbackQueue
        session = URLSession(configuration: configuration, delegate: nil, delegateQueue: callbacks)
        gate = DispatchSemaphore(value: max(1, endpoint.concurrency))
    }

    deinit { session.invalidateAndCancel() }

    /// Sends `request`, retrying retryable failures up to ``LLMEndpoint/retries`` times; the
    /// answer and the attempts it took, or the last failure.
    func complete(_ request: ChatRequest) -> Result<(answer: ChatAnswer, attempts: Int), Failure> {
        gate.wait()
        defer { gate.signal() }
        let body = request.canonicalJSON
        var attempt = 0
        while true {
            attempt += 1
            switch send(body) {
            case .success(let answer):
                return .success((answer, attempt))
            case .failure(let error):
                guard error.isRetryable, attempt <= endpoint.retries else {
                    return .failure(Failure(error: error, attempts: attempt))
                }
                Thread.sleep(forTimeInterval: backoff(afterAttempt: attempt))
            }
        }
    }

    /// `backoff · 2^(attempt−1)` plus uniform jitter of up to as much again (timing only: the
    /// jitter never reaches a result).
    func backoff(afterAttempt attempt: Int) -> Double {
        let base = endpoint.backoff * pow(2, Double(min(attempt - 1, 16)))
        return base + Double.random(in: 0...max(base, 0))
    }

    /// One attempt: POST the body, parse the answer.
    func send(_ body: Data) -> Result<ChatAnswer, LLMCallError> {
        var request = URLRequest(url: endpoint.completionsURL, timeoutInterval: endpoint.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = endpoint.apiKey { request.setValue("Bearer " + key, forHTTPHeaderField: "Authorization") }
        request.httpBody = body
        return fetch(request).flatMap { status, data in
            guard status == 200 else {
                return .failure(.http(status: status, body: String(decoding: data.prefix(400), as: UTF8.self)))
            }
            return ChatCompletionBody.answer(from: data)
        }
    }

    /// GET `<base_url>/models`: nil when the endpoint answers 200, else why not.
    func probe() -> LLMCallError? {
        var request = URLRequest(url: endpoint.modelsURL, timeoutInterval: min(endpoint.timeout, 10))
        if let key = endpoint.apiKey { request.setValue("Bearer " + key, forHTTPHeaderField: "Authorization") }
        switch fetch(request) {
        case .success(let (status, data)):
            return status == 200 ? nil : .http(status: status, body: String(decoding: data.prefix(200), as: UTF8.self))
        case .failure(let error):
            return error
        }
    }

    /// The status and body of `request`, waiting at most its timeout (plus a grace second).
    private func fetch(_ request: URLRequest) -> Result<(Int, Data), LLMCallError> {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(.transport(Self.describe(error, request)))
            } else if let http = response as? HTTPURLResponse {
                box.result = .success((http.statusCode, data ?? Data()))
            } else {
                box.result = .failure(.transport("no HTTP response from \(request.url?.absoluteString ?? "?")"))
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + request.timeoutInterval + 1) == .timedOut {
            task.cancel()
            return .failure(
                .transport("timed out after \(request.timeoutInterval) s at \(request.url?.absoluteString ?? "?")"))
        }
        return box.result ?? .failure(.transport("no answer"))
    }

    static func describe(_ error: any Error, _ request: URLRequest) -> String {
        let url = request.url?.absoluteString ?? "?"
        let ns = error as NSError
        if ns.domain == NSURLErrorDomain, ns.code == NSURLErrorTimedOut {
            return "timed out after \(request.timeoutInterval) s at \(url)"
        }
        return "\(ns.localizedDescription) (\(url))"
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<(Int, Data), LLMCallError>?
    }
}
