import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetWeb

/// A municipality gives Wijknet its name, logo and colours without touching code (issue 13, point 9).
extension AppTests {
    @Suite struct BrandingTests {
        static let theme = ":root { --wijknet-color-primary: #c8102e; }\n"
        static let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>"

        @Test func theMunicipalitysNameLogoAndThemeAreOnEveryPage() async throws {
            let branding = Branding(organisationName: "Gemeente Arnhem", logo: (Data(Self.logo.utf8), HTTPMediaType(type: "image", subType: "svg+xml")),
                                    themeCSS: Data(Self.theme.utf8))
            try await withApp(branding: branding) { app, _ in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                let home = try await coach.get("/").body.string
                #expect(home.contains("<img src=\"/static/logo\" alt=\"\">"))
                #expect(home.contains("Wijknet <span class=\"organisation\">Gemeente Arnhem</span>"))
                #expect(home.contains("<link rel=\"stylesheet\" href=\"/static/thema.css\">"))
                let theme = try await coach.get("/static/thema.css")
                #expect(theme.body.string == Self.theme && theme.headers.contentType?.subType == "css")
                #expect(try await coach.get("/static/logo").headers.contentType?.subType == "svg+xml")
            }
        }

        @Test func withoutBrandingThereIsNothingExtraToLoad() async throws {
            try await withApp { app, _ in
                let login = try await PageSession(app).get("/inloggen").body.string
                #expect(!login.contains("thema.css") && !login.contains("/static/logo"))
                #expect(try await PageSession(app).get("/static/logo").status == .notFound)
            }
        }

        @Test func aLogoOrThemeThatCannotBeReadStopsTheStartWithAClearMessage() throws {
            #expect(throws: WijknetConfig.Missing.self) { try Branding.load(environment: ["WIJKNET_THEME_CSS": "/bestaat/niet.css"]) }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("logo-\(UUID().uuidString).gif").path
            FileManager.default.createFile(atPath: file, contents: Data("GIF89a".utf8))
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                _ = try Branding.load(environment: ["WIJKNET_LOGO": file])
                Issue.record("a GIF logo was taken")
            } catch let missing as WijknetConfig.Missing {
                #expect(missing.description.contains(".svg of .png"))
            }
            #expect(try Branding.load(environment: ["WIJKNET_ORGANISATION_NAME": "  Gemeente Renkum "]).organisationName == "Gemeente Renkum")
        }
    }
}
