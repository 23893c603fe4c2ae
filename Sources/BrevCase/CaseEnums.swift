/// The kinds of letter brev knows (domain.md §6 `letter_type`).
public enum LetterType: String, Sendable, Hashable, Codable, CaseIterable {
    case bevilling = "BEVILLING"
    case afslag = "AFSLAG"
    case delvisBevilling = "DELVIS_BEVILLING"
    case afslagForlaengelse = "AFSLAG_FORLAENGELSE"
    case ophoer = "OPHOER"
    case partshoering = "PARTSHOERING"
    case genvurderingAendret = "GENVURDERING_AENDRET"
    case viderestendtAST = "VIDERESENDT_AST"
    case svarfristOrientering = "SVARFRIST_ORIENTERING"
    case aktindsigt = "AKTINDSIGT"
    case behandlingsplan = "BEHANDLINGSPLAN"
    case handleplan = "HANDLEPLAN"
    /// Complaint guidance sent again for an earlier decision whose guidance was missing or wrong.
    case klagevejledning = "KLAGEVEJLEDNING"
    /// The written justification of a decision given orally (FVL § 23).
    case skriftligBegrundelse = "SKRIFTLIG_BEGRUNDELSE"

    /// Decisions that go against the citizen: they need justification, legal basis, an
    /// assessment and complaint guidance (FVL §§ 22–25), and may need a hearing first (§ 19).
    /// Decisions carry the decision title and notification; the rest are letters.
    public var isDecision: Bool {
        switch self {
        case .partshoering, .svarfristOrientering, .viderestendtAST, .behandlingsplan, .handleplan, .klagevejledning: return false
        default: return true
        }
    }

    public var isAdverseDecision: Bool {
        switch self {
        case .afslag, .delvisBevilling, .afslagForlaengelse, .ophoer, .skriftligBegrundelse: return true
        default: return false
        }
    }
}

/// The legal basis of a decision or plan (domain.md §0).
public enum LegalBasis: String, Sendable, Hashable, Codable, CaseIterable {
    case sel101 = "SEL_101"
    case sel101a = "SEL_101A"
    case bl33 = "BL_33"
    case sul141 = "SUL_141"
    case sul142 = "SUL_142"
    case sel141 = "SEL_141"
    case sel163 = "SEL_163"
}

public enum SubstanceCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case stof = "STOF"
    case alkohol = "ALKOHOL"
    case begge = "BEGGE"
}

public enum TreatmentType: String, Sendable, Hashable, Codable, CaseIterable {
    case ambulant = "AMBULANT"
    case dag = "DAG"
    case doegn = "DOEGN"
    case afgiftning = "AFGIFTNING"
    case substitution = "SUBSTITUTION"
    case anonymAmbulant = "ANONYM_AMBULANT"
    case individuel = "INDIVIDUEL"

    /// The Danish noun, as in "din ansøgning om døgnbehandling".
    public var danishNoun: String {
        switch self {
        case .ambulant: return "ambulant behandling"
        case .dag: return "dagbehandling"
        case .doegn: return "døgnbehandling"
        case .afgiftning: return "afgiftning"
        case .substitution: return "substitutionsbehandling"
        case .anonymAmbulant: return "anonym ambulant behandling"
        case .individuel: return "individuel behandling"
        }
    }

    /// The definite form, for after a possessive: "din ambulante behandling", "din døgnbehandling".
    public var danishDefinite: String {
        switch self {
        case .ambulant: return "ambulante behandling"
        case .anonymAmbulant: return "anonyme ambulante behandling"
        case .individuel: return "individuelle behandling"
        default: return danishNoun
        }
    }

    /// Day, residential and detox treatment are allocated by the allocation committee after a
    /// VUM assessment (domain.md §0, §3).
    public var needsAllocationCommittee: Bool {
        self == .dag || self == .doegn || self == .afgiftning
    }
}

public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    case fuld = "FULD"
    case delvis = "DELVIS"
    case afslag = "AFSLAG"
}

/// The case's channel field: a delivery channel, or none at all.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case digitalPost = "DIGITAL_POST"
    case fysisk = "FYSISK"
    case personlig = "PERSONLIG"
    case ingen = "INGEN"
}

public enum DigitalPostStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case tilmeldt = "TILMELDT"
    case fritaget = "FRITAGET"
    case under15 = "UNDER_15"
    case ukendt = "UKENDT"
}
