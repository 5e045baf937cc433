import FlywheelCore

extension SimulatedAgent {
    /// Bradley–Terry choice between A and B with biases, ties and both-bad; see
    /// ``PreferenceBehaviour`` for the model and its two exact ends.
    func prefer(
        qualityA: Double, qualityB: Double, wordsA: Int, wordsB: Int, fatigue f: Double,
        rng: inout RandomStream
    ) -> (PreferenceChoice, PreferenceMargin?) {
        let p = persona.preference
        // validated personas have exactly three; keep programmatic ones from trapping
        let margins = p.margins.count == 3 ? p.margins : PreferenceBehaviour.defaultMargins
        let temperature = f > 0 ? p.noise / f : .infinity
        var bothBadDraw = rng.derived("both-bad")
        var choiceDraw = rng.derived("choice")
        var marginDraw = rng.derived("margin")

        if let threshold = p.bothBad, threshold > 0 {
            let best = max(qualityA, qualityB)
            let bad: Bool
            if temperature == 0 {
                bad = best < threshold
            } else {
                bad = bothBadDraw.bernoulli(Probability.sigmoid((threshold - best) / temperature))
            }
            if bad { return (.bothBad, nil) }
        }

        let d = qualityA - qualityB
        let longer: Double = wordsA > wordsB ? 1 : (wordsA < wordsB ? -1 : 0)
        let bias = p.positionBias + p.lengthBias * longer
        let u = choiceDraw.uniform()
        let chooseA: Bool
        let perceived: Double  // |d̃|
        if temperature == 0 {
            let base: Double = d > 0 ? 1 : (d < 0 ? 0 : 0.5)
            chooseA = u < Probability.clamp(base + bias)
            perceived = abs(d)
        } else if temperature.isInfinite {
            chooseA = u < Probability.clamp(0.5 + bias)
            let v = min(max(marginDraw.uniform(), 1e-12), 1 - 1e-12)
            perceived = abs(Probability.logit(v)) * margins[1]
        } else {
            let pA = Probability.clamp(Probability.sigmoid(d / temperature) + bias, 1e-12, 1 - 1e-12)
            chooseA = u < pA
            let uu = min(max(u, 1e-300), 1 - 1e-16)
            perceived = abs(temperature * (Probability.logit(pA) - Probability.logit(uu)))
        }

        if perceived <= max(p.tieBand, margins[0]) { return (.tie, nil) }
        let margin: PreferenceMargin =
            perceived >= margins[2] ? .much : (perceived >= margins[1] ? .clearly : .slightly)
        return (chooseA ? .a : .b, margin)
    }
}
