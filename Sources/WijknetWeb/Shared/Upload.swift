import Vapor
import WijknetCore

/// What an uploaded file may be, for the import pages and the API: its size, and text that is
/// UTF-8 or one clear problem.
enum Upload {
    static let maxBytes = 64 * 1024 * 1024

    /// The file as text; a file that is not UTF-8 is one clear problem.
    static func text(_ buffer: ByteBuffer) throws -> String {
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw ValidationFailure("file", "Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8’.")
        }
        return text
    }

    struct FormFile: Content {
        var file: File?
    }

    /// The uploaded file's bytes, or the Dutch message for the form's file field.
    static func bytes(from req: Request, kind: String = "CSV") -> Result<[UInt8], ValidationFailure> {
        guard let file = (try? req.content.decode(FormFile.self))?.file, file.data.readableBytes > 0 else {
            return .failure(ValidationFailure("file", "Kies een \(kind)-bestand."))
        }
        return .success(Array(file.data.readableBytesView))
    }

    /// The uploaded file's text, or the Dutch message for the form's file field.
    static func text(from req: Request) -> Result<String, ValidationFailure> {
        guard let file = (try? req.content.decode(FormFile.self))?.file, file.data.readableBytes > 0 else {
            return .failure(ValidationFailure("file", "Kies een CSV-bestand."))
        }
        do { return .success(try text(file.data)) } catch let failure as ValidationFailure { return .failure(failure) } catch {
            return .failure(ValidationFailure("file", "Het bestand kon niet worden gelezen."))
        }
    }
}
