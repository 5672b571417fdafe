// The Lectern core's JavaScript interface (wasm/binding/*.cpp), written by hand: Emscripten 3.1.6
// cannot emit declarations for Embind. Every function takes text (or bytes) and answers text,
// never an exception for bad input; the *Answer types below are the shapes of the JSON it answers
// (after JSON.parse). The page (core.js, worker-host.js, worker-client.js) and the test fake
// (tests/web/fixtures/fake-core.js) are checked against it, and tests/wasm/fake-core-shapes.test.mjs
// compares the fake's answers with the real core's.

/** How offsets are counted: UTF-16 code units (JavaScript string indices), code points or bytes. */
export type OffsetUnit = 'utf16' | 'codepoint' | 'utf8';

/** An error answer: {error} from every JSON function whose arguments are not what it takes. */
export interface ErrorAnswer {
  error: string;
}

// --- readFile ------------------------------------------------------------------------------------

/** readFile's options (lectern/api.h ReadFileJson); every field is optional. */
export interface ReadFileOptions {
  /** read a .txt as plain text (no title, date or dateline taken from its first lines) */
  plain?: boolean;
  offsetUnit?: OffsetUnit;
  /** the number of the file's first line (a chunk of a .jsonl file) */
  firstLine?: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSpan extends Span {
  text: string;
}

/** One article of readFile's answer (lectern::ArticleToJson; `original` is always there). */
export interface CoreArticle {
  id: string;
  title: string;
  date: string;
  source: string;
  dateline: string;
  url: string;
  body: string;
  paragraphs: Span[];
  sentences: SentenceSpan[];
  /** words of the body by ICU's word breaks (dictionaries for Chinese and Japanese) */
  wordCount: number;
  /** what the file was decoded from when it was not UTF-8: "UTF-16LE", "UTF-16BE" or
   * "windows-1252"; "" for UTF-8 */
  encoding: string;
  offsetUnit: OffsetUnit;
  /** the text as it was in the file */
  original: string;
}

export interface ReadProblem {
  file: string;
  /** "line 3", "record 2", or "" for the whole file */
  where: string;
  message: string;
}

export interface ReadFileAnswer {
  articles: CoreArticle[];
  problems: ReadProblem[];
}

// --- Annotations (lectern/api.h, the annotation functions) ------------------------------------------

/** A W3C Web Annotation (JSON-LD), as the core writes it; the page reads it with annotation-model.js. */
export interface W3cAnnotation {
  '@context'?: unknown;
  id: string;
  type: string;
  created?: string;
  modified?: string;
  creator?: { id?: string; type?: string; name?: string };
  body?: unknown;
  target: unknown;
  [property: string]: unknown;
}

/** A problem in an annotation file, with a JSON path into it ("items[3].target"). */
export interface AnnotationProblem {
  path: string;
  message: string;
}

export interface Selector {
  type: string;
  [property: string]: unknown;
}

export interface DescribeRangeAnswer {
  selector: Selector[];
  start: number;
  end: number;
  offsetUnit: OffsetUnit;
}

export interface TagRequest {
  name: string;
  color?: string;
}

/** annotationsCreate's request. */
export interface CreateRequest {
  body: string;
  url?: string;
  title?: string;
  start: number;
  end: number;
  offsetUnit?: OffsetUnit;
  tags?: (TagRequest | string)[];
  note?: string;
  noteFormat?: 'text/plain' | 'text/markdown';
  creator?: { id?: string; name?: string };
  id?: string;
  created?: string;
  modified?: string;
}

export interface CreateAnswer {
  annotation: W3cAnnotation;
}

export interface CheckAnswer {
  container: string;
  annotations: W3cAnnotation[];
  errors: AnnotationProblem[];
  warnings: AnnotationProblem[];
}

export interface ImportAnswer {
  merged: W3cAnnotation[];
  /** ids to write back */
  changed: string[];
  imported: number;
  duplicates: number;
  conflicts: number;
  ids: { added: string[]; duplicates: string[]; conflicts: string[] };
  authors: { id: string; name: string }[];
  tags: { name: string; color: string }[];
  errors: AnnotationProblem[];
  warnings: AnnotationProblem[];
  existingErrors: AnnotationProblem[];
}

export interface ExportOptions {
  format?: 'jsonld' | 'markdown' | 'html';
  article?: string;
  tag?: string;
  label?: string;
}

export interface ExportAnswer {
  text: string;
  mediaType: string;
  count: number;
  errors: AnnotationProblem[];
}

/** An article annotationsAnchor looks in. */
export interface AnchorArticle {
  id: string;
  body: string;
  title?: string;
  url?: string;
}

export interface AnchorOptions {
  offsetUnit?: OffsetUnit;
  minScore?: number;
}

export interface AnchorResult {
  id: string;
  status: 'anchored' | 'orphan';
  /** null for orphans */
  start: number | null;
  end: number | null;
  score: number;
  exact: string;
  article: string;
  match: string;
}

export interface AnchorAnswer {
  results: AnchorResult[];
  offsetUnit: OffsetUnit;
  errors: AnnotationProblem[];
}

// --- diffTexts (lectern/api.h DiffTextsJson, TextDiffToJson) ----------------------------------------

export interface DiffOptions {
  offsetUnit?: OffsetUnit;
  /** each text's article date, "YYYY-MM-DD": relative dates ("on Thursday") resolve against it */
  dateA?: string;
  dateB?: string;
}

export type DiffKind = 'same' | 'changed' | 'merged' | 'split' | 'moved' | 'onlyA' | 'onlyB';

/**
 * A name, date or number that changed, found as an entity (a wire dateline is never one): kind
 * "name" with type PER | ORG | LOC, "date" with type DATE, "number" with type "" (and "name" with
 * type "" for names found from capitalised words). a empty: added; b empty: dropped.
 */
export interface DiffChange {
  kind: 'name' | 'date' | 'number';
  type: 'PER' | 'ORG' | 'LOC' | 'DATE' | '';
  a: string;
  b: string;
}

export interface DiffGroup {
  /** indices into a.sentences and b.sentences */
  a: number[];
  b: number[];
  kind: DiffKind;
  similarity: number;
  words: { op: 'equal' | 'insert' | 'delete'; text: string }[];
  changes: DiffChange[];
  changesOmitted: number;
}

export interface DiffAnswer {
  offsetUnit: OffsetUnit;
  a: { sentences: SentenceSpan[] };
  b: { sentences: SentenceSpan[] };
  groups: DiffGroup[];
  summary: {
    same: number;
    changed: number;
    merged: number;
    split: number;
    moved: number;
    onlyA: number;
    onlyB: number;
    wordsEqual: number;
    wordsDeleted: number;
    wordsInserted: number;
    /** words of the sentences only A has (onlyA groups); wordsOnlyB likewise */
    wordsOnlyA: number;
    wordsOnlyB: number;
    changes: (DiffChange & { group: number })[];
    changesOmitted: number;
  };
}

// --- Entities (lectern/api.h EntitiesJson, EntityIndexJson) --------------------------------------

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'DATE';

/** Options of entities / findEntities. */
export interface EntityOptions {
  /** the article's date, "YYYY-MM-DD": relative dates ("on Thursday") resolve against it */
  date?: string;
  /** the unit of start/end; "utf16" by default */
  offsetUnit?: OffsetUnit;
}

/** One mention; the answer of entities / findEntities is EntityMention[] (in text order). */
export interface EntityMention {
  start: number;
  end: number;
  type: EntityType;
  /** the mention as written */
  text: string;
  /** the entity's id: TYPE ":" canonical name in lower case ("PER:wang yi") */
  entity: string;
  /** DATE only, when resolved: "YYYY-MM-DD", "YYYY-MM" or "YYYY" */
  value?: string;
}

/** One article given to entityIndex / resolveEntities: its body as text, or its mentions found before. */
export interface EntityIndexArticle {
  id: string;
  text?: string;
  /** mentions found before (then text is not needed) */
  entities?: { type: string; text: string; entity: string }[];
  /** the outlet */
  source?: string;
  /** "YYYY-MM-DD" */
  date?: string;
}

/** The user's corrections, applied to every mention in this order: alias, split, merge. */
export interface EntityEdits {
  /** each group of ids becomes its first id */
  merge?: string[][];
  /** the mentions of entity in these articles move to the new id `as` */
  split?: { entity: string; articles: string[]; as: string }[];
  /** mentions written `text` (compared in ASCII lower case) belong to entity */
  alias?: { text: string; entity: string }[];
}

/** One entity of the collection; the answer of entityIndex is IndexedEntity[], most mentioned first. */
export interface IndexedEntity {
  entity: string;
  /** the longest form written (then the most frequent) */
  name: string;
  type: EntityType;
  /** article ids, in the order given */
  articles: string[];
  mentions: number;
  /** outlets, sorted */
  outlets: string[];
  /** earliest and latest article date, when known */
  first?: string;
  last?: string;
  /** ids the index joined to this one (a lone surname to the one full name ending with it) */
  linked?: string[];
}

// --- StoryClusterer (lectern/api.h StoryClusterer, StoryClustersToJson) ----------------------------

export interface ClusterOptions {
  minJaccard?: number;
  minContainment?: number;
  /** the most pairs listed (a whole number >= 0); by default 20 per article, at least 10,000 */
  maxPairs?: number;
}

export interface StoryPair {
  a: string;
  b: string;
  jaccard: number;
  containment: number;
}

export interface ClusterAnswer {
  clusters: { members: string[] }[];
  pairs: StoryPair[];
  candidates: number;
  keptPairs: number;
}

/** An Embind object in the core's heap: delete() frees it. */
export interface StoryClusterer {
  /** the article's index, or -1 when it could not be added */
  add(key: string, text: string): number;
  /** JSON ClusterAnswer | ErrorAnswer */
  cluster(): string;
  /** the same from exact all-pairs comparison (for evaluation) */
  clusterExact(): string;
  memoryBytes(): number;
  delete(): void;
}

// --- The module ------------------------------------------------------------------------------------

/**
 * The core's JSON functions the page calls by name (core.js CALLABLE, in the worker or on the main
 * thread): text and numbers in, text out.
 */
export interface JsonFunctions {
  /** 64 hex digits: SHA-256 of the normalised text (the article key is the first 16); "" on failure */
  contentHash(text: string): string;
  /** JSON DescribeRangeAnswer | ErrorAnswer */
  describeRange(text: string, start: number, end: number, offsetUnit: OffsetUnit): string;
  /** (JSON CreateRequest) → JSON CreateAnswer | ErrorAnswer */
  annotationsCreate(requestJson: string): string;
  /** (file text) → JSON CheckAnswer | ErrorAnswer */
  annotationsCheck(text: string): string;
  /** (JSON W3cAnnotation[], file text) → JSON ImportAnswer | ErrorAnswer */
  annotationsImport(existingJson: string, incomingText: string): string;
  /** (JSON W3cAnnotation[], JSON ExportOptions) → JSON ExportAnswer | ErrorAnswer */
  annotationsExport(annotationsJson: string, optionsJson: string): string;
  /** (JSON W3cAnnotation[], JSON AnchorArticle[], JSON AnchorOptions) → JSON AnchorAnswer | ErrorAnswer */
  annotationsAnchor(annotationsJson: string, articlesJson: string, optionsJson: string): string;
  /** (a, b, JSON DiffOptions) → JSON DiffAnswer | ErrorAnswer */
  diffTexts(a: string, b: string, optionsJson: string): string;
  /** (text, JSON EntityOptions) → JSON EntityMention[] | ErrorAnswer */
  entities(text: string, optionsJson: string): string;
  /** the same as entities */
  findEntities(text: string, optionsJson: string): string;
  /** (JSON EntityIndexArticle[], JSON EntityEdits or "") → JSON IndexedEntity[] | ErrorAnswer */
  entityIndex(articlesJson: string, editsJson: string): string;
  /** (JSON EntityIndexArticle[], JSON EntityEdits or "") → JSON string[][] (per article, each mention's id after the edits) | ErrorAnswer */
  resolveEntities(articlesJson: string, editsJson: string): string;
}

/** What createLecternCore() resolves to. */
export interface LecternCore extends JsonFunctions {
  /** (bytes, file name: its extension decides the format, JSON ReadFileOptions) → JSON ReadFileAnswer */
  readFile(bytes: Uint8Array, fileName: string, optionsJson: string): string;
  /** sentence boundaries [start0, end0, start1, end1, …] in UTF-16 code units */
  splitSentences(text: string): Uint32Array;
  version(): string;
  /** (JSON ClusterOptions, or "" for the defaults) */
  StoryClusterer: new (optionsJson: string) => StoryClusterer;
}

/** The global the core's script defines (an Emscripten MODULARIZE build). */
export type CreateLecternCore = () => Promise<LecternCore>;

declare global {
  /** Defined by the core's script (the page's <script id="lectern-core">, or the test fake). */
  var createLecternCore: CreateLecternCore | undefined;
}
