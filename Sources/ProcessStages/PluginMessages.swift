import FlywheelCore

/// The messages of the process protocol, versions ``versions`` (docs/protocol.md; one JSON
/// Schema per message in docs/protocol/). Flywheel writes one request per line on the plugin's
/// standard input and reads one reply per line from its standard output; every request carries
/// an `id` its reply repeats.
///
/// The hello is the same in every version (`protocol: 1`, so a version-1 plugin reads it) and
/// lists the versions Flywheel speaks in `protocols`; the plugin's reply picks one. Version 2
/// adds `reset`: a plugin process serves one job after another instead of one job only.
/// Version 3 adds `training` to the hello's reply: the parts of a `retrain` batch the plugin
/// reads (``TrainingPart``); Flywheel leaves the others empty. Version 4 lets a retrieve reply
/// write its lists compactly (``CompactList``: article ordinals, scores as bit patterns).
/// Version 5 adds `inputs` to the hello's reply: the fields of tickets and articles the plugin
/// reads (``Input``); Flywheel leaves the others out.
///
/// Models are numbered: `index` makes model 0, and `publish` and `retrain` make model `to` from
/// model `from` (the deploy gate may keep a refused candidate beside the deployed model, so a
/// plugin keeps every model until Flywheel `release`s it).
enum PluginMessages {
    /// The versions Flywheel speaks, oldest first.
    static let versions = [1, 2, 3, 4, 5]
    /// The first version with `reset` (one process serves one job after another).
    static let resetVersion = 2
    /// The first version whose hello reply may name the ``TrainingPart``s a plugin reads.
    static let trainingVersion = 3

    /// The annotation lists of a `retrain` batch (docs/protocol.md, "Training batches"). A
    /// version-3 plugin's hello reply may list the ones it reads in `training` (absent: all,
    /// as in versions 1 and 2); the others go empty, and `tickets` holds only the tickets the
    /// sent ones refer to. A first stage that learns from relevance marks answers
    /// `"training": ["relevance"]` and is spared the replies of every preference and adoption.
    enum TrainingPart: String, CaseIterable, Codable, Sendable {
        case relevance, preferences, adoptions
    }

    /// Every request `op`, in the order a session uses them (`reset` starts the next job's
    /// session on the same process, version 2).
    enum Op: String, CaseIterable, Codable, Sendable {
        case hello, index, publish, retrain, retrieve, rerank, generate, release, reset, shutdown
    }

    /// `hello` (a new process) or `reset` (the next job on a process that served one already,
    /// version 2): the same fields, so a plugin can answer both alike after dropping its state.
    struct Hello: Encodable {
        var id: Int
        var op = Op.hello
        /// hello: 1, the version every hello is written in; reset: the version agreed.
        var `protocol` = 1
        /// hello only: the versions Flywheel speaks; the reply's `protocol` picks one.
        var protocols: [Int]? = PluginMessages.versions
        /// retriever, reranker or generator.
        var stage: String
        var seed: UInt64
        /// The stage's scenario settings (e.g. k1, b, depth, expansion), for the plugin to honour.
        var settings: any Encodable & Sendable
        /// How Flywheel analysed the `tokens` it sends (stemming, stop words).
        var analyzer: Analyzer
        struct Analyzer: Encodable {
            var name = "flywheel-english"
            var stemming: Bool
            var stopWords: Bool
            enum CodingKeys: String, CodingKey {
                case name, stemming
                case stopWords = "stop_words"
            }
        }
        enum CodingKeys: String, CodingKey { case id, op, `protocol`, protocols, stage, seed, settings, analyzer }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(op, forKey: .op)
            try c.encode(`protocol`, forKey: .protocol)
            try c.encodeIfPresent(protocols, forKey: .protocols)
            try c.encode(stage, forKey: .stage)
            try c.encode(seed, forKey: .seed)
            try c.encode(settings, forKey: .settings)
            try c.encode(analyzer, forKey: .analyzer)
        }
    }

    struct Index: Encodable {
        var id: Int
        var op = Op.index
        var model: Int
        var articles: [WireArticle]
    }

    struct Publish: Encodable {
        var id: Int
        var op = Op.publish
        var from: Int
        var to: Int
        var articles: [WireArticle]
    }

    struct Retrain: Encodable {
        var id: Int
        var op = Op.retrain
        var from: Int
        var to: Int
        var batch: WireBatch
    }

    struct Retrieve: Encodable {
        var id: Int
        var op = Op.retrieve
        var model: Int
        var depth: Int
        var tickets: [WireTicket]
    }

    struct Rerank: Encodable {
        var id: Int
        var op = Op.rerank
        var model: Int
        var depth: Int
        var items: [Item]
        struct Item: Encodable {
            var ticket: WireTicket
            var candidates: [WireEntry]
        }
    }

    struct Generate: Encodable {
        var id: Int
        var op = Op.generate
        var model: Int
        var items: [Item]
        struct Item: Encodable {
            var ticket: WireTicket
            /// The reranked articles, best first, in full.
            var articles: [WireArticle]
            /// A seed from the ticket's own random stream, for exploration.
            var seed: UInt64
        }
    }

    struct Release: Encodable {
        var id: Int
        var op = Op.release
        var models: [Int]
    }

    struct Shutdown: Encodable {
        var id: Int
        var op = Op.shutdown
    }

    /// The fields every reply may have; which result field is required depends on the request.
    struct Reply: Decodable {
        var id: Int
        var ok: Bool?
        var error: String?
        /// hello and reset: the plugin's protocol version, name and the ops it implements.
        var `protocol`: Int?
        var name: String?
        var capabilities: [Op]?
        /// hello and reset, version 3: the parts of a `retrain` batch the plugin reads (absent: all).
        var training: [TrainingPart]?
        /// hello and reset, version 5: the fields of tickets and articles the plugin reads (absent: all).
        var inputs: [Input]?
        /// retrieve and rerank: one list per ticket or item, best first (a retrieve reply's
        /// may be compact from version 4).
        var results: [WireList]?
        /// generate: one pair of replies per item.
        var replies: [WireReplyPair]?
        /// retrieve and rerank, read by ``ReplyScanner`` (not decoded): `results` with each
        /// article found in the table of those the reply may name.
        var lists: [ScannedList]? = nil

        enum CodingKeys: String, CodingKey {
            case id, ok, error, `protocol`, name, capabilities, training, inputs, results, replies
        }

        /// The lists, however the reply was read: the scanner's, or the decoder's `results`
        /// looked up in `table`; throws ``WireList/Problem`` for a compact list that does not
        /// hold together (the scanner declines those, so the decoder's path says what is wrong).
        func scannedLists(_ table: ArticleTable) throws(WireList.Problem) -> [ScannedList]? {
            if let lists { return lists }
            guard let results else { return nil }
            var out: [ScannedList] = []
            out.reserveCapacity(results.count)
            for (i, list) in results.enumerated() { out.append(try ScannedList(list, at: i, table: table)) }
            return out
        }
    }
}
