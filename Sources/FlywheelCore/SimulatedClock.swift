/// The simulation's clock: it moves only when the engine advances it, never with the wall clock.
public struct SimulatedClock: Sendable, Hashable {
    public private(set) var now: Timestamp
    public init(start: Timestamp) { now = start }

    /// Moves the clock forward to `time`; a time in the past is ignored, so the clock never runs back.
    public mutating func advance(to time: Timestamp) {
        if time > now { now = time }
    }
    /// Moves the clock forward by `span` (negative spans are ignored).
    public mutating func advance(by span: SimDuration) {
        if span.seconds > 0 { now = now + span }
    }
}
