import SECDocuments
import SECModel

// The HTTP API's answers as gRPC messages: the same values, field for field.

extension Vectordb_V1_Collection {
    init(_ body: CollectionBody) {
        self.init()
        name = body.name
        embeddingModel = body.embeddingModel
        dimension = Int32(clamping: body.dimension)
        documents = Int64(body.documents)
        schema = ProtoJSON.protoStruct(encoding: body.schema)
        if let record = body.embedder { embedder = ProtoJSON.protoStruct(encoding: record) }
    }
}

extension Vectordb_V1_Document {
    init(_ body: QueryAPI.DocumentBody) {
        self.init()
        id = body.id
        fields = ProtoJSON.protoStruct(body.fields)
        if let expiresAt = body.expiresAt { self.expiresAt = expiresAt }
    }
}

extension Vectordb_V1_SearchResponse {
    init(_ response: QueryAPI.SearchResponse) {
        self.init()
        collection = response.collection
        mode = response.mode
        ranking = response.ranking
        hits = response.hits.map(Vectordb_V1_Hit.init)
        if let interpretation = response.interpretation {
            self.interpretation = ProtoJSON.protoStruct(encoding: interpretation)
        }
    }
}

extension Vectordb_V1_Hit {
    init(_ body: HitBody) {
        self.init()
        id = body.id
        score = body.score
        if let fields = body.citation { citation = Vectordb_V1_Citation(fields.citation) }
        if let snippet = body.snippet { self.snippet = snippet }
        if let text = body.text { self.text = text }
        if let fields = body.fields { self.fields = ProtoJSON.protoStruct(fields) }
    }
}

extension Vectordb_V1_Citation {
    /// The citation as the HTTP API's `citation` object writes it (`CitationFields`, URL as `secURL`).
    init(_ citation: Citation) {
        self.init()
        company = citation.companyName
        cik = citation.cik.description
        tickers = citation.tickers
        form = citation.form.rawValue
        filingDate = citation.filingDate.description
        if let reportDate = citation.reportDate { self.reportDate = reportDate.description }
        fiscalYear = Int32(clamping: citation.fiscalYear)
        accession = citation.accession.description
        item = citation.item
        itemTitle = citation.itemTitle
        charStart = Int64(citation.charStart)
        charEnd = Int64(citation.charEnd)
        secURL = citation.sourceURL
        documentType = citation.documentType
    }
}
