/// Inline SVG charts for the report: line charts with optional 95% bands, and heat maps. No
/// JavaScript; every label is HTML-escaped.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
        var x: [Double]
        var mean: [Double]
        var lower: [Double?] = []
        var upper: [Double?] = []
        var dashed = false
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]

    /// A line chart, `width`×`height` pixels, x and y axes with ticks, a legend below.
    static func lines(title: String, xLabel: String, series: [Series], width: Double = 430, height: Double = 250) -> String {
        let left = 54.0, right = 12.0, top = 24.0, bottom = 38.0
        let legendHeight = Double((series.count + 2) / 3) * 16 + 8
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = series.flatMap(\.x)
        var ys = series.flatMap(\.mean).filter(\.isFinite)
        ys += series.flatMap { $0.lower.compactMap { $0 } + $0.upper.compactMap { $0 } }.filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), var y0 = ys.min(), var y1 = ys.max() else {
            return "<p class=\"empty\">\(HTML.escape(title)): no data</p>"
        }
        if y1 - y0 < 1e-9 { y0 -= 0.5 * max(abs(y0), 1e-3); y1 += 0.5 * max(abs(y1), 1e-3) }
        let pad = (y1 - y0) * 0.05
        y0 -= pad; y1 += pad
        let xr = max(x1 - x0, 1e-9)
        func px(_ x: Double) -> Double { left + (x - x0) / xr * plotW }
        func py(_ y: Double) -> Double { top + (1 - (y - y0) / (y1 - y0)) * plotH }
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height + legendHeight))\" viewBox=\"0 0 \(f(width)) \(f(height + legendHeight))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<text x=\"\(f(left))\" y=\"15\" class=\"title\">\(HTML.escape(title))</text>"
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" class=\"plot\"/>"
        for t in ticks(y0, y1, count: 5) {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(py(t)))\" y2=\"\(f(py(t)))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(py(t) + 4))\" class=\"tick\" text-anchor=\"end\">\(label(t))</text>"
        }
        let integerX = xs.allSatisfy { $0 == $0.rounded() }
        for t in ticks(x0, x1, count: 8) where !integerX || t == t.rounded() {
            svg += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 14))\" class=\"tick\" text-anchor=\"middle\">\(label(t))</text>"
        }
        svg += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 30))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        for s in series {
            let band = s.x.indices.compactMap { i -> (Double, Double, Double)? in
                guard i < s.lower.count, i < s.upper.count, let l = s.lower[i], let u = s.upper[i], l.isFinite, u.isFinite else { return nil }
                return (s.x[i], l, u)
            }
            if band.count >= 2 {
                let pts = band.map { "\(f(px($0.0))),\(f(py($0.2)))" } + band.reversed().map { "\(f(px($0.0))),\(f(py($0.1)))" }
                svg += "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"\(s.color)\" fill-opacity=\"0.15\" stroke=\"none\"/>"
            }
            let pts = zip(s.x, s.mean).filter { $0.1.isFinite }.map { "\(f(px($0.0))),\(f(py($0.1)))" }
            svg += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"\(s.dashed ? " stroke-dasharray=\"5 3\"" : "")/>"
        }
        for (i, s) in series.enumerated() {
            let lx = left + Double(i % 3) * (plotW / 3), ly = height + 14 + Double(i / 3) * 16
            svg += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 9))\" width=\"12\" height=\"4\" fill=\"\(s.color)\"/>"
            svg += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly - 4))\" class=\"legend\">\(HTML.escape(s.name))</text>"
        }
        return svg + "</svg>"
    }

    /// A heat map of `cells[y][x]` with the value printed in each cell.
    static func heatMap(title: String, xName: String, yName: String, xValues: [String], yValues: [String], cells: [[Double?]]) -> String {
        let cw = 64.0, ch = 28.0, left = 90.0, top = 30.0
        let width = left + cw * Double(xValues.count) + 10, height = top + ch * Double(yValues.count) + 40
        let values = cells.flatMap { $0.compactMap { $0 } }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<text x=\"\(f(left))\" y=\"16\" class=\"title\">\(HTML.escape(title))</text>"
        for (yi, yv) in yValues.enumerated() {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(top + ch * Double(yi) + 18))\" class=\"tick\" text-anchor=\"end\">\(HTML.escape(yv))</text>"
            for (xi, _) in xValues.enumerated() {
                let v = yi < cells.count && xi < cells[yi].count ? cells[yi][xi] : nil
                let t = v.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 } ?? 0
                let fill = v == nil ? "#eeeeee" : color(t)
                svg += "<rect x=\"\(f(left + cw * Double(xi)))\" y=\"\(f(top + ch * Double(yi)))\" width=\"\(f(cw - 2))\" height=\"\(f(ch - 2))\" fill=\"\(fill)\"/>"
                svg += "<text x=\"\(f(left + cw * Double(xi) + cw / 2 - 1))\" y=\"\(f(top + ch * Double(yi) + 18))\" class=\"cell\" text-anchor=\"middle\">\(v.map { label($0) } ?? "–")</text>"
            }
        }
        for (xi, xv) in xValues.enumerated() {
            svg += "<text x=\"\(f(left + cw * Double(xi) + cw / 2))\" y=\"\(f(top + ch * Double(yValues.count) + 14))\" class=\"tick\" text-anchor=\"middle\">\(HTML.escape(xv))</text>"
        }
        svg += "<text x=\"\(f(left + cw * Double(xValues.count) / 2))\" y=\"\(f(height - 6))\" class=\"axis\" text-anchor=\"middle\">\(HTML.escape(xName))</text>"
        svg += "<text x=\"8\" y=\"\(f(top - 8))\" class=\"axis\">\(HTML.escape(yName))</text>"
        return svg + "</svg>"
    }

    /// White → blue ramp.
    static func color(_ t: Double) -> String {
        let c = max(0, min(1, t))
        let r = Int(240 - 200 * c), g = Int(245 - 130 * c), b = Int(255 - 75 * c)
        return "rgb(\(r),\(g),\(b))"
    }

    /// About `count` round tick values covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let span = hi - lo
        guard span > 0, span.isFinite else { return [lo] }
        let raw = span / Double(count)
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where step * m >= raw { step *= m; break }
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9, out.count < 50 { out.append(t); t += step }
        return out
    }

    static func label(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let a = abs(x)
        let digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if r == 0 { return "0" }
        return digits == 0 || r == r.rounded() ? String(Int64(r)) : String(r)
    }

    static func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }
}
