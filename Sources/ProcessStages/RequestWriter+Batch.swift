/// `retrain` by hand too: its batch (the cycle's relevance marks, preferences and adoptions with
/// the replies shown, and every ticket they refer to) is the largest request of a session,
/// megabytes a retraining, and `JSONEncoder` spent more on it than on any other request.
/// The bytes are the encoder's (sorted keys, absent optionals left out): `RequestWriterTests`.
extension PluginMessages.Retrain: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"batch":"#.utf8
        batch.writeJSON(to: &out)
        out += #","from":\#(from),"id":\#(id),"op":"retrain","to":\#(to)}"#.utf8
    }
}

extension WireBatch: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"adoptions":"#.utf8
        RequestWriter.list(adoptions, to: &out)
        out += #","iteration":\#(iteration),"preferences":"#.utf8
        RequestWriter.list(preferences, to: &out)
        out += #","relevance":"#.utf8
        RequestWriter.list(relevance, to: &out)
        out += #","tickets":"#.utf8
        RequestWriter.list(tickets, to: &out)
        if let time {
            out += #","time":"#.utf8
            RequestWriter.string(time, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension WireBatch.Relevance: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"agent":"#.utf8
        RequestWriter.string(agent, to: &out)
        out += #","article":"#.utf8
        RequestWriter.string(article, to: &out)
        out += #","rank":\#(rank),"relevant":\#(relevant),"ticket":"#.utf8
        RequestWriter.string(ticket, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension WireBatch.Preference: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"a":"#.utf8
        a.writeJSON(to: &out)
        out += #","agent":"#.utf8
        RequestWriter.string(agent, to: &out)
        out += #","b":"#.utf8
        b.writeJSON(to: &out)
        out += #","choice":"#.utf8
        RequestWriter.string(choice.rawValue, to: &out)
        if let margin {
            out += #","margin":"#.utf8
            RequestWriter.string(margin.rawValue, to: &out)
        }
        out += #","shown":"#.utf8
        RequestWriter.strings(shown, to: &out)
        out += #","ticket":"#.utf8
        RequestWriter.string(ticket, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension WireBatch.Adoption: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"a":"#.utf8
        a.writeJSON(to: &out)
        out += #","agent":"#.utf8
        RequestWriter.string(agent, to: &out)
        out += #","outcome":"#.utf8
        RequestWriter.string(outcome.rawValue, to: &out)
        if let rationale {
            out += #","rationale":"#.utf8
            RequestWriter.string(rationale.rawValue, to: &out)
        }
        out += #","shown":"#.utf8
        RequestWriter.strings(shown, to: &out)
        out += #","ticket":"#.utf8
        RequestWriter.string(ticket, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension WireReply: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"closing":"#.utf8
        RequestWriter.string(closing, to: &out)
        out += #","greeting":"#.utf8
        RequestWriter.string(greeting, to: &out)
        out += #","sentences":["#.utf8
        for (i, s) in sentences.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"article":"#.utf8
            RequestWriter.string(s.article, to: &out)
            out += #","article_rank":\#(s.articleRank),"position":\#(s.position),"text":"#.utf8
            RequestWriter.string(s.text, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"tone":"#.utf8
        RequestWriter.string(tone.rawValue, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}
