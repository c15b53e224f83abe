/// The text blocks policy staff write for each quarterly council letter (raadsbrief); the
/// figures, their trend and the charts between them come from Wijknet.
public enum LetterSection: String, CaseIterable, Sendable {
    case introduction
    case developments
    case next

    public var title: String {
        switch self {
        case .introduction: "Inleiding"
        case .developments: "Ontwikkelingen dit kwartaal"
        case .next: "Vervolg"
        }
    }

    public var hint: String {
        switch self {
        case .introduction: "Waarover deze brief gaat en de belangrijkste boodschap aan de raad."
        case .developments: "Wat er dit kwartaal is gebeurd in de wijknetwerken, en hoe de cijfers te lezen."
        case .next: "Wat de raad de komende periode kan verwachten."
        }
    }

    /// Room for a page of text per block.
    public static let limit = 6_000
}
