import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { type AccessUser, isAssessor, isAssessorOfReport, isLeadOfReport, isSecretariat } from '../../access/predicates.ts'
import { COLLECTIONS, REVIEW_STATUS } from '../../constants.ts'
import { workflowState } from '../../workflow/state.ts'
import type { City, Evidence, Instrument, Review } from '../../payload-types.ts'
import { asOf, guideEvidenceOf, guideQuestionOf, reportWithInstrument } from '../kit/viewData.ts'
import { isRicherThanPlain, richTextToPlain } from '../../domain/richText.ts'
import { ReviewWorkspaceClient } from './ReviewWorkspaceClient.tsx'
import type { Disagreement, WorkspaceData } from './types.ts'
import { idOf, sameId, type ID, type Ref } from '../../domain/ids.ts'

type Lang = WorkspaceData['lang']

function sectionsOf(instrument: Instrument): NonNullable<WorkspaceData['instrument']>['sections'] {
  // Sections name their evaluation dimension by code; the reader sees its name.
  const dimensionName = new Map((instrument.evaluationDimensions ?? []).map((row) => [row.key, row.name]))
  return (instrument.sections ?? []).map((section) => ({
    title: section.title,
    evaluationDimension: dimensionName.get(section.evaluationDimension) ?? section.evaluationDimension,
    pillar: idOf(section.dimension as Ref) ?? null,
    questions: (section.questions ?? []).map(guideQuestionOf),
  }))
}

/**
 * "Tinjau": an assessor's review of one report, beside the council's answers and evidence. Loads
 * everything as the signed-in person (their access decides what they see); the client part saves
 * through the REST API, where every rule of the review round is enforced.
 */
export async function ReviewWorkspace({ doc, initPageResult }: DocumentViewServerProps) {
  const { req } = initPageResult
  const lang: Lang = req.i18n.language === 'en' ? 'en' : 'id'
  const user = req.user as AccessUser
  const { report, period, instrument } = await reportWithInstrument(req, doc.id as ID, lang)
  const cityId = idOf(report.city as Ref)
  const sections = instrument ? sectionsOf(instrument) : []
  const pillarIds = [...new Set(sections.map((section) => section.pillar).filter((id): id is ID => id !== null))]

  const [city, evidence, reviews, pillars, assigned, lead] = await Promise.all([
    cityId === undefined
      ? null
      : (req.payload.findByID({ collection: COLLECTIONS.cities, id: cityId, depth: 0, disableErrors: true, ...asOf(req) }) as Promise<City | null>),
    req.payload.find({
      collection: COLLECTIONS.evidence,
      where: { report: { equals: report.id } },
      depth: 0,
      pagination: false,
      sort: 'createdAt',
      ...asOf(req),
    }),
    req.payload.find({
      collection: COLLECTIONS.reviews,
      where: { report: { equals: report.id } },
      depth: 0,
      pagination: false,
      sort: 'updatedAt',
      locale: lang,
      ...asOf(req),
    }),
    pillarIds.length
      ? req.payload.find({
          collection: COLLECTIONS.dimensions,
          where: { id: { in: pillarIds } },
          depth: 0,
          pagination: false,
          sort: 'order',
          locale: lang,
          select: { name: true },
          ...asOf(req),
        })
      : { docs: [] },
    isAssessorOfReport(req, report),
    isLeadOfReport(req, report),
  ])

  const reviewDocs = reviews.docs as Review[]
  const own = reviewDocs.filter((review) => sameId(review.assessor as Ref, user?.id)).at(-1)
  const latest = reviewDocs.at(-1)
  const leadAssessor = idOf(
    (period?.assignments ?? []).find((row) => row.lead && sameId(row.city as Ref, report.city as Ref))?.assessor as Ref,
  )
  const ownRecommendations = own?.recommendations ?? null
  const ownPillarRecommendations = own?.pillarRecommendations ?? []

  const data: WorkspaceData = {
    lang,
    report: {
      id: report.id,
      title: report.title,
      status: report.status,
      city: city?.name ?? String(cityId ?? ''),
      period: period?.title ?? '',
    },
    workflow: await workflowState(req, report),
    role: {
      assessor: isAssessor(user),
      assigned,
      lead,
      secretariat: isSecretariat(user),
      userId: user?.id ?? '',
    },
    instrument: instrument ? { title: instrument.title, sections } : null,
    answers: (report.answers ?? []).map((answer) => ({
      question: answer.question,
      value: answer.value ?? null,
      comment: answer.comment ?? null,
    })),
    evidence: evidence.docs.map((item) => guideEvidenceOf(item as Evidence)),
    pillars: (pillars.docs as { id: ID; name: string }[]).map((pillar) => ({ id: pillar.id, name: pillar.name })),
    review: {
      id: own?.id ?? null,
      status: own?.status ?? REVIEW_STATUS.inProgress,
      scores: Object.fromEntries(
        (own?.scores ?? []).map((row) => [row.question, { score: row.score, comment: row.comment ?? '' }]),
      ),
      resolutions: Object.fromEntries((own?.resolutions ?? []).map((row) => [row.question, row.explanation])),
      recommendations: richTextToPlain(ownRecommendations),
      pillarRecommendations: Object.fromEntries(
        ownPillarRecommendations.map((row) => [String(idOf(row.pillar as Ref)), richTextToPlain(row.text)]),
      ),
      richRecommendations:
        isRicherThanPlain(ownRecommendations) || ownPillarRecommendations.some((row) => isRicherThanPlain(row.text)),
    },
    others: reviewDocs.map((review) => ({
      assessor: idOf(review.assessor as Ref) ?? '',
      lead: leadAssessor !== undefined && sameId(review.assessor as Ref, leadAssessor),
      status: review.status,
      scores: Object.fromEntries((review.scores ?? []).map((row) => [row.question, row.score])),
    })),
    disagreements: (Array.isArray(latest?.disagreements) ? latest.disagreements : []) as Disagreement[],
    results: latest ? { overall: latest.overall ?? null } : null,
    revisionRequests: (report.revisionRequests ?? []).map((row) => ({
      round: row.round ?? null,
      question: row.question ?? null,
      comment: row.comment ?? null,
    })),
  }
  return (
    <Gutter>
      <ReviewWorkspaceClient data={data} />
    </Gutter>
  )
}
