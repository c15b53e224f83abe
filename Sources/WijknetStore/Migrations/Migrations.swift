import Fluent

/// Every migration of the schema, in order. SQLite and PostgreSQL run the same list.
public enum WijknetMigrations {
    public static let all: [any Migration] = [
        CreateGeography(),
        CreateOrganisations(),
        CreateCatalogues(),
        CreateUsers(),
        CreateResidents(),
        CreateRequests(),
        CreateSupport(),
        CreateIndexes(),
        CreateAuditLog(),
        UpdateResidentsAddAnonymisedOn(),
        CreateHistoricalAssignments(),
        CreateLetterTexts(),
        CreateSurvey(),
        CreateEffectMeasurements(),
        CreateZRMAssessments(),
        CreateFigureTallies(),
        CreateZRMProfiles(),
        UpdateZRMAssessmentsAddImportedAt(),
        CreateSignInAttempts(),
        UpdateUserTokensAddExpiresAt(),
        UpdateOutsideReasonsAddRetired(),
        UpdateResidentsKeyBSNPerArea(),
        UpdateRequestsAddSourceID(),
        UpdateUsersAddAccountFields(),
        CreatePasswordLinks(),
        UpdateAssignmentsAddCareDates(),
        CreateDirectRouteResponses(),
        UpdateRequestsAddRoutedOn(),
        UpdateUsersAddSecondFactor(),
        CreateRecoveryCodes(),
        CreateOutbox(),
    ]
}
