import FlywheelCore

/// A process-wide memo of ``PorterStemmer/stem(_:)``, which the analyzer calls for every word of
/// every ticket, article and retraining example. The stem is a pure function of the word, so the
/// memo changes no result.
enum StemMemo {
    static let shared = PureMemo<String>(shardCapacity: 16_384) { PorterStemmer.stem($0) }
}
