// The analysis, free of `vscode` and of Node's file system: text in, results out.
export * from "./types";
export { createAnalyzer, formatOf, type AnalysisOptions, type Analyzer } from "./analyzer";
export { CorpusIndex, type CorpusOptions, type CorpusSnapshot, type CorpusDocument } from "./corpus";
export { corpusOrder, type OrderOverride } from "./order";
export { toContract, type AnalysisJson, type FactJson } from "./contract";
export { DEAL_TERMS, termLabel, type ExtraTerm, type TermDefinition } from "./recognize/terms";
export { agree } from "./contradictions";
export { decodeArticle, tooLarge, DEFAULT_MAX_BYTES, type Decoded } from "./text/decode";
export { corpusFilter, DEFAULT_INCLUDE, DEFAULT_EXCLUDE } from "./corpusFiles";
export { lineColumn } from "./text/lines";
export { readSettings, DEFAULT_SETTINGS, type Settings } from "./settings";
export { FactLookup, lookupEntries, formatValue, type LookupEntry } from "./lookup";
export { describeAt, type Description, type ClaimView, type OtherSource } from "./describe";
export { snippet, quoted } from "./text/snippet";
