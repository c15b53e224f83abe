import ProgrammeStore
import Vapor
import WijknetCore
import WijknetStore

/// One factory per service, used by the API and the pages alike: the signed-in actor, the audit
/// channel and the configuration are wired here, once. The services check what the actor may do
/// (through the core policy); the faces only decide what to show.
extension Request {
    func requestService() throws -> RequestService {
        RequestService(db: db, actor: try actor(), channel: auditChannel, partnerAccess: application.wijknetConfig.partnerAccess,
                       outbox: Outbox(enabled: application.wijknetConfig.smtp != nil))
    }
    func residentService() throws -> ResidentService {
        ResidentService(db: db, actor: try actor(), vault: application.vault, channel: auditChannel)
    }
    func effectService() throws -> EffectService {
        EffectService(db: db, actor: try actor(), followUpMonths: application.wijknetConfig.followUpMonths, channel: auditChannel)
    }
    func meetingService() throws -> MeetingService { MeetingService(db: db, actor: try actor(), channel: auditChannel) }
    func zrmService() throws -> ZRMService { ZRMService(residents: try residentService()) }
    func profileService() throws -> ProfileService { ProfileService(db: db, actor: try actor(), channel: auditChannel) }
    func surveyService() throws -> SurveyService { SurveyService(db: db, actor: try actor()) }
    func letterService() throws -> LetterService { LetterService(db: db, actor: try actor()) }
    func figuresService() throws -> FiguresService { FiguresService(db: db, actor: try actor()) }
    func adminService() throws -> AdminService { AdminService(db: db, actor: try actor()) }
    func auditQuery() throws -> AuditQuery { AuditQuery(db: db, actor: try actor(), vault: application.vault, channel: auditChannel) }
    func historyImport() throws -> HistoryImport { HistoryImport(db: db, actor: try actor()) }
    func zrm2010Import() throws -> ZRM2010Import { ZRM2010Import(residents: try residentService()) }
    func caseHistoryImport() throws -> CaseHistoryImport {
        CaseHistoryImport(db: db, actor: try actor(), vault: application.vault, channel: auditChannel)
    }

    func programmeRegister() throws -> ProgrammeRegister {
        ProgrammeRegister(db: db, trail: AuditTrail(actor: try actor(), channel: auditChannel))
    }

    func accountService() throws -> AccountService {
        let app = application
        return AccountService(db: db, actor: try actor(), channel: auditChannel, hasher: { try app.password.hash($0) })
    }
}
