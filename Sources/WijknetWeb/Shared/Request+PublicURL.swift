import Vapor

extension Request {
    /// The address as someone else will open it (a password link): this host, over HTTPS outside
    /// demo mode.
    func publicURL(_ path: String) -> String {
        let scheme = application.wijknetConfig.secureCookies ? "https" : "http"
        return "\(scheme)://\(headers.first(name: .host) ?? "localhost")\(path)"
    }
}
