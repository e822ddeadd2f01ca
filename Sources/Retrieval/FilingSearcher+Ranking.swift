import SECDocuments
import SECModel
import VectorStore

extension FilingSearcher {
    /// Fuses the candidates by reciprocal rank and applies the factors; best first, ties by id.
    func rank(
        vectorHits: [String: SearchHit],
        lexicalHits: [String: SearchHit],
        questionHits: [String: SearchHit] = [:],
        interpretation: QuestionInterpretation
    ) -> [RankedHit] {
        let vectorRanks = Self.ranks(vectorHits)
        let lexicalRanks = Self.ranks(lexicalHits)
        let questionRanks = Self.ranks(questionHits)
        let cosines = vectorHits.values.map(\.score)
        let cosineLow = cosines.min() ?? 0
        let cosineSpan = max((cosines.max() ?? 0) - cosineLow, .ulpOfOne)
        let bm25High = max(lexicalHits.values.map(\.score).max() ?? 0, .ulpOfOne)
        let ids = Set(vectorHits.keys).union(lexicalHits.keys).union(questionHits.keys).sorted()
        let passages = ids.map { id -> [[String]] in
            let text =
                (vectorHits[id] ?? lexicalHits[id] ?? questionHits[id])?.document.fields["text"]?.stringValue ?? ""
            return PassageSplitter.passages(text, limit: Self.passagesMax).map { LexicalTerms.of($0) }
        }
        let overlap = TermOverlap(
            question: LexicalTerms.of(interpretation.lexicalQuery),
            candidates: passages.map { Set($0.joined()) }
        )
        var ranked: [RankedHit] = []
        for (index, id) in ids.enumerated() {
            guard let hit = vectorHits[id] ?? lexicalHits[id] ?? questionHits[id] else { continue }
            let vectorRank = vectorRanks[id]
            let lexicalRank = lexicalRanks[id]
            var fused: Float = 0
            switch weights.fusion {
            case .rank:
                if let vectorRank { fused += weights.vector / (weights.rankOffset + Float(vectorRank)) }
                if let lexicalRank { fused += weights.lexical / (weights.rankOffset + Float(lexicalRank)) }
                if let rank = questionRanks[id] {
                    fused += weights.questionLexical / (weights.rankOffset + Float(rank))
                }
            case .score:
                if let cosine = vectorHits[id]?.score { fused += weights.vector * (cosine - cosineLow) / cosineSpan }
                if let bm25 = lexicalHits[id]?.score { fused += weights.lexical * bm25 / bm25High }
            }
            let (factors, boilerplate) = self.factors(hit, interpretation, overlap.measure(passages[index]))
            var scored = hit
            scored.score = factors.values.reduce(fused, *)
            ranked.append(
                RankedHit(
                    hit: scored,
                    vectorRank: vectorRank,
                    lexicalRank: lexicalRank,
                    fused: fused,
                    factors: factors,
                    boilerplate: boilerplate
                )
            )
        }
        ranked.sort { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.hit.id < $1.hit.id }
        return ranked
    }

    /// Passages of a candidate read for the best-passage signal.
    static let passagesMax = 400

    /// 1-based ranks by the store's score (higher first), ties by id.
    static func ranks(_ hits: [String: SearchHit]) -> [String: Int] {
        let ordered = hits.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        var ranks: [String: Int] = [:]
        for (index, hit) in ordered.enumerated() { ranks[hit.id] = index + 1 }
        return ranks
    }

    /// The factors that apply to one hit, and its boilerplate kind.
    func factors(
        _ hit: SearchHit,
        _ interpretation: QuestionInterpretation,
        _ overlap: TermOverlap.Measure
    ) -> (factors: [String: Float], boilerplate: BoilerplateKind?) {
        guard let chunk = SECChunkMapping.chunk(hit.document) else { return ([:], nil) }
        let citation = chunk.citation
        var factors: [String: Float] = [:]
        if !interpretation.filers.isEmpty, !interpretation.filers.contains(where: { Self.matches($0, citation) }) {
            factors["filer"] = weights.otherFiler
        }
        if !interpretation.forms.isEmpty,
            !interpretation.forms.contains(where: { $0.caseInsensitiveCompare(citation.form.rawValue) == .orderedSame })
        {
            factors["form"] = weights.otherForm
        }
        if !interpretation.years.isEmpty, !Self.matchesYear(interpretation, citation) {
            factors["year"] = weights.otherYear
        }
        let title = citation.itemTitle.lowercased()
        let family = Self.formFamily(citation.form.rawValue)
        if interpretation.sections.contains(where: {
            Self.matches($0, item: citation.item, family: family, title: title)
        }) {
            factors["section"] = weights.sectionMatch
        }
        let titleWords = Set(title.split { !($0.isLetter || $0.isNumber) }.map(String.init))
        let shared = interpretation.contentWords.filter(titleWords.contains).count
        if shared > 0 { factors["title"] = 1 + weights.titleWord * Float(min(shared, 3)) }
        if overlap.coverage > 0, weights.coverage != 0 { factors["coverage"] = 1 + weights.coverage * overlap.coverage }
        if overlap.pairs > 0, weights.pair != 0 { factors["pairs"] = 1 + weights.pair * Float(min(overlap.pairs, 4)) }
        if overlap.bestPassage > 0, weights.passage != 0 {
            factors["passage"] = 1 + weights.passage * overlap.bestPassage
        }
        let boilerplate = BoilerplateClassifier.classify(
            itemKey: citation.item,
            itemTitle: citation.itemTitle,
            text: chunk.text
        )
        if let boilerplate, !interpretation.wantsBoilerplate.contains(boilerplate) {
            factors["boilerplate"] = weights.boilerplate
        }
        return (factors, boilerplate)
    }

    static func matches(_ filer: QuestionInterpretation.Filer, _ citation: Citation) -> Bool {
        if !filer.company.isEmpty, filer.company == citation.companyName { return true }
        if let ticker = filer.ticker, citation.tickers.contains(where: { $0.lowercased() == ticker }) { return true }
        if let cik = filer.cik, UInt64(cik) == citation.cik.value { return true }
        return false
    }

    /// The fiscal year, the report date's or the filing date's year is named; with `fiscal`, the
    /// year before a named one counts too (a fiscal 2025 that ends in August 2024).
    static func matchesYear(_ interpretation: QuestionInterpretation, _ citation: Citation) -> Bool {
        var years: Set<Int> = [citation.fiscalYear, citation.filingDate.year]
        if let report = citation.reportDate { years.insert(report.year) }
        return interpretation.years.contains { years.contains($0) || (interpretation.fiscal && years.contains($0 - 1)) }
    }

    /// Whether a hit's item is one the ask names for the hit's form family (`10-K:1A` for a 10-K,
    /// `II-1A` for any form), or its title holds every title word.
    static func matches(_ ask: QuestionInterpretation.SectionAsk, item: String, family: String, title: String) -> Bool {
        let qualified = family + ":" + item
        if ask.items.contains(where: {
            $0.caseInsensitiveCompare(item) == .orderedSame || $0.caseInsensitiveCompare(qualified) == .orderedSame
        }) {
            return true
        }
        return !ask.titleWords.isEmpty && ask.titleWords.allSatisfy(title.contains)
    }

    /// `10-K` for 10-K, 10-K/A, 10-KT, 10-K405; `20-F` for 20-F and 20-F/A; the form itself otherwise.
    static func formFamily(_ form: String) -> String {
        let upper = form.uppercased()
        if upper.hasPrefix("10-K") { return "10-K" }
        if upper.hasPrefix("20-F") { return "20-F" }
        if upper.hasPrefix("10-Q") { return "10-Q" }
        return upper
    }
}
