#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FlywheelCore

/// The preference behaviour's likelihood (docs/world.md "preference") and its maximum.
///
/// With temperature `T`, `ℓ = logit(clamp(σ(d/T) + position_bias + length_bias·s))` and the
/// perceived difference `d̃ = T·(ℓ − logit u)`, `u ~ U(0, 1)`, every outcome is an interval of
/// `logit u`: with `τ = max(tie_band, margins[0])`, `P(d̃ > x) = σ(ℓ − x/T)` and
/// `P(d̃ < −x) = 1 − σ(ℓ + x/T)`, so a tie has probability `σ(ℓ + τ/T) − σ(ℓ − τ/T)`, "A
/// slightly" `σ(ℓ − τ/T) − σ(ℓ − m₁/T)`, "A clearly" `σ(ℓ − m₁/T) − σ(ℓ − m₂/T)`, "A much"
/// `σ(ℓ − m₂/T)`, and B mirrored. Both-bad comes first, with probability `σ((b − max(qA, qB))/T)`.
///
/// `tie_band` and `margins[0]` act only through their maximum τ: the fit returns τ for both.
/// `both_bad` is fitted only when the agents ever said both-bad (else absent). Seven parameters
/// (six without both-bad), found by Nelder–Mead on unconstrained coordinates
/// (`T = e^θ₀`, biases `0.45·tanh θ`, `τ = e^θ₃`, `m₁ = τ + e^θ₄`, `m₂ = m₁ + e^θ₅`, `b = σ(θ₆)`).
struct PreferenceFit: Sendable, Hashable {
    var temperature = 0.1
    var positionBias = 0.0
    var lengthBias = 0.0
    var tie = 0.03
    var clearly = 0.15
    var much = 0.3
    var bothBad: Double?

    var parameterCount: Int { bothBad == nil ? 6 : 7 }

    /// The preference annotations with both replies' qualities.
    static func usable(_ tickets: [WorkedTicket]) -> [WorkedTicket] {
        tickets.filter { $0.preference != nil && $0.qualityA != nil && $0.qualityB != nil }
    }

    static func fit(_ tickets: [WorkedTicket], from start: PreferenceFit? = nil) -> PreferenceFit {
        let data = usable(tickets)
        guard !data.isEmpty else { return PreferenceFit() }
        let saysBothBad = data.contains { $0.preference?.choice == .bothBad }
        var initial = start ?? PreferenceFit()
        if saysBothBad, initial.bothBad == nil { initial.bothBad = 0.3 }
        if !saysBothBad { initial.bothBad = nil }
        let result = NelderMead.minimise(
            { -PreferenceFit(coordinates: $0, bothBad: saysBothBad).logLikelihood(data) },
            start: initial.coordinates, step: 0.4)
        return PreferenceFit(coordinates: result.point, bothBad: saysBothBad)
    }

    init() {}

    init(coordinates θ: [Double], bothBad: Bool) {
        temperature = exp(min(θ[0], 5))
        positionBias = 0.45 * tanh(θ[1])
        lengthBias = 0.45 * tanh(θ[2])
        tie = exp(min(θ[3], 1))
        clearly = tie + exp(min(θ[4], 1))
        much = clearly + exp(min(θ[5], 1))
        self.bothBad = bothBad ? Logistic.sigmoid(θ[6]) : nil
    }

    var coordinates: [Double] {
        var θ = [
            log(temperature), atanh(min(0.999, positionBias / 0.45)), atanh(min(0.999, lengthBias / 0.45)), log(tie),
            log(max(1e-6, clearly - tie)), log(max(1e-6, much - clearly))
        ]
        if let b = bothBad { θ.append(Logistic.logit(min(max(b, 1e-6), 1 - 1e-6))) }
        return θ
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        tickets.reduce(0) { sum, t in
            guard let p = t.preference, let qa = t.qualityA, let qb = t.qualityB else { return sum }
            return sum + Logistic.safeLog(probability(p.choice, p.margin, qualityA: qa, qualityB: qb, longer: t.longer))
        }
    }

    /// The probability of one logged choice (margin nil: any margin of that choice).
    func probability(
        _ choice: PreferenceChoice, _ margin: PreferenceMargin?, qualityA: Double, qualityB: Double, longer: Double
    ) -> Double {
        let T = temperature
        let bad = bothBad.map { Logistic.sigmoid(($0 - max(qualityA, qualityB)) / T) } ?? 0
        if choice == .bothBad { return bad }
        let pA = min(
            max(Logistic.sigmoid((qualityA - qualityB) / T) + positionBias + lengthBias * longer, 1e-12), 1 - 1e-12)
        let l = Logistic.logit(pA)
        let s = Logistic.sigmoid
        let p: Double
        switch (choice, margin) {
        case (.tie, _): p = s(l + tie / T) - s(l - tie / T)
        case (.a, nil): p = s(l - tie / T)
        case (.a, .slightly?): p = s(l - tie / T) - s(l - clearly / T)
        case (.a, .clearly?): p = s(l - clearly / T) - s(l - much / T)
        case (.a, .much?): p = s(l - much / T)
        case (.b, nil): p = 1 - s(l + tie / T)
        case (.b, .slightly?): p = s(l + clearly / T) - s(l + tie / T)
        case (.b, .clearly?): p = s(l + much / T) - s(l + clearly / T)
        case (.b, .much?): p = 1 - s(l + much / T)
        case (.bothBad, _): p = 0
        }
        return (1 - bad) * p
    }
}
