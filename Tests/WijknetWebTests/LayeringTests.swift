import Foundation
import Testing

/// WijknetWeb's two faces, the JSON API (`API/`) and the Dutch pages (`Pages/`), stand on one
/// shared layer (`Shared/`: service factories, query inputs, view models, JSON shapes; `Reports/`:
/// documents such as the council letter, for the pages and `wijknet report`) and never on each
/// other (issue 14). A type declared in one face and named in the other, or a face named in the
/// shared layer, fails this test.
@Suite struct LayeringTests {
    static let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/WijknetWeb").standardized

    /// Per Swift file of a folder: the identifiers it uses.
    static func files(_ folder: String) throws -> [String: Set<Substring>] {
        let directory = web.appendingPathComponent(folder)
        var found: [String: Set<Substring>] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            found[name] = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") })
        }
        return found
    }

    /// The types a folder declares at the top level.
    static func declared(_ folder: String) throws -> Set<Substring> {
        let directory = web.appendingPathComponent(folder)
        var names: Set<Substring> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            for line in try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if let i = words.firstIndex(where: { ["enum", "struct", "class", "protocol"].contains($0) }), i + 1 < words.count,
                   words[..<i].allSatisfy({ ["public", "final", "private", "fileprivate"].contains($0) }) {
                    names.insert(words[i + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                }
            }
        }
        return names
    }

    func crossings(from folder: String, to others: [String]) throws -> [String] {
        let forbidden = try others.reduce(into: Set<Substring>()) { $0.formUnion(try Self.declared($1)) }
        return try Self.files(folder).flatMap { file, words in words.intersection(forbidden).map { "\(folder)/\(file) names \($0)" } }.sorted()
    }

    @Test func theFacesStandOnTheSharedLayerAndNeverOnEachOther() throws {
        #expect(try !Self.declared("API").isEmpty && !Self.declared("Pages").isEmpty && !Self.declared("Shared").isEmpty)
        #expect(try crossings(from: "API", to: ["Pages"]) == [])
        #expect(try crossings(from: "Pages", to: ["API"]) == [])
        #expect(try crossings(from: "Shared", to: ["API", "Pages", "Reports"]) == [])
        #expect(try crossings(from: "Reports", to: ["API", "Pages"]) == [])
    }
}
