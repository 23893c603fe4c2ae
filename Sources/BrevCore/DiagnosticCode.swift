/// A stable, documented code for each kind of problem. The raw values are part of brev's
/// interface (they appear in `brev check` output and API responses): never rename one.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Reading the input
    public static let malformedJSON = DiagnosticCode("MALFORMED_JSON")
    public static let missingField = DiagnosticCode("MISSING_FIELD")
    public static let wrongType = DiagnosticCode("WRONG_TYPE")
    public static let unknownField = DiagnosticCode("UNKNOWN_FIELD")
    public static let invalidValue = DiagnosticCode("INVALID_VALUE")
    public static let invalidDate = DiagnosticCode("INVALID_DATE")
    public static let invalidCPR = DiagnosticCode("INVALID_CPR")
    public static let invalidCVR = DiagnosticCode("INVALID_CVR")
    public static let unknownMunicipality = DiagnosticCode("UNKNOWN_MUNICIPALITY")
    public static let unsupportedLetterType = DiagnosticCode("UNSUPPORTED_LETTER_TYPE")
    public static let dateOrder = DiagnosticCode("DATE_ORDER")

    // Legal rules (domain.md §7)
    public static let missingBegrundelse = DiagnosticCode("MISSING_BEGRUNDELSE")
    public static let missingLegalBasis = DiagnosticCode("MISSING_LEGAL_BASIS")
    public static let missingAssessment = DiagnosticCode("MISSING_ASSESSMENT")
    public static let partshoeringRequired = DiagnosticCode("PARTSHOERING_REQUIRED")
    public static let outcomeMismatch = DiagnosticCode("OUTCOME_MISMATCH")
    public static let wrongLegalBasisMinor = DiagnosticCode("WRONG_LEGAL_BASIS_MINOR")
    public static let anonymousNoIdentifiers = DiagnosticCode("ANONYMOUS_NO_IDENTIFIERS")
    public static let anonymousNoDigitalPost = DiagnosticCode("ANONYMOUS_NO_DIGITAL_POST")
    public static let staleCitation = DiagnosticCode("STALE_CITATION")
    public static let wrongComplaintRoute = DiagnosticCode("WRONG_COMPLAINT_ROUTE")
    public static let channelNotAllowed = DiagnosticCode("CHANNEL_NOT_ALLOWED")
    public static let missingEgenbetalingBasis = DiagnosticCode("MISSING_EGENBETALING_BASIS")
    public static let freeChoiceTypeMismatch = DiagnosticCode("FREE_CHOICE_TYPE_MISMATCH")
    public static let guaranteeBreach = DiagnosticCode("GUARANTEE_BREACH")
    public static let guaranteeOnClosedDay = DiagnosticCode("GUARANTEE_ON_CLOSED_DAY")
    public static let nonstatutoryDeadlineText = DiagnosticCode("NONSTATUTORY_DEADLINE_TEXT")
    public static let handleplanNoConsent = DiagnosticCode("HANDLEPLAN_NO_CONSENT")
    public static let forwardedLate = DiagnosticCode("FORWARDED_LATE")
    public static let ksMissingAdoptionDate = DiagnosticCode("KS_MISSING_ADOPTION_DATE")
    public static let ksMissingRevisionDate = DiagnosticCode("KS_MISSING_REVISION_DATE")
    public static let ksMissingSection = DiagnosticCode("KS_MISSING_SECTION")
    public static let ksMissingSection15 = DiagnosticCode("KS_MISSING_SECTION_15")
    public static let missingCustodyHolder = DiagnosticCode("MISSING_CUSTODY_HOLDER")
    public static let goalNotMeasurable = DiagnosticCode("GOAL_NOT_MEASURABLE")
    public static let goalNoDeadline = DiagnosticCode("GOAL_NO_DEADLINE")
    public static let goalNotAccepted = DiagnosticCode("GOAL_NOT_ACCEPTED")
    public static let missingEducationEmploymentPosition = DiagnosticCode("MISSING_EDUCATION_EMPLOYMENT_POSITION")

    // Privacy and delivery (domain.md §7 case 25, memo.md)
    public static let sensitiveLabel = DiagnosticCode("SENSITIVE_LABEL")
    public static let sensitiveFilename = DiagnosticCode("SENSITIVE_FILENAME")
    public static let sensitiveReturnAddress = DiagnosticCode("SENSITIVE_RETURN_ADDRESS")
    public static let messageTooLarge = DiagnosticCode("MESSAGE_TOO_LARGE")
    public static let messageInvalid = DiagnosticCode("MESSAGE_INVALID")
    public static let anonymousNoMessage = DiagnosticCode("ANONYMOUS_NO_MESSAGE")

    // Templates and profiles
    public static let templateNotWellFormed = DiagnosticCode("TEMPLATE_NOT_WELL_FORMED")
    public static let templateUnknownElement = DiagnosticCode("TEMPLATE_UNKNOWN_ELEMENT")
    public static let templateUnknownValue = DiagnosticCode("TEMPLATE_UNKNOWN_VALUE")
    public static let templateUnescaped = DiagnosticCode("TEMPLATE_UNESCAPED")
    public static let templateSyntax = DiagnosticCode("TEMPLATE_SYNTAX")
    public static let templateMissing = DiagnosticCode("TEMPLATE_MISSING")
    public static let profileInvalid = DiagnosticCode("PROFILE_INVALID")

    // Layout
    public static let missingGlyph = DiagnosticCode("MISSING_GLYPH")
    public static let fontMissing = DiagnosticCode("FONT_MISSING")

    // Bounds on case input (BrevCase/CaseLimits.swift)
    public static let caseTooLarge = DiagnosticCode("CASE_TOO_LARGE")
    public static let nestingTooDeep = DiagnosticCode("NESTING_TOO_DEEP")
    public static let invalidCharacter = DiagnosticCode("INVALID_CHARACTER")
    public static let valueTooLong = DiagnosticCode("VALUE_TOO_LONG")
    public static let tooManyItems = DiagnosticCode("TOO_MANY_ITEMS")
    public static let outOfRange = DiagnosticCode("OUT_OF_RANGE")
    public static let implausibleAge = DiagnosticCode("IMPLAUSIBLE_AGE")
    public static let caseNumberContainsCPR = DiagnosticCode("CASE_NUMBER_CONTAINS_CPR")

    // Output files
    /// Two inputs of one run would write the same letter id: the second is refused, never written over the first.
    public static let duplicateLetter = DiagnosticCode("DUPLICATE_LETTER")

    // Layout of hostile text: errors name a code point, never the text
    public static let fontUnreadable = DiagnosticCode("FONT_UNREADABLE")
    public static let lineBreakingFailed = DiagnosticCode("LINE_BREAKING_FAILED")
    public static let rightToLeftText = DiagnosticCode("RIGHT_TO_LEFT_TEXT")
    public static let characterRefusedInLayout = DiagnosticCode("CHARACTER_REFUSED_IN_LAYOUT")

    // The quality standard (brev standard)
    /// The standard's content YAML is malformed: a wrong key, type or date (file:line).
    public static let standardInvalid = DiagnosticCode("STANDARD_INVALID")
    /// No content file for the profile and edition asked for.
    public static let standardNotFound = DiagnosticCode("STANDARD_NOT_FOUND")
    /// A `{{placeholder}}` names a fact the profile does not have.
    public static let standardUnknownFact = DiagnosticCode("STANDARD_UNKNOWN_FACT")
    /// The standard does not say how it attends to children under 18 living at home.
    public static let ksMissingChildrenAtHome = DiagnosticCode("KS_MISSING_CHILDREN_AT_HOME")
    /// The standard does not say which body adopted it.
    public static let ksMissingAdoptionBody = DiagnosticCode("KS_MISSING_ADOPTION_BODY")

    // Resources checked when brev starts (exit 3): fonts, templates, profiles, schemas
    public static let fontDamaged = DiagnosticCode("FONT_DAMAGED")
    public static let templateNotUTF8 = DiagnosticCode("TEMPLATE_NOT_UTF8")
    public static let templatePartialCycle = DiagnosticCode("TEMPLATE_PARTIAL_CYCLE")
    public static let templatePartialMissing = DiagnosticCode("TEMPLATE_PARTIAL_MISSING")
    public static let profileUnknownKey = DiagnosticCode("PROFILE_UNKNOWN_KEY")
    public static let profileOutOfRange = DiagnosticCode("PROFILE_OUT_OF_RANGE")
    public static let profileStatutoryValue = DiagnosticCode("PROFILE_STATUTORY_VALUE")
    public static let profileDuplicateCode = DiagnosticCode("PROFILE_DUPLICATE_CODE")
    public static let schemasMissing = DiagnosticCode("SCHEMAS_MISSING")
    public static let schemasInvalid = DiagnosticCode("SCHEMAS_INVALID")

    // The batch's CSV input
    /// A CSV row with more or fewer cells than the header has columns.
    public static let csvColumnCount = DiagnosticCode("CSV_COLUMN_COUNT")
    /// A CSV row whose quoted cell never ends.
    public static let csvUnterminatedQuote = DiagnosticCode("CSV_UNTERMINATED_QUOTE")

    // lawrules (issue 9: the rules under Sources/BrevCase/Rules/; Tests/README.md maps each to its rule and tests)
    /// Custody holders on a citizen who is 18 or over on the letter date (MinorsRule).
    public static let custodyHolderNotAllowed = DiagnosticCode("CUSTODY_HOLDER_NOT_ALLOWED")
    /// A custody holder's CPR number is the young person's own (MinorsRule).
    public static let custodyHolderIsCitizen = DiagnosticCode("CUSTODY_HOLDER_IS_CITIZEN")
    /// The same custody holder twice (MinorsRule).
    public static let duplicateCustodyHolder = DiagnosticCode("DUPLICATE_CUSTODY_HOLDER")
    /// The legal basis does not fit the substance: alcohol is SUL § 141, drugs SEL § 101 / BL § 33 (SubstanceBasisRule).
    public static let substanceBasisMismatch = DiagnosticCode("SUBSTANCE_BASIS_MISMATCH")
    /// Own payment outside residential treatment, for alcohol treatment, or for lodging while the citizen keeps a home (OwnPaymentRule).
    public static let ownPaymentNotAllowed = DiagnosticCode("OWN_PAYMENT_NOT_ALLOWED")
    /// A grant of alcohol detox: the citizen is referred to their own doctor or 1813 (AlcoholDetoxRule).
    public static let alcoholDetoxNotMunicipal = DiagnosticCode("ALCOHOL_DETOX_NOT_MUNICIPAL")
    /// A decision departs from the municipality's local practice without an exception_reason (LocalPracticeRule; a warning).
    public static let localPracticeExceeded = DiagnosticCode("LOCAL_PRACTICE_EXCEEDED")
    /// `brev check` met a PDF or output failure that `render` would meet (exit 3 or 4 as render).
    public static let renderFailed = DiagnosticCode("RENDER_FAILED")
    // lawletters
    /// An access request (FVL § 9) answered later than 7 working days after it came in, FVL § 16 stk. 2.
    public static let accessAnswerLate = DiagnosticCode("ACCESS_ANSWER_LATE")
    /// A written justification of an oral decision given later than 14 days after it was asked for (FVL § 23).
    public static let justificationLate = DiagnosticCode("JUSTIFICATION_LATE")
    /// A written justification asked for more than 14 days after the oral decision: the right of FVL § 23 had lapsed.
    public static let justificationAskedLate = DiagnosticCode("JUSTIFICATION_ASKED_LATE")
    // server
    /// A request to the service without a caseworker's token (or session).
    public static let tokenMissing = DiagnosticCode("TOKEN_MISSING")
    /// A token that belongs to no caseworker (or was revoked).
    public static let tokenInvalid = DiagnosticCode("TOKEN_INVALID")
    /// Every pipeline is busy; try again after the Retry-After seconds.
    public static let serverBusy = DiagnosticCode("SERVER_BUSY")
    /// No such route, or no letter with that id.
    public static let notFound = DiagnosticCode("NOT_FOUND")
    /// A request the route cannot take: a wrong method, format or form field.
    public static let badRequest = DiagnosticCode("BAD_REQUEST")
    /// A form sent without the session's CSRF token.
    public static let csrfInvalid = DiagnosticCode("CSRF_INVALID")
    // service (issue 13, what was left: send, reopen, limits)
    /// A request to the service did not finish within its time limit (waiting for a pipeline and rendering).
    public static let requestTimeout = DiagnosticCode("REQUEST_TIMEOUT")
    /// "Send" while a batch runs on the outbox (or another send is under way): try again shortly.
    public static let outboxBusy = DiagnosticCode("OUTBOX_BUSY")
    /// "Send" of a letter whose id went out before with other content: the case changed after it was sent.
    public static let letterConflict = DiagnosticCode("LETTER_CONFLICT")
    /// The outbox or its journal could not be written; nothing was sent twice.
    public static let sendFailed = DiagnosticCode("SEND_FAILED")
}
