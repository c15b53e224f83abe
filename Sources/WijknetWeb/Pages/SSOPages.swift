import Vapor
import WijknetCore
import WijknetStore

/// `/inloggen/sso`: off to the identity provider; `/inloggen/sso/terug`: back with its answer.
enum SSOPages {
    @Sendable static func start(req: Request) async throws -> Response {
        let back = ReturnPath(req.query[String.self, at: SessionPages.Carry.backField])?.path
        do {
            let started = try await SSOSignIn.start(req, back: back)
            let response = req.redirect(to: started.url)
            response.cookies[SSOSignIn.browserCookie] = started.cookie
            return response
        } catch let failure as SSOSignIn.Failure {
            return try await failed(req, failure)
        }
    }

    @Sendable static func finish(req: Request) async throws -> Response {
        let response: Response
        do {
            let done = try await SSOSignIn.finish(req)
            let carry = done.back.flatMap { SessionPages.Carry(back: $0, kept: nil) }
            if !done.providerAskedSecondFactor, done.user.hasSecondFactor {
                // Wijknet asks its own second factor, as after a password.
                response = try await SecondFactorPages.askCode(req, done.user, carry: carry)
            } else {
                try await LoginPage.startSession(req, done.user, secondFactorByProvider: done.providerAskedSecondFactor)
                let next = SignIn.mustEnrol(done.user, req, secondFactorByProvider: done.providerAskedSecondFactor)
                    ? SiteURL.secondFactor.path : carry?.back.path ?? SiteURL.home.path
                response = onward(req, to: next)
            }
        } catch let failure as SSOSignIn.Failure {
            response = try await failed(req, failure)
        }
        // The sign-in under way is over, whichever way it went.
        response.cookies[SSOSignIn.browserCookie] = HTTPCookies.Value(string: "", maxAge: 0, path: SiteURL.ssoStart.path, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// The browser came here from the provider's site, so a redirect would go on as a navigation
    /// from that site, and the session cookie (SameSite=Strict) would stay behind. This page moves
    /// on itself, as a navigation from Wijknet, and has a link for when it does not.
    static func onward(_ req: Request, to path: String) -> Response {
        Layout.page("Je bent ingelogd", req, refresh: path, """
        <h1>Je bent ingelogd</h1>
        <p><a class="button" href="\(path)">Verder naar Wijknet</a></p>
        """)
    }

    private static func failed(_ req: Request, _ failure: SSOSignIn.Failure) async throws -> Response {
        let response = try await LoginPage.render(req, FormState(errors: [.init("sso", failure.message)]), carry: nil, status: failure.status)
        if case .wait(let seconds) = failure { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return response
    }
}
