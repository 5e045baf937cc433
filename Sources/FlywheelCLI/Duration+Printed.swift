import Foundation

extension Duration {
    /// A wall-clock duration as people read it: seconds with two decimals below 10 s, one
    /// below 100 s, whole seconds above (`0.07 s`, `12.4 s`, `316 s`).
    var printed: String {
        let s = seconds
        let digits = s < 10 ? 2 : (s < 100 ? 1 : 0)
        return String(format: "%.\(digits)f s", s)
    }
}
