import Foundation
import WijknetCore

/// A bar chart drawn on the server as SVG, for the dashboard and the council letter. Readable
/// without colour: each series has its own fill (solid, hatched) and a legend, every bar has its
/// value written above it, and a suppressed value is marked as such instead of drawn as zero. It
/// carries a title and description for screen readers; pages show the same numbers in a table.
struct BarChart {
    struct Series {
        let name: String
        /// One value per category; nil where disclosure control suppressed it.
        let values: [Double?]
    }

    let id: String
    let title: String
    let categories: [String]
    let series: [Series]
    let measure: FigureDefinition.Measure
    /// Long category names (the 13 ZRM domains) are written at a slant below the axis.
    var slantedLabels = false
    /// A fixed scale maximum (5 for the ZRM levels); by default one that fits the values.
    var maximum: Double? = nil
    /// The distance between grid lines; by default a quarter of the scale.
    var tickStep: Double? = nil

    private let width = 640.0, left = 48.0, right = 12.0, top = 40.0
    private var height: Double { slantedLabels ? 380 : 280 }
    private var bottom: Double { slantedLabels ? 144 : 44 }

    /// The chart as an `<svg>` element; `standalone` adds the XML namespace for a downloaded file.
    func svg(standalone: Bool = false) -> Markup {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = scaleMaximum
        let group = plotWidth / Double(max(1, categories.count))
        let barWidth = group * 0.7 / Double(max(1, series.count))
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }

        var parts: [Markup] = []
        for tick in ticks(maximum) {
            parts.append("""
            <line x1="\(f(left))" y1="\(f(y(tick)))" x2="\(f(width - right))" y2="\(f(y(tick)))" stroke="#c8c8c8" stroke-width="1"/>\
            <text x="\(f(left - 6))" y="\(f(y(tick) + 4))" text-anchor="end" font-size="11">\(FigureFormat.number(tick, measure))</text>
            """)
        }
        for (c, category) in categories.enumerated() {
            let x0 = left + group * Double(c) + group * 0.15
            for (s, serie) in series.enumerated() {
                let x = x0 + barWidth * Double(s)
                let centre = f(x + barWidth / 2)
                if let value = serie.values[c] {
                    let barTop = y(value)
                    parts.append("""
                    <rect x="\(f(x))" y="\(f(barTop))" width="\(f(barWidth - 2))" height="\(f(top + plotHeight - barTop))" \
                    fill="\(fill(s))" stroke="#1f4e79" stroke-width="1"><title>\(serie.name), \(category): \(FigureFormat.number(value, measure))</title></rect>\
                    <text x="\(centre)" y="\(f(barTop - 4))" text-anchor="middle" font-size="10">\(FigureFormat.number(value, measure))</text>
                    """)
                } else {
                    parts.append("""
                    <text x="\(centre)" y="\(f(top + plotHeight - 4))" text-anchor="middle" font-size="12">*<title>\(serie.name), \(category): \(FigureFormat.suppressed)</title></text>
                    """)
                }
            }
            let x = f(left + group * Double(c) + group / 2), y = f(height - bottom + 16)
            parts.append(slantedLabels
                ? "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-40 \(x) \(y))\">\(category)</text>"
                : "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"11\">\(category)</text>")
        }
        var legend: [Markup] = []
        var x = left
        for (s, serie) in series.enumerated() where series.count > 1 {
            legend.append("<rect x=\"\(f(x))\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(fill(s))\" stroke=\"#1f4e79\"/><text x=\"\(f(x + 20))\" y=\"19\" font-size=\"12\">\(serie.name)</text>")
            x += 40 + Double(serie.name.count) * 7
        }
        let suppressedNote: Markup = series.contains { $0.values.contains(nil) }
            ? "<text x=\"\(f(width - right))\" y=\"\(f(height - 8))\" text-anchor=\"end\" font-size=\"11\">* \(FigureFormat.suppressed): te weinig gevallen</text>" : .empty
        let namespace: Markup = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : .empty
        return """
        <svg\(namespace) viewBox="0 0 \(f(width)) \(f(height))" width="100%" role="img" aria-labelledby="\(id)-title \(id)-desc" class="chart">\
        <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(description)</desc>\
        <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="3"/></pattern></defs>\
        <rect width="\(f(width))" height="\(f(height))" fill="#ffffff"/>\(legend)\(parts)\
        <line x1="\(f(left))" y1="\(f(top + plotHeight))" x2="\(f(width - right))" y2="\(f(top + plotHeight))" stroke="#333333" stroke-width="1"/>\(suppressedNote)</svg>
        """
    }

    /// The chart in words, for a screen reader: every value, per series.
    var description: String {
        series.map { serie in
            serie.name + ": " + zip(categories, serie.values).map { "\($0) \($1.map { FigureFormat.number($0, measure) } ?? FigureFormat.suppressed)" }
                .joined(separator: ", ")
        }.joined(separator: ". ")
    }

    private var scaleMaximum: Double {
        if let maximum { return maximum }
        if measure == .share { return 1 }
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        return niceCeiling(max(1, largest * 1.1))
    }

    private func ticks(_ maximum: Double) -> [Double] {
        guard let tickStep, tickStep > 0 else { return (0...4).map { maximum * Double($0) / 4 } }
        return stride(from: 0, through: maximum, by: tickStep).map { $0 }
    }

    private func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    private func fill(_ series: Int) -> String { series == 0 ? "#1f4e79" : "url(#\(id)-hatch)" }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
