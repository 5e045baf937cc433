/// Heat maps: one rectangle per cell with its value and 95% interval printed in it.
extension SVGChart {
    /// `map.cells[y][x]`; missing cells grey with "–". Finals use a white → blue ramp over the
    /// map's range; differences a red ← white → green ramp symmetric around 0.
    static func heatMap(_ map: SweepGrid.Map, xName: String, yName: String, xValues: [String], yValues: [String])
        -> String
    {
        let cw = max(104.0, Double(xValues.map(\.count).max() ?? 0) * 6.5 + 12), ch = 38.0
        let left = min(320, max(70.0, Double(yValues.map(\.count).max() ?? 0) * 6.2 + 14)), top = 44.0
        let width = max(left + cw * Double(xValues.count) + 12, Double(map.title.count) * 7 + 16),
            height = top + ch * Double(yValues.count) + 42
        let values = map.cells.flatMap { $0.compactMap { $0?.mean } }.filter(\.isFinite)
        let lo = values.min() ?? 0, hi = values.max() ?? 1, extent = values.map(abs).max() ?? 1
        var svg =
            "<svg class=\"chart heat\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(map.title))\">"
        svg += "<text x=\"8\" y=\"16\" class=\"title\">\(HTML.escape(map.title))</text>"
        svg +=
            "<text x=\"8\" y=\"\(f(top - 8))\" class=\"axis\">\(HTML.escape(yName.isEmpty ? "" : yName + " ↓"))</text>"
        for (yi, yv) in yValues.enumerated() {
            let y = top + ch * Double(yi)
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y + 22))\" class=\"tick\" text-anchor=\"end\">\(HTML.escape(yv))</text>"
            for xi in xValues.indices {
                let e = yi < map.cells.count && xi < map.cells[yi].count ? map.cells[yi][xi] : nil
                let x = left + cw * Double(xi)
                var fill = "#eeeeee", ink = ""
                if let m = e?.mean, m.isFinite {
                    let t = hi > lo ? (m - lo) / (hi - lo) : 0.5
                    fill = map.isDifference ? diverging(extent > 0 ? m / extent : 0) : color(t)
                    if !map.isDifference && t > 0.6 { ink = " fill=\"#fff\"" }  // light text on dark blue
                }
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cw - 2))\" height=\"\(f(ch - 2))\" fill=\"\(fill)\"/>"
                let main = e.map { (map.isDifference && $0.mean >= 0 ? "+" : "") + label($0.mean) } ?? "–"
                svg +=
                    "<text x=\"\(f(x + cw / 2 - 1))\" y=\"\(f(y + 15))\" class=\"cell\" text-anchor=\"middle\"\(ink)>\(main)</text>"
                if let e, let l = e.lower, let u = e.upper {
                    svg +=
                        "<text x=\"\(f(x + cw / 2 - 1))\" y=\"\(f(y + 29))\" class=\"ci\" text-anchor=\"middle\"\(ink)>[\(label(l)), \(label(u))]</text>"
                }
            }
        }
        for (xi, xv) in xValues.enumerated() {
            svg +=
                "<text x=\"\(f(left + cw * Double(xi) + cw / 2))\" y=\"\(f(top + ch * Double(yValues.count) + 14))\" class=\"tick\" text-anchor=\"middle\">\(HTML.escape(xv))</text>"
        }
        svg +=
            "<text x=\"\(f(left + cw * Double(xValues.count) / 2))\" y=\"\(f(height - 8))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(xName)) →</text>"
        return svg + "</svg>"
    }

    /// t in [−1, 1]: red (worse) ← white → green (better).
    static func diverging(_ t: Double) -> String {
        let c = max(-1, min(1, t))
        if c >= 0 { return "rgb(\(Int(250 - 150 * c)),\(Int(250 - 50 * c)),\(Int(250 - 150 * c)))" }
        return "rgb(\(Int(250 + 0 * c)),\(Int(250 + 150 * c)),\(Int(250 + 150 * c)))"
    }
}
