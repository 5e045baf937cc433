import FlywheelCore

/// Range checks of a decoded persona. Each problem names its key path; ``Persona/load(yaml:file:)``
/// adds the file and line.
extension Persona {
    /// One out-of-range value.
    struct RangeProblem: Hashable, Sendable {
        var keyPath: String
        var message: String
    }

    /// Throws the first out-of-range value as an ``InputError`` naming `file` and the key path
    /// (for personas built in code or embedded in a scenario under `keyPrefix`, e.g. `personas[2]`).
    public func validate(file: String? = nil, keyPrefix: String = "") throws {
        if let problem = rangeProblems().first {
            let path = keyPrefix.isEmpty ? problem.keyPath : "\(keyPrefix).\(problem.keyPath)"
            throw InputError(file: file, field: path, problem.message)
        }
    }

    /// Every out-of-range value, in file order.
    func rangeProblems() -> [RangeProblem] {
        var out: [RangeProblem] = []
        func probability(_ v: Double, _ path: String) {
            if !(0...1).contains(v) {
                out.append(
                    .init(keyPath: path, message: "\(v) is outside [0, 1]: a probability must be between 0 and 1"))
            }
        }
        func nonNegative(_ v: Double, _ path: String, infinityAllowed: Bool) {
            if v.isNaN || v < 0 || (!infinityAllowed && v.isInfinite) {
                let allowed = infinityAllowed ? "a number ≥ 0, or .inf" : "a finite number ≥ 0"
                out.append(.init(keyPath: path, message: "\(v) is out of range: expected \(allowed)"))
            }
        }
        func signedShare(_ v: Double, _ path: String) {
            if !(-1...1).contains(v) {
                out.append(
                    .init(keyPath: path, message: "\(v) is outside [-1, 1]: a bias is a shift in choice probability"))
            }
        }

        if name.isEmpty { out.append(.init(keyPath: "name", message: "must not be empty")) }
        if version < 1 {
            out.append(.init(keyPath: "version", message: "\(version) is out of range: expected an integer ≥ 1"))
        }
        for kind in SignalKind.allCases { probability(participation[kind], "participation.\(kind.rawValue)") }
        probability(fatigue.perHour, "fatigue.per_hour")

        nonNegative(preference.noise, "preference.noise", infinityAllowed: true)
        signedShare(preference.positionBias, "preference.position_bias")
        signedShare(preference.lengthBias, "preference.length_bias")
        if preference.margins.count != 3 {
            out.append(
                .init(
                    keyPath: "preference.margins",
                    message: "expected 3 thresholds [slightly, clearly, much], got \(preference.margins.count)"))
        } else {
            for (i, m) in preference.margins.enumerated() { probability(m, "preference.margins[\(i)]") }
            if preference.margins != preference.margins.sorted() {
                out.append(
                    .init(
                        keyPath: "preference.margins",
                        message: "thresholds must be non-decreasing: \(preference.margins)"))
            }
        }
        probability(preference.tieBand, "preference.tie_band")
        if let b = preference.bothBad { probability(b, "preference.both_bad") }

        probability(adoption.threshold, "adoption.threshold")
        nonNegative(adoption.slope, "adoption.slope", infinityAllowed: true)
        probability(adoption.editShare, "adoption.edit_share")
        probability(adoption.trust.initial, "adoption.trust.initial")
        probability(adoption.trust.rate, "adoption.trust.rate")

        probability(rationale.accuracy, "rationale.accuracy")

        if !(0...8).contains(relevance.checks) {
            out.append(
                .init(
                    keyPath: "relevance.checks", message: "\(relevance.checks) is outside 0…8: an agent sees 8 articles"
                ))
        }
        probability(relevance.sensitivity, "relevance.sensitivity")
        probability(relevance.specificity, "relevance.specificity")
        if let link = relevance.linkMissed { probability(link, "relevance.link_missed") }
        if let skill = relevance.searchSkill { probability(skill, "relevance.search_skill") }

        probability(missingKnowledge.detection, "missing_knowledge.detection")
        probability(missingKnowledge.falseFlag, "missing_knowledge.false_flag")

        nonNegative(costSeconds.preference, "cost_seconds.preference", infinityAllowed: false)
        nonNegative(costSeconds.adoption, "cost_seconds.adoption", infinityAllowed: false)
        nonNegative(costSeconds.rationale, "cost_seconds.rationale", infinityAllowed: false)
        nonNegative(costSeconds.relevance, "cost_seconds.relevance", infinityAllowed: false)
        nonNegative(costSeconds.missingKnowledge, "cost_seconds.missing_knowledge", infinityAllowed: false)
        if let h = costSeconds.handling { nonNegative(h, "cost_seconds.handling", infinityAllowed: false) }
        return out
    }
}
