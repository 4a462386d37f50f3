/**
 * The evidence library on MongoDB, as cms/migrations/20261202_024909_evidence_library.ts does it on
 * SQLite: each evidence file that supported a question of a report becomes one document of
 * `evidence-uses` (report, question, file, the report's city and period, verdict and reasons), and
 * those fields leave the file. Works on the raw collections: the models no longer know the old
 * fields. Down keeps each file's first use. Run with `DATABASE_URI=mongodb://... npx payload migrate`.
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

const MOVED = ['report', 'question', 'verdict', 'verdictReason', 'leadReason'] as const

type RawFile = { _id: unknown; report?: unknown; question?: unknown; verdict?: unknown; verdictReason?: unknown; leadReason?: unknown; createdAt?: Date; updatedAt?: Date }
type RawReport = { _id: unknown; city?: unknown; period?: unknown }

const questionOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const files = payload.db.collections.evidence.collection
  const uses = payload.db.collections['evidence-uses'].collection
  const reports = payload.db.collections.reports.collection
  const attached = (await files.find({ report: { $exists: true, $ne: null } }, { session }).toArray()) as unknown as RawFile[]
  if (attached.length > 0) {
    const reportDocs = (await reports
      .find({ _id: { $in: attached.map((file) => file.report) as never[] } }, { session, projection: { city: 1, period: 1 } })
      .toArray()) as unknown as RawReport[]
    const byId = new Map(reportDocs.map((report) => [String(report._id), report]))
    const now = new Date()
    const rows = attached
      .filter((file) => byId.has(String(file.report)))
      .map((file) => {
        const report = byId.get(String(file.report)) as RawReport
        return {
          report: file.report,
          question: questionOf(file.question),
          evidence: file._id,
          city: report.city ?? null,
          period: report.period ?? null,
          verdict: typeof file.verdict === 'string' ? file.verdict : 'pending',
          verdictReason: file.verdictReason ?? null,
          leadReason: file.leadReason ?? null,
          createdAt: file.createdAt ?? now,
          updatedAt: file.updatedAt ?? now,
        }
      })
    if (rows.length > 0) await uses.insertMany(rows, { session })
  }
  await files.updateMany({}, { $unset: Object.fromEntries(MOVED.map((field) => [field, ''])) }, { session })
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  const files = payload.db.collections.evidence.collection
  const uses = payload.db.collections['evidence-uses'].collection
  const all = (await uses.find({}, { session, sort: { _id: 1 } }).toArray()) as unknown as (RawFile & { evidence: unknown })[]
  const seen = new Set<string>()
  for (const use of all) {
    if (seen.has(String(use.evidence))) continue
    seen.add(String(use.evidence))
    await files.updateOne(
      { _id: use.evidence as never },
      { $set: { report: use.report, question: use.question ?? null, verdict: use.verdict ?? 'pending', verdictReason: use.verdictReason ?? null, leadReason: use.leadReason ?? null } },
      { session },
    )
  }
  await uses.deleteMany({}, { session })
}
