import FlywheelCore
import Foundation
import Retrieval

/// The plugin side of the process protocol for a first stage written in Swift: reads requests
/// from standard input, answers on standard output (docs/protocol.md, versions 1 to 5). It
/// serves any ``LearningRetriever`` that `make` builds from the hello's settings, keeping the
/// numbered models as values; `flywheel plugin serve retriever` serves the builtin BM25 with
/// expansion through it, so a run can compare the builtin with the very same model behind the
/// boundary (BENCHMARKS.md, "Process boundary").
///
/// `retrieve` requests are read by ``RetrieveScanner`` and `index`, `publish` and `retrain` by
/// ``ModelRequestScanner`` (one pass over the bytes), anything they decline and the rest with
/// `JSONSerialization` (``WireRequest``); replies are written by hand, a retrieve's lists as
/// ``CompactList``s from version 4.
public struct RetrieverServer {
    /// Builds model 0 from the hello's `settings` (JSON) and the published articles.
    public typealias Factory = (_ settings: Data, _ published: [Article]) throws -> any LearningRetriever

    let name: String
    let make: Factory
    /// How the models `make` builds analyse text: a hello whose `analyzer` asks for another
    /// analysis is refused (the lists would not be the ones Flywheel's tokens describe).
    let analysis: Analyzer.Configuration
    var version: Int?
    var settings = Data("{}".utf8)
    var models: [Int: any LearningRetriever] = [:]
    /// Each model's articles in the order `index` and `publish` sent them: their slots are the
    /// ordinals of compact lists (version 4, ``CompactList``).
    var ordinals: [Int: ArticleTable] = [:]

    static let capabilities: [PluginMessages.Op] = [
        .hello, .index, .publish, .retrain, .retrieve, .release, .reset, .shutdown
    ]

    public init(name: String, analysis: Analyzer.Configuration = .init(), make: @escaping Factory) {
        self.name = name
        self.analysis = analysis
        self.make = make
    }

    /// Serves requests until `shutdown` or the end of the input. Each request is read in place
    /// in one input buffer and each reply written into one output buffer, both kept from
    /// request to request (``LineBuffer``): no copy of a line, no fresh pages for each reply.
    public mutating func serve(input: Int32 = 0, output: Int32 = 1) throws {
        widenPipe(output)
        let lines = LineBuffer()
        var reply: [UInt8] = []
        while true {
            let line: UnsafeBufferPointer<UInt8>
            if let next = lines.nextLine() {
                line = next
            } else {
                let n = lines.read(from: input)
                if n < 0, errno == EINTR { continue }
                if n < 0 { throw LineBuffer.LineError.read(errno) }
                if n > 0 { continue }
                guard let last = lines.rest() else { return }
                line = last
            }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            reply.removeAll(keepingCapacity: true)
            let done = respond(to: line, into: &reply)
            reply.append(0x0A)
            try LineBuffer.writeAll(reply, to: output)
            if done { return }
        }
    }

    /// The reply to one request line (an `error` reply for a bad one), and whether it was `shutdown`.
    mutating func respond(to line: [UInt8]) -> (reply: [UInt8], done: Bool) {
        var reply: [UInt8] = []
        let terminated = line + [0]
        let done = terminated.withUnsafeBufferPointer {
            respond(to: UnsafeBufferPointer(rebasing: $0.dropLast()), into: &reply)
        }
        return (reply, done)
    }

    /// Writes the reply to `line` (followed in memory by a 0, as ``LineBuffer`` hands lines out)
    /// into `out`, empty on entry; true when the request was `shutdown`.
    mutating func respond(to line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        if let fast = RetrieveScanner.request(terminated: line) {
            do {
                try retrieve(fast, into: &out)
            } catch {
                out.removeAll(keepingCapacity: true)
                out += Self.error(id: error.id, error.message)
            }
            return false
        }
        if let fast = ModelRequestScanner.request(terminated: line) {
            do {
                out += try apply(fast)
            } catch {
                out += Self.error(id: error.id, error.message)
            }
            return false
        }
        let request: WireRequest
        do {
            request = try WireRequest(Array(line))
        } catch {
            out += Self.error(id: error.id, error.message)
            return false
        }
        do {
            out += try answer(request)
            return request.op == .shutdown
        } catch {
            out += Self.error(id: error.id, error.message)
            return false
        }
    }

    mutating func answer(_ r: WireRequest) throws(WireRequest.Problem) -> [UInt8] {
        switch r.op {
        case .hello, .reset:
            if r.op == .hello {
                let offered: [Int]
                if let list = r.intArray("protocols") { offered = list } else { offered = [try r.int("protocol")] }
                guard let v = Set(offered).intersection(PluginMessages.versions).max() else {
                    throw r.problem("protocols \(offered) unsupported; this plugin speaks \(PluginMessages.versions)")
                }
                version = v
            } else {
                guard let version, version >= PluginMessages.resetVersion, try r.int("protocol") == version else {
                    throw r.problem("reset needs protocol version 2 or later, agreed in the hello")
                }
            }
            try checkAnalysis(r)
            // a reset drops every model: the next job starts as in a new process
            models = [:]
            ordinals = [:]
            settings = try r.json("settings")
            let v = version ?? 1
            let caps = Self.capabilities.filter { v >= PluginMessages.resetVersion || $0 != .reset }
            let list = caps.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
            // a first stage learns from relevance marks only: spare it the replies (version 3)
            let training = v >= PluginMessages.trainingVersion ? #","training":["relevance"]"# : ""
            // it analyses each ticket's text itself (memoised): spare Flywheel the tokens (version 5)
            let inputs = v >= PluginMessages.inputsVersion ? #","inputs":["text","created_at"]"# : ""
            return Self.ok(
                id: r.id,
                Array(#","protocol":\#(v),"name":"#.utf8) + ListWriter.quoted(name)
                    + Array(#","capabilities":[\#(list)]\#(training)\#(inputs)"#.utf8))
        case .index:
            return try apply(.index(id: r.id, model: try r.int("model"), articles: try r.articles("articles")))
        case .publish:
            _ = try model(r, "from")
            return try apply(
                .publish(id: r.id, from: try r.int("from"), to: try r.int("to"), articles: try r.articles("articles")))
        case .retrain:
            _ = try model(r, "from")
            return try apply(
                .retrain(id: r.id, from: try r.int("from"), to: try r.int("to"), batch: try r.batch("batch")))
        case .retrieve:
            var out: [UInt8] = []
            try retrieve(
                RetrieveScanner.Request(
                    id: r.id, model: try r.int("model"), depth: try r.int("depth"), tickets: try r.tickets("tickets")),
                into: &out)
            return out
        case .release:
            for m in r.intArray("models") ?? [] {
                models[m] = nil
                ordinals[m] = nil
            }
        case .shutdown:
            break
        case .rerank, .generate:
            throw r.problem("unknown op \(r.op.rawValue): this plugin is a retriever")
        }
        return Self.ok(id: r.id, [])
    }

    /// An index, publish or retrain, however it was read (``ModelRequestScanner`` or
    /// ``WireRequest``): the new model, and its articles' ordinals.
    mutating func apply(_ request: ModelRequestScanner.Request) throws(WireRequest.Problem) -> [UInt8] {
        func attempt<T>(_ id: Int, _ op: PluginMessages.Op, _ body: () throws -> T) throws(WireRequest.Problem) -> T {
            do { return try body() } catch { throw WireRequest.Problem(id: id, message: "\(op.rawValue): \(error)") }
        }
        func model(_ id: Int, _ op: PluginMessages.Op, _ n: Int) throws(WireRequest.Problem) -> any LearningRetriever {
            guard let m = models[n] else {
                throw WireRequest.Problem(id: id, message: "\(op.rawValue): unknown model \(n)")
            }
            return m
        }
        switch request {
        case .index(let id, let m, let published):
            models[m] = try attempt(id, .index) { try make(settings, published) }
            ordinals[m] = ArticleTable(published.lazy.map(\.id))
            return Self.ok(id: id, [])
        case .publish(let id, let from, let to, let articles):
            let source = try model(id, .publish, from)
            models[to] = try attempt(id, .publish) { try source.publishing(articles) }
            ordinals[to] = ArticleTable((ordinals[from]?.ids ?? []) + articles.map(\.id))
            return Self.ok(id: id, [])
        case .retrain(let id, let from, let to, let batch):
            let source = try model(id, .retrain, from)
            models[to] = try attempt(id, .retrain) { try source.retrained(with: batch) }
            ordinals[to] = ordinals[from]
            return Self.ok(id: id, [])
        }
    }

    /// A retrieve, however it was read (``RetrieveScanner`` or ``WireRequest``): its reply
    /// written into `out` (empty on entry).
    func retrieve(_ r: RetrieveScanner.Request, into out: inout [UInt8]) throws(WireRequest.Problem) {
        func problem(_ message: String) -> WireRequest.Problem {
            WireRequest.Problem(id: r.id, message: "\(PluginMessages.Op.retrieve.rawValue): \(message)")
        }
        guard let m = models[r.model] else { throw problem("unknown model \(r.model)") }
        let lists: [RankedList]
        do {
            lists = try m.retrieve(batch: r.tickets, depth: r.depth, attachingParts: false)
        } catch {
            throw problem("\(error)")
        }
        out += #"{"id":\#(r.id),"ok":true"#.utf8
        if (version ?? 1) >= CompactList.version {
            guard let table = ordinals[r.model], ListWriter.appendCompactResults(lists, ordinals: table, to: &out)
            else {
                throw problem("a list names an article model \(r.model) was not sent")
            }
        } else {
            out += ListWriter.results(lists)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Refuses a hello or reset whose `analyzer` (stemming, stop words; absent: the default,
    /// both on) is not ``analysis``.
    func checkAnalysis(_ r: WireRequest) throws(WireRequest.Problem) {
        let asked = r.fields["analyzer"] as? [String: Any] ?? [:]
        func flag(_ key: String) -> Bool { (asked[key] as? NSNumber)?.boolValue ?? (asked[key] as? Bool) ?? true }
        let wanted = Analyzer.Configuration(stemming: flag("stemming"), stopWords: flag("stop_words"))
        guard wanted == analysis else {
            throw r.problem(
                "the analyzer asks for stemming \(wanted.stemming) and stop words \(wanted.stopWords); this plugin analyses with stemming \(analysis.stemming) and stop words \(analysis.stopWords)"
            )
        }
    }

    func model(_ r: WireRequest, _ key: String) throws(WireRequest.Problem) -> any LearningRetriever {
        let n = try r.int(key)
        guard let m = models[n] else { throw r.problem("unknown model \(n)") }
        return m
    }

    /// `{"id":N,"ok":true` + `fields` (each with its leading comma) + `}`.
    static func ok(id: Int, _ fields: [UInt8]) -> [UInt8] {
        Array(#"{"id":\#(id),"ok":true"#.utf8) + fields + [UInt8(ascii: "}")]
    }

    static func error(id: Int, _ message: String) -> [UInt8] {
        Array(#"{"id":\#(id),"error":"#.utf8) + ListWriter.quoted(message) + [UInt8(ascii: "}")]
    }
}
