// Shared shapes of the analysis. Offsets are UTF-16 (JavaScript string) offsets into a document's text.

export type FactKind = "money" | "stake" | "percent" | "date" | "duration" | "term" | "org";

export interface Span {
  start: number;
  end: number;
}

export interface Fact extends Span {
  kind: FactKind;
  text: string;
  /** money: amount in `currency` units; stake/percent: fraction (0.27); date: ISO (partial) or null;
   *  duration: ISO 8601 duration; term/org: canonical id. */
  value: number | string | null;
  currency?: string;
  qualifier?: string;
  /** Upper end when the text gives a range ("$5-10 billion", "between 6.7 and 8.1 percent"). */
  max?: number;
  /** Unit a price is quoted per ("share"). */
  per?: string;
  /** date: how the value was found (absolute, month_year, month, year, weekday, relative, quarter). */
  dateKind?: string;
}

export type BlockKind = "heading" | "paragraph" | "listItem" | "quote" | "tableCell";

export interface Block extends Span {
  kind: BlockKind;
}

export interface Sentence extends Span {
  block: number;
  heading: boolean;
}

export type Polarity = "affirms" | "denies" | "neutral";
export type DealStatus = "pending" | "completed" | "terminated";

export interface Claim extends Span {
  /** `<path>#<n>`, n counting claims in the document. */
  id: string;
  document: string;
  text: string;
  concept: string;
  /** Canonical organisation ids the claim is about, sorted. */
  orgs: string[];
  polarity: Polarity;
  status?: DealStatus;
  /** Indexes into the document's facts. */
  facts: number[];
  /** The figure the claim states for its concept, when it states exactly one. */
  measure?: Measure;
  /** Headings and titles state things in shorthand; they are shown but never flagged. */
  fromHeading: boolean;
  topic: string;
  /** The value the claim gives one of its deal's slots (the claim's concept is then the slot's id). */
  slot?: SlotReading;
}

/** How a statement gives a slot's value: as fact, as an expectation, on a condition, or as history. */
export type Modality = "reported" | "expected" | "conditional" | "history";

/** One statement's value for a slot of its deal. */
export interface SlotReading {
  /** money: amount in `currency` units; stake/percent: fraction; count: number; duration: ISO 8601 duration;
   *  date: ISO (partial) date, "--MM-DD" / "--MM" when the text gives no year; status: the deal's stage. */
  value: number | string;
  /** Where the value is written in the document (the figure's text, or the words that tell a stage). */
  start: number;
  end: number;
  text: string;
  modality: Modality;
  currency?: string;
  qualifier?: string;
  max?: number;
  /** Who holds a stake, makes an investment or owns a holding. */
  holder?: string;
  /** What a stake is held in. */
  target?: string;
  /** When the statement dates what it counts ("a $3.5 billion round in March"): another date, another round. */
  when?: string;
  /** A deal's value with or without the debt taken on, when the text says which. */
  basis?: "equity" | "enterprise";
  /** The statement says this value no longer holds ("pushed back the closing, originally set for early 2024"). */
  replaced?: boolean;
  /** The statement says the value changed ("raised", "extended", "moved"). */
  changed?: boolean;
  /** Read from another slot's statement ("extended the deadline to October 18": now expected by then); never an earlier value. */
  inferred?: boolean;
}

/** The deal a document is about: its two parties, and who buys when the text says. */
export interface DocumentDeal {
  parties: string[];
  buyer?: string;
  target?: string;
}

export interface Measure {
  kind: "money" | "stake" | "date";
  fact: number;
  /** What a stake is held in: an organisation id or a phrase ("combined company"), when the text says. */
  target?: string;
}

export interface DocumentInput {
  /** Path relative to the corpus root, forward slashes. */
  path: string;
  text: string;
}

export interface DocumentProblem {
  path: string;
  message: string;
  severity: "error" | "warning";
}

export interface DocumentAnalysis {
  path: string;
  text: string;
  format: "markdown" | "text";
  title: string | null;
  /** ISO date or partial date, when the document says when it was published. */
  published: string | null;
  publishedSource: "front-matter" | "dateline" | null;
  frontMatter: Record<string, unknown> | null;
  /** Sentence spans as start, end pairs in text order (packed: at 10,000 articles, objects cost 30 MB). */
  sentences: Uint32Array;
  facts: Fact[];
  claims: Claim[];
  problems: DocumentProblem[];
  /** The deal the headline and lead name, if they name one. */
  deal: DocumentDeal | null;
}

export type ContradictionKind = "polarity" | "value" | "status" | "date";

export interface Contradiction {
  topic: string;
  earlier: string;
  later: string;
  kind: ContradictionKind;
  confidence: number;
  explanation: string;
  /** The deal model's reading of the flag (absent on flags of an arrangement's polarity). */
  deal?: string;
  slot?: string;
  earlierValue?: number | string;
  laterValue?: number | string;
  /** superseded: the world changed; conflict: the reports disagree about the same fact at the same time. */
  nature?: "superseded" | "conflict";
  /** Other earlier statements of the value the later one changes. */
  alsoEarlier?: string[];
}

export interface Topic {
  id: string;
  label: string;
  concept: string;
  orgs: string[];
  claims: string[];
}
