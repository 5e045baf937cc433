import FlywheelCore

/// The quality filter's running estimate of each agent's accuracy, from audited annotations
/// (a Beta(1, 1) prior on the share correct).
struct AgentTrust {
    private var correct: [AgentID: Int] = [:]
    private var total: [AgentID: Int] = [:]

    mutating func record(_ agent: AgentID, correct isCorrect: Bool) {
        total[agent, default: 0] += 1
        if isCorrect { correct[agent, default: 0] += 1 }
    }

    /// Posterior mean accuracy of `agent`.
    func estimate(_ agent: AgentID) -> Double {
        Double(correct[agent, default: 0] + 1) / Double(total[agent, default: 0] + 2)
    }
}
