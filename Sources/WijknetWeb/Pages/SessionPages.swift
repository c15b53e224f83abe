import Vapor
import WijknetStore

/// What a user who was away too long, or whose form outlived its token, gets instead of an error:
/// what they typed is kept (in the page, never on the server) and sent again once they chose to.
enum SessionPages {
    /// Where to go after signing in, and what the user had typed there.
    struct Carry {
        let back: ReturnPath
        let kept: FormBody?

        static let backField = "terug"
        static let keptField = "bewaard"

        /// From the sign-in form's hidden fields or the login address's query.
        init?(back: String?, kept: String?) {
            guard let path = ReturnPath(back) else { return nil }
            self.back = path
            self.kept = kept.flatMap(FormBody.init(urlEncoded:)).flatMap { $0.fields.isEmpty ? nil : $0 }
        }

        init(back: ReturnPath, kept: FormBody?) {
            self.back = back
            self.kept = kept
        }

        var hiddenFields: Markup {
            "\(Form.hidden(Self.backField, back.path))\(kept.map { Form.hidden(Self.keptField, $0.urlEncoded) } ?? .empty)"
        }
    }

    /// A POST whose CSRF token the session does not know: the session ended (idle too long, or
    /// signed out in another tab) or the user signed in again since the form was opened.
    static func formExpired(_ req: Request) async throws -> Response {
        let path = req.url.path
        if path == SiteURL.logout.path { return req.redirect(to: SiteURL.login.path) }
        if path == SiteURL.login.path {
            let state = FormState(errors: [.init("username", "Het inlogformulier was verlopen. Log opnieuw in.")])
            return try await LoginPage.render(req, state, carry: nil, status: .forbidden)
        }
        // Only a form from one of our own pages is offered again: a form another site made the
        // browser send must not become one click away from being sent with a valid token.
        let ownPage = req.headers.first(name: "Sec-Fetch-Site") == "same-origin"
        let kept = ownPage && req.headers.contentType == .urlEncodedForm
            ? req.body.string.flatMap(FormBody.init(urlEncoded:)).map(withoutSecrets) : nil
        // Without what was typed (an upload, or another site's form) the way back is the page the
        // form was on: the address itself if it is a page, else the nearest page above it.
        let back = kept == nil ? pageAbove(path, in: req.application.routes) : path
        let carry = ReturnPath(back).map { Carry(back: $0, kept: kept) }
        guard req.currentUser != nil else {
            var state = FormState()
            state.values["username"] = req.endedSession?.username ?? ""
            return try await LoginPage.render(req, state, carry: carry, status: .unauthorized, expired: true)
        }
        return resubmit(req, carry, title: "Het formulier was verlopen",
                        intro: "Je bent sinds het openen van dit formulier opnieuw ingelogd, dus Wijknet kon niet nagaan dat het van jou kwam. Er is nog niets opgeslagen.",
                        status: .forbidden)
    }

    /// After signing in again: the kept fields in a form with a fresh token, sent with one click.
    static func resubmit(_ req: Request, _ carry: Carry?, title: String, intro: String, status: HTTPResponseStatus = .ok) -> Response {
        guard let carry, let kept = carry.kept else {
            let response = Layout.page(title, req, """
            <h1>\(title)</h1><p>\(intro)</p>
            <p>Open het formulier opnieuw; een bestand kies je opnieuw. <a href="\(carry?.back.path ?? SiteURL.home.path)">Naar het formulier</a></p>
            """)
            response.status = status
            return response
        }
        let fields = kept.fields.map { Form.hidden($0.name, $0.value) }
        let typed = kept.fields.filter { !$0.value.isEmpty && $0.name != "version" }.map { field -> Markup in "<li>\(field.value)</li>" }
        let response = Layout.page(title, req, """
        <h1>\(title)</h1>
        <p>\(intro)</p>
        <p>Wat je had ingevuld, is bewaard. Verstuur het nu; klopt er iets niet meer, dan krijg je het formulier terug met je invoer erin.</p>
        <details class="kept"><summary>Wat je had ingevuld</summary><ul>\(typed)</ul></details>
        <form method="post" action="\(carry.back.path)">\(Form.csrf(req))\(fields)
        <button type="submit">Opnieuw versturen</button></form>
        <p><a href="\(SiteURL.home.path)">Niet versturen, naar de startpagina</a></p>
        """)
        response.status = status
        return response
    }

    /// `path` if a page (GET) answers it, else the nearest such address above it
    /// (`/verzoeken/ID/route` → `/verzoeken/ID`), else the home page.
    static func pageAbove(_ path: String, in routes: Routes) -> String {
        let pages = routes.all.filter { $0.method == .GET }.map(\.path)
        var segments = path.split(separator: "/").map(String.init)
        while !segments.isEmpty {
            let matches = pages.contains { pattern in
                pattern.count == segments.count && zip(pattern, segments).allSatisfy { component, segment in
                    if case .constant(let text) = component { return text == segment }
                    return true
                }
            }
            if matches { return "/" + segments.joined(separator: "/") }
            segments.removeLast()
        }
        return SiteURL.home.path
    }

    /// A password is never written into a page, not even back to the one who typed it.
    private static func withoutSecrets(_ body: FormBody) -> FormBody {
        FormBody(fields: body.fields.filter { !$0.name.lowercased().contains("password") })
    }

    /// `POST /sessie/verlengen`: the page's "Ingelogd blijven"; the session middleware already
    /// counted this request as activity.
    @Sendable static func keepAlive(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return Response(status: .noContent)
    }
}
