extension ConfidenceInterval {
    /// This interval clipped to `range`, and whether clipping changed it.
    public func clipped(to range: ClosedRange<Double>?) -> (interval: ConfidenceInterval, clipped: Bool) {
        guard let range else { return (self, false) }
        let lo = min(max(lower, range.lowerBound), range.upperBound)
        let hi = max(min(upper, range.upperBound), range.lowerBound)
        return (ConfidenceInterval(lower: lo, upper: hi, level: level), lo != lower || hi != upper)
    }
}
