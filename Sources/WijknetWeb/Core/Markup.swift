/// A piece of HTML. Text interpolated into a `Markup` literal is escaped; only other `Markup`
/// values are inserted as they are. So `"<p>\(resident.givenName)</p>" as Markup` is safe
/// whatever the name holds, and raw HTML can only come from this source code.
public struct Markup: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let html: String

    public init(raw html: String) { self.html = html }
    public init(stringLiteral value: String) { html = value }
    public init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

    public var description: String { html }

    public static let empty = Markup(raw: "")

    public struct Interpolation: StringInterpolationProtocol {
        var html = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { html += literal }
        public mutating func appendInterpolation(_ text: String) { html += Markup.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { html += Markup.escape(text ?? "") }
        public mutating func appendInterpolation(_ number: Int) { html += String(number) }
        public mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        public mutating func appendInterpolation(_ markups: [Markup]) { for m in markups { html += m.html } }
        public mutating func appendInterpolation<T: CustomStringConvertible>(describing value: T) { html += Markup.escape(value.description) }
    }

    /// Escapes for text and for quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension Array where Element == Markup {
    func joined() -> Markup { Markup(raw: map(\.html).joined()) }
}
