/// One line of the council's figures as shown on the dashboard, in exports and in the API: a
/// figure or one part of it (K4 per law, K6 inside and outside, K10 per reason), after disclosure
/// control. `base` is what it rests on, shown beside it so a reader can judge it.
public struct FigureLine: Sendable, Equatable {
    public let figure: FigureDefinition
    /// Stable key for exports and the API: `K1`, `K4.wmo`, `K6.inside`, `K10.no-capacity`.
    public let key: String
    /// The part, in Dutch: `Wmo`, `binnen het netwerk`, a reason; empty for a figure of one line.
    public let part: String
    public let value: Disclosed<Double>
    /// Requests or assignments the value is computed on; nil when disclosure control hides it too.
    public let base: Int?

    public var title: String { part.isEmpty ? figure.title : "\(figure.title): \(part)" }
}

extension CouncilFigures {
    /// Every figure as lines, each through `control`. K10 lists the reasons found, with the labels
    /// given (codes without a label are shown as the code).
    public func lines(_ control: DisclosureControl = .council, reasonLabels: [String: String] = [:]) -> [FigureLine] {
        func share(_ figure: FigureDefinition, _ key: String, _ part: String, _ ratio: Ratio) -> FigureLine {
            FigureLine(figure: figure, key: key, part: part, value: control.share(ratio), base: control.base(ratio.base))
        }
        func statistic(_ figure: FigureDefinition, _ key: String, _ part: String, _ statistic: Statistic) -> FigureLine {
            FigureLine(figure: figure, key: key, part: part, value: control.statistic(statistic), base: control.base(statistic.cases))
        }
        var lines = [
            FigureLine(figure: .k1, key: "K1", part: "", value: control.count(discussedInMeeting).value.map { .shown(Double($0)) } ?? .suppressed,
                       base: control.count(discussedInMeeting).value),
            share(.k2, "K2", "", discussedWithCareInside),
            share(.k3, "K3", "", discussedWithWelfare),
        ]
        for law in Law.allCases {
            if let ratio = activeInside[law] { lines.append(share(.k4, "K4.\(law.rawValue)", law.label, ratio)) }
        }
        for law in Law.allCases {
            if let ratio = newFirstInside[law] { lines.append(share(.k5, "K5.\(law.rawValue)", law.label, ratio)) }
        }
        lines += [
            statistic(.k6, "K6.inside", "binnen het netwerk", hoursInside),
            statistic(.k6, "K6.outside", "buiten het netwerk", hoursOutside),
            share(.k7, "K7.inside", "binnen het netwerk", specialistInside),
            share(.k7, "K7.outside", "buiten het netwerk", specialistOutside),
            statistic(.k8, "K8", "", daysToSupport),
            statistic(.k9, "K9", "", organisationsPerRequest),
        ]
        // The reasons are the parts of one whole (the first assignments outside the network).
        let reasons = outsideReasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) })
        for ((code, _), shown) in zip(reasons, control.suppressingSecondParts(reasons.map(\.value))) {
            let label = code == FigureDefinition.unknownReason ? OutsideReasonOption.notRecordedLabel : (reasonLabels[code] ?? code)
            lines.append(FigureLine(figure: .k10, key: "K10.\(code)", part: label, value: shown.value.map { .shown(Double($0)) } ?? .suppressed,
                                    base: shown.value))
        }
        return lines
    }
}
