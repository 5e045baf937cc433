import FlywheelCore
import Retrieval

extension PluginMessages {
    /// The first version whose hello reply may name the ``Input``s a plugin reads.
    static let inputsVersion = 5

    /// The fields of the tickets and articles Flywheel sends that a plugin reads
    /// (docs/protocol.md, "Inputs"). A version-5 plugin's hello reply may list them in
    /// `inputs` (absent: all, as in versions 1 to 4); Flywheel leaves the others out of every
    /// ticket and article it sends. A plugin that analyses the text itself answers
    /// `["text", "created_at"]` and is spared the tokens — Flywheel's analysis of every ticket
    /// and article, and a third of a retrieve request's bytes; one that scores Flywheel's
    /// tokens answers `["tokens", "created_at"]` and is spared the text.
    enum Input: String, CaseIterable, Codable, Sendable {
        /// A ticket's `text`; an article's `title` and `body`.
        case text
        /// A ticket's or an article's analysed `tokens`.
        case tokens
        /// A ticket's `created_at`.
        case createdAt = "created_at"

        static let all = Set(allCases)
    }
}

extension WireTicket {
    /// The ticket with the fields of `inputs` (``PluginMessages/Input``); its `id` always.
    init(_ ticket: Ticket, analyzer: Analyzer, inputs: Set<PluginMessages.Input>) {
        id = ticket.id.rawValue
        createdAt = inputs.contains(.createdAt) ? ticket.createdAt.iso8601 : nil
        text = inputs.contains(.text) ? ticket.text : nil
        tokens = inputs.contains(.tokens) ? analyzer.queryTerms(ticket.text) : nil
    }
}

extension WireArticle {
    /// The article with the fields of `inputs` (``PluginMessages/Input``); its `id` always.
    init(_ article: Article, analyzer: Analyzer, inputs: Set<PluginMessages.Input>) {
        id = article.id.rawValue
        title = inputs.contains(.text) ? article.title : nil
        body = inputs.contains(.text) ? article.body : nil
        if inputs.contains(.tokens) {
            let fields = analyzer.fields(article)
            tokens = fields.title + fields.body
        } else {
            tokens = nil
        }
    }
}

extension PluginModel {
    /// `ticket` as this model's plugin asked for it in its hello (``PluginChannel/inputs``).
    func wire(_ ticket: Ticket) -> WireTicket {
        WireTicket(ticket, analyzer: analyzer, inputs: channel.inputs)
    }

    /// `article` as this model's plugin asked for it in its hello (``PluginChannel/inputs``).
    func wire(_ article: Article) -> WireArticle {
        WireArticle(article, analyzer: analyzer, inputs: channel.inputs)
    }
}
