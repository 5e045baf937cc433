import World

extension Persona {
    /// The persona with every optional key set to the value that behaves as its absence, so
    /// `persona show` prints every key a persona file may hold (the docs test checks this against
    /// the persona key schema): `rationale.confusion: neighbours`, `relevance.pick: top`,
    /// `relevance.link_missed: 0`, `relevance.search_skill: 1`, `preference.both_bad: 0` (off),
    /// `description: ""`.
    var withDefaultsFilled: Persona {
        var p = self
        p.description = p.description ?? ""
        p.rationale.confusion = p.rationale.confusion ?? .neighbours
        p.relevance.pick = p.relevance.pick ?? .top
        p.relevance.linkMissed = p.relevance.linkMissed ?? 0
        p.relevance.searchSkill = p.relevance.searchSkill ?? 1
        p.preference.bothBad = p.preference.bothBad ?? 0
        return p
    }
}
