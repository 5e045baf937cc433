/// The data files of a corpus folder.
public enum CorpusFile: String, CaseIterable, Sendable {
    case articles, tickets, annotations

    /// `articles.jsonl.zst`, `tickets.jsonl.zst`, `annotations.jsonl.zst`.
    public var fileName: String { "\(rawValue).jsonl.zst" }
}

extension String {
    /// `self` joined with `name` by one `/`.
    func appendingPathComponent(_ name: String) -> String {
        hasSuffix("/") ? self + name : self + "/" + name
    }
}
