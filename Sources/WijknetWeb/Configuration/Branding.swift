import Foundation
import Vapor

/// How the pages look like the municipality's own software, without touching code: its name in the
/// header, its logo, and a stylesheet that overrides the design tokens of `app.css` (colours,
/// font). Read once at start-up from `WIJKNET_ORGANISATION_NAME`, `WIJKNET_LOGO` (an SVG or PNG
/// file) and `WIJKNET_THEME_CSS` (a CSS file).
public struct Branding: Sendable {
    public var organisationName: String?
    public var logo: (data: Data, type: HTTPMediaType)?
    public var themeCSS: Data?

    public static let none = Branding()

    public init(organisationName: String? = nil, logo: (data: Data, type: HTTPMediaType)? = nil, themeCSS: Data? = nil) {
        self.organisationName = organisationName
        self.logo = logo
        self.themeCSS = themeCSS
    }

    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Branding {
        var wrong: [String] = []
        func file(_ name: String) -> Data? {
            guard let path = environment[name], !path.isEmpty else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else {
                wrong.append("het bestand \(path) (\(name)) is niet te lezen")
                return nil
            }
            return data
        }
        var logo: (Data, HTTPMediaType)?
        if let data = file("WIJKNET_LOGO"), let path = environment["WIJKNET_LOGO"] {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "svg": logo = (data, HTTPMediaType(type: "image", subType: "svg+xml"))
            case "png": logo = (data, .png)
            default: wrong.append("een logo als .svg of .png (WIJKNET_LOGO is \(path))")
            }
        }
        let theme = file("WIJKNET_THEME_CSS")
        let name = environment["WIJKNET_ORGANISATION_NAME"]?.trimmingCharacters(in: .whitespaces)
        if let name, name.count > 80 { wrong.append("een kortere naam in WIJKNET_ORGANISATION_NAME (hoogstens 80 tekens)") }
        guard wrong.isEmpty else { throw WijknetConfig.Missing(items: wrong) }
        return Branding(organisationName: name.flatMap { $0.isEmpty ? nil : $0 }, logo: logo, themeCSS: theme)
    }
}
