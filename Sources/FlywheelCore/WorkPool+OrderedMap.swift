/// Parallel map whose result never depends on the thread count: element i is `body(i)`,
/// computed on whichever thread, stored at position i. Callers that fold the results (sums,
/// state updates) fold them in index order afterwards, so floating-point sums and every state
/// change happen in the same order as a single-threaded loop.
///
/// ```swift
/// let suggestions = try WorkPool.orderedMap(count: tickets.count, width: threads) { i in
///     system.suggest(for: tickets[i])      // pure given the deployed models
/// }
/// ```
extension WorkPool {
    /// `body(i)` for every i in `0..<count`, on at most `width` threads, in chunks of `chunk`
    /// consecutive indices; with `width` ≤ 1 a plain loop on the calling thread. The first
    /// error is rethrown after the running chunks finish.
    public static func orderedMap<T>(
        count: Int, width: Int, chunk: Int = 8, _ body: (Int) throws -> T
    ) throws -> [T] {
        guard width > 1, count > 1 else { return try (0..<count).map(body) }
        let chunk = max(1, chunk)
        let chunks = (count + chunk - 1) / chunk
        var slots = [T?](repeating: nil, count: count)
        try slots.withUnsafeMutableBufferPointer { buffer in
            let out = OrderedMapSlots(buffer: buffer)
            try WorkPool.run(count: chunks, width: width) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) { out.buffer[i] = try body(i) }
                return true
            }
        }
        return slots.map { $0! }
    }
}

/// The result slots, shared by the pool's threads: each index is written by exactly one chunk.
private struct OrderedMapSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

extension WorkPool {
    /// ``orderedMap(count:width:chunk:_:)`` for a body that cannot fail.
    public static func orderedMap<T>(count: Int, width: Int, chunk: Int = 8, _ body: (Int) -> T) -> [T] {
        do {
            return try orderedMap(count: count, width: width, chunk: chunk) { (i: Int) throws -> T in body(i) }
        } catch {
            preconditionFailure("a body that does not throw threw \(error)")
        }
    }
}
