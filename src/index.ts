// The public API of yaohao. Every name is listed explicitly (no `export *`), so nothing internal leaks.

export { ENGINE, ENGINE_VERSION } from './version';

export type { Issue, IssueCode, PathSegment } from './errors/Issue';
export { formatIssue, formatPath } from './errors/Issue';
export { YaohaoError, inFile, isYaohaoError } from './errors/YaohaoError';
export type { SafeResult } from './errors/SafeResult';

export type { Beijing2021WeightRule, FamilyRule, Policy, QueueYearRule, WeightRule } from './policy/Policy';
export { PolicySchema, WeightRuleSchema } from './policy/Policy';
export { presets, type PresetName } from './policy/presets';
export { stepsForDraws } from './policy/stepsForDraws';
export { steps2021 } from './policy/steps2021';

export {
  FAMILY_ROLES,
  FamilyMemberSchema,
  FamilyRecordSchema,
  Individual2021RecordSchema,
  type FamilyMember,
  type FamilyRecord,
  type FamilyRole,
  type Individual2021Record,
  type PersonHistory,
} from './family/familyRecords';
export { familyPoints, safeFamilyPoints, type FamilyPoints, type MemberPoints } from './family/familyPoints';

export type { ApplicantKind } from './pool/ApplicantKind';
export { isApplicationCode, APPLICATION_CODE_PATTERN } from './pool/applicationCode';
export {
  ApplicationCodeSchema,
  CountedIndividualRecordSchema,
  ExplicitRecordSchema,
  FlatIndividualRecordSchema,
  MAX_WEIGHT,
} from './pool/recordSchemas';
export { Pool, type PoolApplication } from './pool/Pool';
export { createPool, safeCreatePool, type CreatePoolOptions } from './pool/createPool';
export { JsonLinesPoolParser, type JsonLinesPoolParserOptions } from './pool/JsonLinesPoolParser';
export { commitPool, type PoolCommitment } from './pool/commitPool';
export { writeCanonicalPool, POOL_FORMAT } from './pool/canonicalPoolBytes';
export { MAX_LAYOUT_MEMBERS } from './pool/EntryLayout';

export { GENERATOR_IDS, type GeneratorId } from './rng/generators';
export { LegacyDotNetRandom, type LegacyDotNetRandomState } from './rng/LegacyDotNetRandom';
export { Rc4WordSource, type Rc4State } from './rng/Rc4WordSource';
export type { WordSource } from './rng/WordSource';
export { uniformIndex } from './rng/uniformIndex';
export { deriveDefaultKey, DEFAULT_KEY_TAG } from './rng/deriveDefaultKey';
export { parseLegacySeed, MAX_LEGACY_SEED } from './rng/parseLegacySeed';

export { drawLottery, safeDrawLottery, type DrawLotteryOptions, type LotteryResult } from './draw/drawLottery';
export type { DrawOptions } from './draw/checkDrawOptions';

export {
  AuditRecordSchema,
  PoolCommitmentSchema,
  WinnerSchema,
  RECORD_FORMAT,
  recordDigest,
  serializeRecord,
  type AuditRecord,
  type Winner,
} from './audit/AuditRecord';
export { verifyRecord, type VerifyRecordOptions, type VerifyResult, type MismatchReason } from './audit/verifyRecord';
export {
  checkPublishedSheet,
  PublishedSheetSchema,
  type PublishedSheet,
  type SheetVerdict,
  type SheetInconsistency,
  type UnverifiedSkip,
} from './audit/checkPublishedSheet';

export {
  ENTRANT_LISTS,
  AllocationRuleSchema,
  type AllocationRule,
  type CategoryNotice,
  type EntrantList,
  type PeriodRule,
  type QuotaCategory,
  type SubDrawRule,
} from './policy/Allocation';
export { applyShare, splitCategory } from './period/splitQuota';
export {
  Ranking,
  RANKING_FORMAT,
  type BoundaryTie,
  type RankedWinner,
  type RankingCommitment,
  type RankingEntrant,
  type RankingKey,
} from './period/Ranking';
export {
  QueueRecordSchema,
  UnitRecordSchema,
  type PeriodInput,
  type QueueRecord,
  type UnitRecord,
} from './period/periodRecords';
export { PLAN_FORMAT, planDigest, type PeriodPlan, type PlannedSubDraw } from './period/PeriodPlan';
export { PeriodPools } from './period/PeriodPools';
export { planPeriod, safePlanPeriod, type PlannedPeriod, type PlanPeriodOptions } from './period/planPeriod';
export {
  runPeriod,
  safeRunPeriod,
  periodRecordDigest,
  PERIOD_RECORD_FORMAT,
  type PeriodOutcome,
  type PeriodRecord,
  type RunPeriodOptions,
  type SubDrawResult,
} from './period/runPeriod';
export { verifyPeriod, type PeriodVerdict } from './period/verifyPeriod';

export {
  syntheticMixedPool,
  syntheticPeriodInput,
  type SyntheticPeriodOptions,
} from './synthetic/syntheticPeriodInput';
export {
  syntheticBeijingRecords,
  type SyntheticPoolOptions,
  type SyntheticRecord,
} from './synthetic/syntheticBeijingRecords';

// Reading and writing pool files (isomorphic: bytes, Blobs, Web Streams, async iterables).
export type {
  BlobLike,
  BlobSlice,
  ByteSource,
  ByteStreamChunk,
  ByteStreamReader,
  RandomAccessSource,
  ReadableStreamLike,
  ReadProgress,
} from './formats/ByteSource';
export { createMd5, type Md5Hasher } from './formats/md5';
export { detectPoolFormat, type PoolFormat } from './formats/detectPoolFormat';
export {
  readJsonLinesPool,
  safeReadJsonLinesPool,
  type PoolFileRead,
  type ReadPoolOptions,
} from './formats/readJsonLinesPool';
export { readCsvPool, safeReadCsvPool } from './formats/readCsvPool';
export {
  PERIOD_TYPES,
  ROWS_PER_PART,
  type OfficialPool,
  type OfficialPoolHeader,
  type PeriodType,
} from './formats/officialPool';
export { readOfficialZip, safeReadOfficialZip, type ReadOfficialZipOptions } from './formats/readOfficialZip';
export { writeOfficialZip, type WriteOfficialZipOptions } from './formats/writeOfficialZip';
export { MAX_LINE_BYTES } from './pool/JsonLinesPoolParser';
export { SAME_REFUSAL_LIMIT } from './pool/PoolBuilder';
export { MAX_CSV_ROW_BYTES } from './formats/internal/CsvRowReader';
export { MAX_PART_ROW_BYTES } from './formats/internal/PartRowScanner';

// Odds, waiting times and self-checks (docs/spec.md §17).
export {
  PoolCompositionSchema,
  compositionOf,
  poolComposition,
  type PoolComposition,
  type WeightClass,
} from './odds/PoolComposition';
export { winProbabilities, safeWinProbabilities, type ClassOdds, type WinProbabilities } from './odds/winProbabilities';
export {
  simulateDraws,
  safeSimulateDraws,
  mergeSimulations,
  simulationRunLabel,
  type SimulateDrawsOptions,
  type SimulatedClass,
  type SimulatedDraws,
} from './odds/simulateDraws';
export {
  waitingTime,
  safeWaitingTime,
  type Outlook,
  type OutlookPeriod,
  type WaitingPeriod,
  type WaitingTime,
  type WaitingTimeOptions,
} from './odds/waitingTime';
export {
  CountedApplicantSchema,
  FixedWeightApplicantSchema,
  Individual2021ApplicantSchema,
  type ApplicantHistory,
  type CountedApplicant,
  type FixedWeightApplicant,
  type Individual2021Applicant,
} from './odds/ApplicantHistory';
export {
  selfCheck,
  safeSelfCheck,
  SELF_CHECK_FAMILIES,
  type SelfCheckOptions,
  type SelfCheckResult,
  type SelfCheckTest,
  type SelfCheckTestName,
  type SkippedCheck,
} from './odds/selfCheck';
export { seedEntropy, safeSeedEntropy, SECURE_SEED_BITS, type SeedEntropy } from './odds/seedEntropy';
// Hardening (issue 8): every type a public signature uses, the sheet text format, the draw cost rule.
export type { WinnerField } from './audit/verifyRecord';
export type { ExplicitWeightRule, FlatWeightRule, LadderWeightRule, PolicyWith } from './policy/Policy';
export type { CountedIndividualRecord, ExplicitRecord, FlatIndividualRecord } from './pool/recordSchemas';
export type { PoolRecordOf } from './pool/createPool';
export type { PublishedRow } from './audit/checkPublishedSheet';
export type { UnsealedAuditRecord } from './audit/AuditRecord';
export type { SplitResult } from './period/splitQuota';
export type { RankingTop } from './period/Ranking';
export {
  formatResultSheet,
  parseResultSheet,
  safeParseResultSheet,
  sheetValue,
  type FormatSheetOptions,
  type ParsedSheet,
  type SheetMeta,
} from './audit/resultSheetText';
export { sheetWorkLimit } from './audit/checkPublishedSheet';
export { drawCost, DRAW_COST_RULE, type DrawCost } from './draw/drawCost';
// An application's life over time (docs/spec.md §16): calendar, review, the registry, lookup, continuity.
export type {
  CalendarDrawRule,
  CalendarPeriodRule,
  CalendarRule,
  LifecycleRule,
  MonthDay,
  RenewalRule,
  ReviewRule,
  ValidityRule,
} from './policy/Lifecycle';
export { LifecycleRuleSchema } from './policy/Lifecycle';
export {
  drawCalendar,
  safeDrawCalendar,
  type CalendarEvent,
  type CalendarEventKind,
  type CalendarOptions,
} from './lifecycle/drawCalendar';
export { checkResidentId, residentIdCheckCharacter, type ResidentIdCheck } from './lifecycle/checkResidentId';
export {
  ApplicantFactsSchema,
  reviewApplication,
  safeReviewApplication,
  type ApplicantFacts,
  type LicenceFacts,
  type PersonFacts,
  type ReviewOptions,
  type ReviewOutcome,
  type UnitFacts,
  type WorkPermitFacts,
} from './lifecycle/reviewApplication';
export {
  EVENT_SCHEMAS,
  EVENT_TYPES,
  RegistryEventSchema,
  type AppliedEvent,
  type CleanupEvent,
  type CodeEvent,
  type DrawHeldEvent,
  type RegistryEvent,
  type RejectionReason,
  type ReviewedEvent,
} from './lifecycle/RegistryEvent';
export { Registry, createRegistry, safeCreateRegistry } from './lifecycle/Registry';
export {
  applyEvent,
  applyEvents,
  replayEvents,
  safeApplyEvent,
  safeApplyEvents,
  safeReplayEvents,
} from './lifecycle/applyEvent';
export {
  registryPool,
  safeRegistryPool,
  type RegistryPool,
  type RegistryPoolRecord,
  type RegistryRecordOf,
} from './lifecycle/registryPool';
export { createRegistryPool, safeCreateRegistryPool } from './lifecycle/createRegistryPool';
export {
  APPLICATION_STATUSES,
  REGISTRY_FORMAT,
  RegistryJsonSchema,
  registryFromJSON,
  registryToJSON,
  safeRegistryFromJSON,
  type ApplicationJson,
  type ApplicationStatus,
  type CertificateJson,
  type RegistryDrawJson,
  type RegistryJson,
} from './lifecycle/registryJson';
export { registrySummary, type DrawSummary, type RegistrySummary } from './lifecycle/registrySummary';
export { certificateNumber } from './lifecycle/certificateNumber';
export {
  lookupApplication,
  safeLookupApplication,
  type ApplicationLookup,
  type CertificateHolder,
  type CertificateView,
  type LookupOptions,
  type NextDraw,
} from './lifecycle/lookupApplication';
export { lookupDrawResult, safeLookupDrawResult, type DrawLookup } from './lifecycle/lookupDrawResult';
export {
  checkContinuity,
  safeCheckContinuity,
  type ContinuityOptions,
  type ContinuityProblem,
  type ContinuityProblemKind,
  type ContinuityReport,
} from './lifecycle/checkContinuity';

// The verifier page (docs/spec.md §18): a published result sheet replayed against its pool.
export { verifySheet, type SheetMismatchReason, type SheetReplayResult } from './audit/verifySheet';

// Multi-year simulation on top of the registry (docs/spec.md §17.7).
export {
  simulatePeriods,
  safeSimulatePeriods,
  type InitialPopulation,
  type PerPeriod,
  type SimulatedPeriod,
  type SimulatedPeriodClass,
  type SimulatePeriodsOptions,
} from './odds/simulatePeriods';
