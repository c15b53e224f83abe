/// Something that waits for someone, told by e-mail. The message says only that something waits
/// and where: never a name, a BSN or anything of the case (an e-mail leaves the municipality's
/// systems). The link needs signing in, and shows only what the reader may see.
public enum Notice: String, Codable, CaseIterable, Sendable {
    /// A request routed directly to the recipient's organisation.
    case directRoute
    /// The partner declined the coach's direct route.
    case directDeclined
    /// A request was put on the agenda of the recipient's network meeting.
    case placedOnAgenda
    /// The meeting decided on a request the recipient holds or picks up.
    case decided

    public var subject: String {
        switch self {
        case .directRoute: "Wijknet: een verzoek voor jullie organisatie"
        case .directDeclined: "Wijknet: een partner wees een directe route af"
        case .placedOnAgenda: "Wijknet: een nieuw punt op de agenda van het overleg"
        case .decided: "Wijknet: een besluit over een verzoek"
        }
    }

    /// The body around the link.
    public func body(link: String) -> String {
        let what = switch self {
        case .directRoute: "De wijkcoach vraagt jullie organisatie een verzoek op te pakken via de directe route."
        case .directDeclined: "Een partner heeft een verzoek dat je via de directe route doorzette afgewezen. Kies een nieuwe route."
        case .placedOnAgenda: "Er staat een nieuw verzoek op de agenda van het wijknetwerkoverleg."
        case .decided: "Er is een besluit vastgelegd over een verzoek waar je bij betrokken bent."
        }
        return """
            \(what)

            Bekijk het in Wijknet (je logt eerst in):
            \(link)

            Dit bericht bevat bewust geen gegevens over de inwoner. Je krijgt het omdat je account in
            Wijknet dit e-mailadres heeft; vragen daarover stel je aan de beheerder van Wijknet.
            """
    }
}
