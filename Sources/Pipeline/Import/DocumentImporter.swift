import Foundation
import SECModel
import VectorStore

/// `vectordb import FILE.jsonl`: bulk upsert of a user's own documents into a collection, one JSON
/// object per line (docs/import-export.md), in batches of `batchSize` lines.
///
/// Each batch is parsed and checked against the schema whole before it is written: a bad line
/// (named with its line number and field) leaves its batch unwritten and stops the import; earlier
/// batches stay written, each one store batch (atomic, durable when acknowledged). Lines that give
/// `text` instead of a vector are embedded with the collection's recorded embedder. A file whose
/// first vector has another dimension than the collection's is refused before anything is written.
public struct DocumentImporter: Sendable {
    /// The progress after each written batch.
    public struct Progress: Sendable {
        public var linesImported: Int
        public var batchesWritten: Int
        public var linesEmbedded: Int
    }

    public let collection: LocalCollection
    public let batchSize: Int
    /// Builds the embedder for `text` lines on first need (by default the collection's recorded one).
    public let makeEmbedder: @Sendable (CollectionInfo) throws(PipelineError) -> QueryEmbedder

    /// The most lines per batch.
    public static let batchSizeMax = 10_000

    public init(
        collection: LocalCollection,
        batchSize: Int = 1_000,
        makeEmbedder: @escaping @Sendable (CollectionInfo) throws(PipelineError) -> QueryEmbedder = {
            (info) throws(PipelineError) in try QueryEmbedder(for: info)
        }
    ) {
        precondition((1...Self.batchSizeMax).contains(batchSize), "batchSize must be in 1...\(Self.batchSizeMax)")
        self.collection = collection
        self.batchSize = batchSize
        self.makeEmbedder = makeEmbedder
    }

    /// Imports every line of `path`; blank lines are skipped.
    ///
    /// - Parameter progress: called after each written batch.
    /// - Returns: the final progress (lines imported, batches, lines embedded).
    /// - Throws: `ImportError` naming the file, line and field, with the lines written before it:
    ///   *bad input* for a bad line, *conflict* for a file of another dimension than the collection,
    ///   the store's or embedder's category when writing or embedding fails.
    public func run(
        path: String,
        progress: (Progress) -> Void = { _ in }
    ) async throws(ImportError) -> Progress {
        let info = await collection.info
        var reader = try JSONLinesReader(path: path)
        var state = Progress(linesImported: 0, batchesWritten: 0, linesEmbedded: 0)
        var embedder: QueryEmbedder?
        var checkedDimension = false
        while true {
            var batch: [(line: Int, record: ImportRecord)] = []
            while batch.count < batchSize, let line = try reader.next() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                do {
                    batch.append((reader.lineNumber, try ImportRecord(line: line, schema: info.schema)))
                } catch {
                    throw fault(.badInput, path, reader.lineNumber, error.field, error.message, state)
                }
            }
            guard !batch.isEmpty else { return state }
            if !checkedDimension {
                try checkDimension(batch, info: info, path: path)
                checkedDimension = true
            }
            var documents = batch.map(\.record.document)
            let toEmbed = batch.indices.filter { batch[$0].record.textToEmbed != nil }
            if !toEmbed.isEmpty {
                do throws(PipelineError) {
                    let active: QueryEmbedder
                    if let embedder {
                        active = embedder
                    } else {
                        active = try makeEmbedder(info)
                    }
                    embedder = active
                    documents = try await Self.documents(of: batch.map(\.record), info: info, embedder: active)
                } catch {
                    throw ImportError(
                        category: error.category,
                        file: path,
                        line: batch[toEmbed[0]].line,
                        field: "text",
                        message: "cannot embed the batch's text: \(error)",
                        importedLines: state.linesImported,
                        underlyingError: error
                    )
                }
            }
            for (index, document) in documents.enumerated() {
                do {
                    try info.schema.check(document)
                } catch {
                    throw fault(.badInput, path, batch[index].line, error.field, Self.reason(error), state, error)
                }
            }
            do {
                try await collection.upsert(documents)
            } catch {
                throw fault(error.category, path, batch[0].line, nil, "cannot write the batch: \(error)", state, error)
            }
            state.linesImported += batch.count
            state.batchesWritten += 1
            state.linesEmbedded += toEmbed.count
            progress(state)
        }
    }

    /// Refuses a file whose first vector has another dimension than the collection's field.
    private func checkDimension(
        _ batch: [(line: Int, record: ImportRecord)],
        info: CollectionInfo,
        path: String
    ) throws(ImportError) {
        for (line, record) in batch {
            for field in info.schema.vectors {
                guard let vector = record.document.vectors[field.name] else { continue }
                guard vector.count == field.dimension else {
                    throw ImportError(
                        category: .conflict,
                        file: path,
                        line: line,
                        field: field.name,
                        message: "the file's vectors have \(vector.count) components but collection "
                            + "'\(info.name)' holds \(field.dimension); nothing was written",
                        importedLines: 0
                    )
                }
                return
            }
        }
    }

    private func fault(
        _ category: ErrorCategory,
        _ path: String,
        _ line: Int,
        _ field: String?,
        _ message: String,
        _ state: Progress,
        _ cause: (any Error)? = nil
    ) -> ImportError {
        ImportError(
            category: category,
            file: path,
            line: line,
            field: field,
            message: message,
            importedLines: state.linesImported,
            underlyingError: cause
        )
    }

    /// A schema violation's message without the "document 'x', field 'y': " prefix the line and
    /// field already say.
    private static func reason(_ error: StoreError) -> String {
        guard let range = error.message.range(of: ": ") else { return error.message }
        return error.documentID != nil || error.field != nil
            ? String(error.message[range.upperBound...]) : error.message
    }
}
