import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// The council letter outside the browser, for `wijknet report`: a standalone HTML document with
/// the stylesheet inlined (it prints the same as the page) or Markdown.
public enum CouncilLetterReport {
    /// The command reads figures as an analyst would; the audit log needs no entry (no personal data).
    static let reader = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, username: "wijknet report",
                              role: .analyst, organisationID: nil, areaID: nil)

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public static func render(_ app: Application, quarter text: String?, municipalityCode: String?, markdown: Bool) async throws -> String {
        var quarter = FigureQueryInput.lastCompleteQuarter()
        if let text {
            guard let period = ReportingPeriod(text), period.isQuarter else { throw Refused(description: "--quarter verwacht een kwartaal, bijvoorbeeld 2026Q1.") }
            quarter = period
        }
        let municipalities = try await Municipality.query(on: app.db).sort(\.$name).all()
        let code = municipalityCode.map { MunicipalityCode.normalised($0) ?? $0 }
        guard let municipality = code.map({ c in municipalities.first { $0.code.uppercased() == c } }) ?? municipalities.first else {
            throw Refused(description: "Gemeente \(municipalityCode ?? "") is onbekend; bekend: \(municipalities.map(\.code).joined(separator: ", ")).")
        }
        let letter = try await CouncilLetter.load(db: app.db, actor: reader, municipality: municipality, quarter: quarter)
        if markdown { return letter.markdown }
        return """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>\(Markup.escape(letter.title))</title>
        <style>\(String(decoding: StaticFile.css, as: UTF8.self))\(letter.printCSS)</style></head>
        <body><main>\(letter.html.html)</main></body></html>
        """
    }
}
