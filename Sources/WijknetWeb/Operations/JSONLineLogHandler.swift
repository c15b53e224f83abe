import Foundation
import Logging
import NIOConcurrencyHelpers

/// Logs as one JSON object per line on standard output (`WIJKNET_LOG_FORMAT=json`), for a log
/// collector: time, level, label, message and the metadata as strings. What Wijknet logs holds no
/// personal data in either format; this only changes the shape.
public struct JSONLineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private static let output = NIOLock()

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        let data = self.line(level: level, message: message, metadata: extra, at: Date())
        Self.output.withLock { FileHandle.standardOutput.write(data) }
    }

    /// One entry as written: a JSON object and a newline.
    func line(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, at time: Date) -> Data {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(extra ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
        fields["time"] = time.formatted(.iso8601)
        fields["level"] = level.rawValue
        fields["label"] = label
        fields["message"] = message.description
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }

    /// `WIJKNET_LOG_FORMAT`: `text` (Vapor's own, the default) or `json`.
    public static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Bool {
        switch environment["WIJKNET_LOG_FORMAT"] ?? "" {
        case "", "text": return false
        case "json": return true
        default: throw WijknetConfig.Missing(items: ["een geldige waarde voor WIJKNET_LOG_FORMAT: text of json"])
        }
    }
}
