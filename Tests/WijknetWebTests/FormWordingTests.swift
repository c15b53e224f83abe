import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// The forms a coach fills in many times a week (issue 13, point 5).
extension AppTests {
    @Suite struct FormWordingTests {
        @Test func fieldsSayWhetherTheyAreNeededInTheirOwnWords() async throws {
            try await withApp { app, world in
                let headers = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                let page = try await coach.get("/verzoeken/\(id)").body.string
                #expect(!page.contains("(optioneel)"))
                // The route is a choice of two, as radio buttons; the partner is needed only on the direct route.
                #expect(page.contains("<input type=\"radio\" id=\"f-route-meeting\" name=\"route\" value=\"meeting\">"))
                #expect(page.contains("Verplicht bij de directe route.") && !page.contains("Partner (bij directe route) <span class=\"optional\">"))
                // Closing is not a next step after registration: it stands apart, below the steps.
                let steps = try #require(page.range(of: "<h2 id=\"steps-title\">Volgende stap</h2>"))
                let stepsEnd = try #require(page[steps.upperBound...].range(of: "</section>"))
                #expect(!page[steps.upperBound..<stepsEnd.lowerBound].contains("Verzoek afsluiten"))
                #expect(page.contains("<h3 id=\"afsluiten-title\">Verzoek afsluiten</h3>"))

                // An error names the field as the form does.
                let resident = try #require(try await Resident.query(on: app.db).first())
                _ = try await coach.get("/verzoeken/nieuw?resident=\(resident.id!.uuidString)")
                let empty = try await coach.post("/verzoeken/nieuw", ["residentId": resident.id!.uuidString, "intakeDate": CalendarDate.today().description,
                                                                       "summary": "", "law": "wmo", "urgency": "normal"], lists: ["lifeDomains": ["finances"]])
                #expect(empty.status == .unprocessableEntity)
                #expect(empty.body.string.contains("‘Wat speelt er?’ is verplicht"))

                // A field that may stay empty says so.
                let admin = try await PageSession.signIn(app, as: "beheer")
                let organisations = try await admin.get("/beheer/organisaties").body.string
                #expect(organisations.contains("Expertise <span class=\"optional\">(niet verplicht)</span>"))
            }
        }

        @Test func anEmptyWijkIsSuggestedFromTheAddressAndCheckedBeforeSaving() async throws {
            try await withApp { app, world in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await coach.get("/inwoners/nieuw")
                var form = PageTests.residentForm(world, bsn: "999990019")
                form["districtId"] = world.areas[0].districtIDs[1].uuidString
                #expect(try await coach.post("/inwoners/nieuw", form).status == .seeOther)

                var next = PageTests.residentForm(world, bsn: "999990020")
                next["givenName"] = "Bram"
                next["postcode"] = "6811 CD"
                next["districtId"] = ""
                _ = try await coach.get("/inwoners/nieuw")
                let suggested = try await coach.post("/inwoners/nieuw", next)
                #expect(suggested.status == .ok)
                let html = suggested.body.string
                #expect(html.contains("De wijk is ingevuld op basis van de postcode of straat"))
                #expect(html.contains("<option value=\"\(world.areas[0].districtIDs[1].uuidString)\" selected>"))
                #expect(try await Resident.query(on: app.db).count() == 1, "nothing saved before the coach checked it")

                next["districtId"] = world.areas[0].districtIDs[1].uuidString
                #expect(try await coach.post("/inwoners/nieuw", next).status == .seeOther)
                #expect(try await Resident.query(on: app.db).count() == 2)

                // Nothing known about the address: the wijk is simply required.
                var unknown = PageTests.residentForm(world, bsn: "999990032")
                unknown["postcode"] = "9999 ZZ"
                unknown["street"] = "Onbekendelaan"
                unknown["districtId"] = ""
                let refused = try await coach.post("/inwoners/nieuw", unknown)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Wijk"))
            }
        }
    }
}
