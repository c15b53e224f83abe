/// The council's figures (domain.md K1–K10), named and defined in Dutch for the dashboard and its
/// definitions page. Where Wijknet refines the council's definition, `refinement` says how.
public enum FigureDefinition: String, CaseIterable, Sendable {
    case k1, k2, k3, k4, k5, k6, k7, k8, k9, k10

    /// The reason code counted in K10 when a first assignment outside has none recorded.
    public static let unknownReason = "onbekend"

    public var code: String { rawValue.uppercased() }

    public var title: String {
        switch self {
        case .k1: "Besproken in het wijknetwerkoverleg"
        case .k2: "Geïndiceerde zorg binnen het netwerk (besproken verzoeken)"
        case .k3: "Opgepakt door welzijn (besproken verzoeken)"
        case .k4: "Lopende toewijzingen bij netwerkpartners"
        case .k5: "Nieuwe eerste toewijzingen bij netwerkpartners"
        case .k6: "Gemiddeld aantal uren per week per toewijzing"
        case .k7: "Aandeel specialistische begeleiding"
        case .k8: "Dagen van aanvraag tot start ondersteuning (mediaan)"
        case .k9: "Aantal organisaties per verzoek (overdrachten)"
        case .k10: "Redenen voor zorg buiten het netwerk"
        }
    }

    /// What is counted, over what, in period P.
    public var definition: String {
        switch self {
        case .k1: "Het aantal verschillende verzoeken met een agendapunt in een wijknetwerkoverleg dat in P is gehouden."
        case .k2: "Van de verzoeken uit K1: het deel met ten minste één eerste toewijzing aan een aanbieder binnen het netwerk."
        case .k3: "Van de verzoeken uit K1: het deel met ten minste één toeleiding naar welzijn."
        case .k4: "Van de toewijzingen die in P lopen (start op of voor de laatste dag van P, geen einde of einde op of na de eerste dag): het deel binnen het netwerk, per wet."
        case .k5: "Van de eerste toewijzingen met een startdatum in P: het deel binnen het netwerk, per wet."
        case .k6: "Het gemiddelde aantal uren per week van de toewijzingen die in P lopen, binnen en buiten het netwerk apart."
        case .k7: "Van de begeleidingstoewijzingen (basis en specialistisch) die in P lopen: het deel specialistisch, binnen en buiten het netwerk apart."
        case .k8: "De mediaan van het aantal dagen van de aanvraagdatum tot de start van de eerste ondersteuning (vroegste start van een eerste toewijzing of datum van een toeleiding), over de verzoeken met aanvraagdatum in P die al gestart zijn."
        case .k9: "Het gemiddelde aantal verschillende organisaties dat een verzoek ontving (partners van toeleidingen en aanbieders van toewijzingen; het sociaal wijkteam telt niet mee), over de verzoeken met aanvraagdatum in P."
        case .k10: "Voor de verzoeken met een besluit in P en een eerste toewijzing buiten het netwerk: het aantal per reden."
        }
    }

    /// The definition with its period named: "in de periode 3e kwartaal 2026" where the
    /// definition says "in P", for readers who do not know the letter P stands for the period.
    public func definition(period: String) -> String {
        var named = false
        return definition.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            guard bare == "P" else { return String(word) }
            let text = named ? "de periode" : "de periode \(period)"
            named = true
            return word.replacingOccurrences(of: "P", with: text)
        }.joined(separator: " ")
    }

    /// How Wijknet reads the definition where the council's words leave a choice.
    public var refinement: String? {
        switch self {
        case .k2: "Met een wetfilter tellen alleen eerste toewijzingen onder die wet."
        case .k3: "Een toeleiding met status ‘Niet gestart’ of ‘Inwoner niet bereikt’ telt niet als ondersteuning door welzijn."
        case .k8: "De start van een toewijzing is de werkelijke start die de aanbieder meldde, en zolang die niet gemeld is de geplande startdatum. Een toeleiding met status ‘Niet gestart’ of ‘Inwoner niet bereikt’ telt niet als ondersteuning door welzijn."
        case .k4, .k5, .k6, .k7: "Binnen het netwerk: de aanbieder was op de startdatum netwerkpartner in de kern van het netwerk van de wijk van het verzoek. Dat wordt bij het vastleggen bepaald, nooit ingetypt."
        case .k9: "Ook een toeleiding die niet gestart is telt mee: de inwoner heeft het verhaal dan wel verteld."
        case .k10: "Een verzoek met meerdere redenen telt bij elke reden één keer. De reden wordt gevraagd als het netwerkoverleg zorg buiten het netwerk plaatst, en de toewijzing neemt die reden over; zorg buiten het netwerk zonder reden (rechtstreeks, of van vóór het netwerk) telt als '\(OutsideReasonOption.notRecordedLabel)'."
        case .k1: nil
        }
    }

    /// The kind of number, for disclosure control and display.
    public var measure: Measure {
        switch self {
        case .k1: .count
        case .k2, .k3, .k4, .k5, .k7: .share
        case .k6: .hours
        case .k8: .days
        case .k9: .mean
        case .k10: .counts
        }
    }

    public enum Measure: Sendable { case count, share, hours, days, mean, counts }
}
