//! A stable code per kind of problem, for scripts reading `--format json`: kebab-case English that
//! never changes when a Swedish message is reworded. README.md lists them; add one with every new
//! `Problem` variant (the match is exhaustive, so the compiler asks).

use super::Problem;

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable { .. } => "unreadable-file",
            Problem::MissingSheet { .. } => "missing-sheet",
            Problem::DuplicateSheet { .. } => "duplicate-sheet",
            Problem::MissingColumn { .. } => "missing-column",
            Problem::DuplicateColumn { .. } => "duplicate-column",
            Problem::MergedCells { .. } => "merged-cells",
            Problem::MergedAmount { .. } => "merged-amount",
            Problem::PreviousOfOtherOrganisation { .. } => "previous-of-other-organisation",
            Problem::MissingField { .. } => "missing-field",
            Problem::EmptyCell { .. } => "empty-cell",
            Problem::NotAnAmount { .. } => "not-an-amount",
            Problem::AmountTooLarge { .. } => "amount-too-large",
            Problem::UncachedFormula { .. } => "formula-without-value",
            Problem::NegativeAmount { .. } => "negative-amount",
            Problem::NotADate { .. } => "not-a-date",
            Problem::NotAYear { .. } => "not-a-year",
            Problem::DuplicateArea { .. } => "duplicate-area-code",
            Problem::MissingParentArea { .. } => "missing-parent-area",
            Problem::UnknownArea { .. } => "unknown-area",
            Problem::UnknownKind { .. } => "unknown-kind",
            Problem::UnknownAssessment { .. } => "unknown-assessment",
            Problem::SubAreasMismatch { .. } => "sub-areas-mismatch",
            Problem::OverBudget { .. } => "over-budget",
            Problem::Unallocated { .. } => "unallocated",
            Problem::NotALevel { .. } => "not-a-level",
            Problem::LevelJump { .. } => "level-jump",
            Problem::PictureWithoutAltText => "picture-without-alt-text",
            Problem::PictureSectionNotFound { .. } => "picture-section-not-found",
            Problem::PictureMissing { .. } => "picture-missing",
            Problem::PictureNotAnImage { .. } => "picture-not-an-image",
            Problem::PictureOutsideProject { .. } => "picture-outside-project",
            Problem::PictureTooLarge { .. } => "picture-too-large",
            Problem::FormRowWithoutKey => "form-row-without-key",
            Problem::FormUnknownKey { .. } => "form-unknown-key",
            Problem::FormIdentityChanged { .. } => "form-identity-changed",
            Problem::FormConflict { .. } => "form-conflict",
            Problem::FormEmpty => "form-empty",
            Problem::UnmatchedFootnote { .. } => "unmatched-footnote",
            Problem::DuplicateMandate { .. } => "duplicate-mandate",
            Problem::UnknownMandate { .. } => "unknown-mandate",
            Problem::MandateWithoutSections { .. } => "mandate-without-sections",
            Problem::DuplicateGroup { .. } => "duplicate-group",
            Problem::UnknownGroup { .. } => "unknown-group",
            Problem::GroupCycle { .. } => "group-cycle",
            Problem::UnknownPrincipal { .. } => "unknown-principal",
            Problem::UnknownProject { .. } => "unknown-project",
            Problem::SpentOverRequisitioned { .. } => "spent-over-requisitioned",
            Problem::RequisitionedOverAmount { .. } => "requisitioned-over-amount",
            Problem::NotAnEmailAddress { .. } => "not-an-email-address",
            Problem::DuplicateContact { .. } => "duplicate-contact",
            Problem::UnknownContact { .. } => "unknown-contact",
            Problem::MissingContacts { .. } => "missing-contact",
        }
    }

    /// The near valid value of a "menade du …?" message, for scripts that offer to fix it.
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            Problem::MissingSheet { suggestion, .. }
            | Problem::MissingColumn { suggestion, .. }
            | Problem::UnknownArea { suggestion, .. }
            | Problem::UnknownKind { suggestion, .. }
            | Problem::UnknownAssessment { suggestion, .. }
            | Problem::UnknownContact { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }
}
