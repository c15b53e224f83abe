import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct CouncilLetterTests {
        /// Printed, every page names the municipality and the letter, and is numbered (issue 13, point 8).
        @Test func thePrintedLetterHasARunningHeaderAndPageNumbers() async throws {
            try await withApp { app, _ in
                let analyst = try await PageSession.signIn(app, as: "analist")
                let page = try await analyst.get("/raadsbrief").body.string
                let link = try #require(page.range(of: "<link rel=\"stylesheet\" href=\"/raadsbrief/print.css?"))
                let href = String(page[link.upperBound...].prefix { $0 != "\"" })
                let css = try await analyst.get("/raadsbrief/print.css?" + CouncilLetterTests.unescape(href))
                #expect(css.headers.contentType?.subType == "css")
                let municipality = try #require(try await Municipality.query(on: app.db).sort(\.$name).first())
                #expect(css.body.string.contains("@top-left { content: \"Gemeente \(municipality.name) · Voortgang wijknetwerken"))
                #expect(css.body.string.contains("counter(page) \" van \" counter(pages)"))
                #expect(CouncilLetter.cssString("Gemeente \"X\"\n</style>") == "Gemeente \\\"X\\\"\\a \\3c /style\\3e ")
            }
        }

        static func unescape(_ text: String) -> String { text.replacingOccurrences(of: "&amp;", with: "&") }

        @Test func policyStaffWriteTheTextsAndEveryoneWhoSeesFiguresReadsTheLetter() async throws {
            try await withApp { app, world in
                // setup
                try await AppTests.DashboardTests.history(app, world)
                let quarter = FigureQueryInput.lastCompleteQuarter()
                let analyst = try await PageSession.signIn(app, as: "analist")
                let page = try await analyst.get("/raadsbrief")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Voortgang wijknetwerken, \(quarter.dutch)") && page.body.string.contains("Teksten opslaan"))
                // MUT: the analyst writes the introduction and the developments
                let saved = try await analyst.post("/raadsbrief/teksten?period=\(quarter)", [
                    "introduction": "Het netwerk groeit <b>gestaag</b>.\n\nTweede alinea.", "developments": "Meer welzijn.", "next": "",
                ])
                // validate
                #expect(saved.status == .ok && saved.body.string.contains("De teksten zijn opgeslagen."))
                let html = saved.body.string
                #expect(html.contains("<h2>Inleiding</h2><p>Het netwerk groeit &lt;b&gt;gestaag&lt;/b&gt;.</p><p>Tweede alinea.</p>"))
                #expect(!html.contains("<h2>Vervolg</h2>"), "an empty block is left out")
                #expect(try await LetterText.query(on: app.db).count() == 2)
                let markdown = try await analyst.get("/raadsbrief.md?period=\(quarter)")
                #expect(markdown.headers.contentType?.subType == "markdown")
                #expect(markdown.body.string.contains("## Inleiding\n\nHet netwerk groeit") && markdown.body.string.contains("| Cijfer | \(quarter.shortDutch) |"))
                // Markdown passes HTML through: the text's tags arrive as text (issue 12, point 9).
                #expect(markdown.body.string.contains("Het netwerk groeit &lt;b&gt;gestaag&lt;/b&gt;.") && !markdown.body.string.contains("<b>"))
                // A block longer than the limit is refused with a message beside it; nothing changes.
                let tooLong = try await analyst.post("/raadsbrief/teksten?period=\(quarter)", ["introduction": String(repeating: "a", count: LetterSection.limit + 1)])
                #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("Inleiding mag maximaal"))
                #expect(try await LetterText.query(on: app.db).filter(\.$section == "introduction").first()?.body.hasPrefix("Het netwerk") == true)
                // The council reads it, without the editor, and may not write.
                let council = try await PageSession.signIn(app, as: "raad")
                let read = try await council.get("/raadsbrief?period=\(quarter)").body.string
                #expect(read.contains("Meer welzijn.") && !read.contains("Teksten opslaan"))
                #expect(try await council.post("/raadsbrief/teksten", ["introduction": "x"]).status == .forbidden)
                // A period that is not a quarter is a clear error.
                #expect(try await council.get("/raadsbrief?period=2025").status == .unprocessableEntity)
            }
        }

        @Test func theCommandWritesTheSameLetterAsAStandaloneDocument() async throws {
            try await withApp { app, world in
                try await AppTests.DashboardTests.history(app, world)
                let quarter = FigureQueryInput.lastCompleteQuarter()
                // MUT
                let html = try await CouncilLetterReport.render(app, quarter: quarter.description, municipalityCode: "0202", markdown: false)
                let markdown = try await CouncilLetterReport.render(app, quarter: quarter.description, municipalityCode: "GM0202", markdown: true)
                // validate
                #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>") && html.contains("@page { size: A4"))
                #expect(html.contains("Gemeente Arnhem") && html.contains("<svg"))
                #expect(markdown.hasPrefix("# Voortgang wijknetwerken, \(quarter.dutch)"))
                #expect(markdown.contains("| K1 Besproken in het wijknetwerkoverleg |"))
                await #expect(throws: CouncilLetterReport.Refused.self) {
                    _ = try await CouncilLetterReport.render(app, quarter: "2026Q1", municipalityCode: "0999", markdown: true)
                }
                await #expect(throws: CouncilLetterReport.Refused.self) {
                    _ = try await CouncilLetterReport.render(app, quarter: "2026", municipalityCode: nil, markdown: true)
                }
            }
        }
    }
}
