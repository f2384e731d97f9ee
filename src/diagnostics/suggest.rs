//! "Menade du …?": the valid value nearest to what was typed, when one is near enough to be a typo.

/// Whether `typed` is a plausible typo of `candidate`: a few edits (two, or a quarter of a long
/// name), and not every character replaced. "Nytt" for "Ny" and "Insatsomraden" for
/// "Insatsområden" are; "Insatser" for "Insatsområden" (another sheet) and "7" for "1" are not.
fn near_enough(distance: usize, typed: &str, candidate: &str) -> bool {
    let (typed, candidate) = (typed.chars().count(), candidate.chars().count());
    distance <= (candidate / 4).max(2) && distance < typed.max(candidate)
}

/// The candidate nearest to `typed`, compared ignoring case and surrounding space; `None` when none is
/// near enough, or when `typed` is empty.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let lower = candidate.trim().to_lowercase();
        let distance = strsim::damerau_levenshtein(&typed, &lower);
        if distance > 0
            && near_enough(distance, &typed, &lower)
            && best.is_none_or(|(b, _)| distance < b)
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn typos_find_their_word_and_strangers_find_nothing() {
        let kinds = ["Ny", "Pågående/fortsättning"];
        assert_eq!(nearest("Nytt", kinds).as_deref(), Some("Ny"));
        assert_eq!(
            nearest("pågående/fortsätning", kinds).as_deref(),
            Some("Pågående/fortsättning")
        );
        assert_eq!(nearest("Gammal", kinds), None);
        assert_eq!(
            nearest("Insatsomraden", ["Uppgifter", "Insatsområden", "Insatser"]).as_deref(),
            Some("Insatsområden")
        );
        assert_eq!(
            nearest("Beloop", ["Belopp", "Budget"]).as_deref(),
            Some("Belopp")
        );
        assert_eq!(nearest("", kinds), None);
        let sheets = ["Uppgifter", "Insatser"];
        assert_eq!(nearest("Insatsområden", sheets), None);
        assert_eq!(nearest("7", ["1", "1a", "3"]), None);
        assert_eq!(nearest("1c", ["1a", "1b", "3"]).as_deref(), Some("1a"));
    }
}
