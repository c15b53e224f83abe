import WijknetCore

/// Synthetic names and test BSNs for demo residents. Nobody real is meant.
package enum DemoNames {
    package static let given = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gert", "Hanna", "Ilse", "Jan", "Kees", "Lotte", "Mohamed",
                                "Noor", "Oscar", "Priya", "Quinten", "Roos", "Sem", "Tess", "Umut", "Vera", "Willem", "Yara", "Zeynep",
                                "Ahmed", "Bas", "Carla", "Dirk", "Esra", "Finn", "Gijs", "Henk", "Iris", "Jesse", "Kim", "Lars", "Mila"]
    package static let family = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
                                 "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz",
                                 "El Amrani", "Kaya", "Pinas", "Doğan", "Haddou", "Nguyen", "Wouters", "Kok", "Verhoeven", "Koster"]
    package static let streets = ["Sonsbeeksingel", "Klarendalseweg", "Utrechtseweg", "Rijkerswoerdsestraat", "Kronenburgsingel",
                                  "Vredenburgsingel", "Lombokstraat", "Hoogkamp", "Schaarsbergenseweg", "Heijenoordseweg", "Zijpendaalseweg"]

}

/// Distinct valid BSNs: upwards from `start` to the last nine-digit number, then downwards from
/// just below `start`. Demo data starts at 999990000, the test range, which holds about 900
/// numbers; a demo of more residents (it grows with every day since the networks started) goes on
/// below it instead of looking for a nine-digit number above 999999999 for ever.
public struct BSNSequence: Sendable {
    private let start: Int
    private var candidate: Int
    private var upwards = true

    public init(start: Int = 999_990_000) {
        self.start = start
        candidate = start
    }

    public mutating func next() -> BSN {
        while true {
            if upwards && candidate > 999_999_999 {
                upwards = false
                candidate = start - 1
            }
            precondition(candidate >= 100_000_000, "no nine-digit BSN left")
            defer { candidate += upwards ? 1 : -1 }
            if let bsn = BSN(String(candidate)) { return bsn }
        }
    }
}
