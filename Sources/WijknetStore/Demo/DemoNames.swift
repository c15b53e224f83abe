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

/// Valid BSNs in increasing order from `start`. Demo data starts at 999990000, the test range,
/// which holds about 900 numbers; the benchmark starts lower for its larger counts.
public struct BSNSequence: Sendable {
    private var candidate: Int

    public init(start: Int = 999_990_000) { candidate = start }

    public mutating func next() -> BSN {
        while true {
            defer { candidate += 1 }
            if let bsn = BSN(String(candidate)) { return bsn }
        }
    }
}
