import path from 'node:path'

import type { IndexChartData, RadarChartData } from './charts.ts'
import { latestPoint } from './charts.ts'
import {
  cityPath,
  groupBy,
  type IndicatorRow,
  type ProgrammeView,
  programmesByCity,
  type SeriesByIndicator,
  seriesByIndicator,
} from './cityPage.ts'
import { type CohortGroup, groupByCohort } from './cohorts.ts'
import { comparableCities, type ComparableCities, type CompareView, compareView, provincePages, type ProvincePageView, provincePath } from './comparePage.ts'
import { UI } from './i18n.ts'
import { INTL_TAG, type Locale } from './locale.ts'
import { type OpenDataView, openDataHref, openDataView } from './openData.ts'
import { CITY_DOWNLOAD_DIR, cityDownloadFile, partialSiteBuild } from '../../cms/contract/index.ts'
import { type PillarPageView, pillarPages, pillarPath } from './pillarPage.ts'
import { type ProgrammePageView, programmePages } from './programmePage.ts'
import { percent, progressToTarget } from './progress.ts'
import { richTextHtml } from './richText.ts'
import { averageByPillar, formatScore, type PillarAverage, pillarScores, roundLabels, scoresByCity } from './scores.ts'
import { loadSnapshot, type Snapshot, type SnapshotCity } from './snapshot.ts'
import type { ShareCard } from './shareCard.ts'
import { siteBuildScope } from './buildScope.ts'
import { absoluteMediaUrl, type UpdateView, updateViews } from './updates.ts'

/**
 * The one place pages get their data: the publish snapshot, read and checked by `loadSnapshot`
 * once per build and joined into what each page shows, once per language. Pages only pick their
 * part, so a build costs one pass over the data however many pages it writes.
 */

export const DEFAULT_SNAPSHOT_DIR = path.join('data', 'snapshot')

/** `SNAPSHOT_DIR` as the CMS resolves it: relative to the project root, where builds run. */
export function snapshotDirectory(env: Record<string, string | undefined> = process.env, root = process.cwd()): string {
  return path.resolve(root, env.SNAPSHOT_DIR || DEFAULT_SNAPSHOT_DIR)
}

/** The CMS's public address, against which the snapshot's file addresses are made absolute. */
export function cmsOrigin(env: Record<string, string | undefined> = process.env): string {
  return env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000'
}

export interface CityIndicatorRow extends IndicatorRow {
  /** Whole percent of the way to the target, or null when it cannot be said. */
  progress: number | null
}

export interface CityProgrammeView extends Omit<ProgrammeView, 'indicators'> {
  indicators: CityIndicatorRow[]
}

export interface ScoreRoundView {
  label: string
  overall: string | null
  pillars: { name: string; score: string }[]
}

export interface CityScoresView {
  rounds: ScoreRoundView[]
  /** Null with fewer than two rounds: one point is no line; the table still shows it. */
  index: IndexChartData | null
  indexSummary: string
  latestRound: string
  latestPillars: { name: string; score: string }[]
  /** Null with fewer than three pillars scored: a radar needs three axes to be a shape. */
  radar: RadarChartData | null
  radarSummary: string
  recommendationsHtml: string
  /** The latest round's results document (PDF) on the CMS, in the page's language. */
  resultsHref: string
}

export interface CityPageView {
  city: SnapshotCity
  href: string
  profileHtml: string
  masterplan: { book: string; year: number | null; href: string | null }[]
  programmes: CityProgrammeView[]
  updates: UpdateView[]
  scores: CityScoresView | null
  /** Cities of the same cohort and of the same province, to compare with. */
  comparable: ComparableCities
  /** The city's own open data: its rows of every table with names, zipped. */
  downloadHref: string
  provinceHref: string
  /** The page's picture for link previews (`og:image`), and what it shows. */
  share: { path: string; card: ShareCard }
}

export interface HomeView {
  cohorts: CohortGroup[]
  cityCount: number
  programmeCount: number
  pillarAverages: PillarAverage[]
  /** The averages drawn as a radar, like a city's own pillar scores; null with fewer than three pillars. */
  averagesRadar: RadarChartData | null
  averagesRadarSummary: string
  latestUpdates: UpdateView[]
}

export interface ProgrammeFullView extends ProgrammePageView {
  share: { path: string; card: ShareCard }
  descriptionHtml: string
  updates: UpdateView[]
  /** The programme's pillar page, when the pillar is public. */
  pillarHref: string | null
}

export interface LocaleView {
  home: HomeView
  cities: CityPageView[]
  programmes: ProgrammeFullView[]
  pillars: PillarPageView[]
  updates: UpdateView[]
  openData: OpenDataView
  compare: CompareView
  provinces: ProvincePageView[]
}

export interface SiteData {
  dir: string
  snapshot: Snapshot
  /** Everything the pages of one language show, joined on first use and kept. */
  view(locale: Locale): LocaleView
  /**
   * The city and programme pages of one language this build renders: all of them, but in a partial
   * build (cms/contract/siteBuild.ts) only those of the cities it names. The pages about all cities
   * read `view`, which always holds every city.
   */
  rendered(locale: Locale): Pick<LocaleView, 'cities' | 'programmes'>
}

const LATEST_UPDATES = 5

/** Pillar scores as a radar; null with fewer than three, which make no shape (the table still shows them). */
function pillarRadar(pillars: { name: string; score: number }[], label: string, locale: Locale): RadarChartData | null {
  if (pillars.length < 3) return null
  return { locale: INTL_TAG[locale], labels: pillars.map((pillar) => pillar.name), values: pillars.map((pillar) => pillar.score), label }
}

function cityScores(
  scores: Map<string, Snapshot['scores']>,
  snapshot: Snapshot,
  cityId: string,
  locale: Locale,
  origin: string,
): CityScoresView | null {
  const rounds = scores.get(cityId)
  const latest = rounds?.at(-1)
  if (!rounds || !latest) return null
  const t = UI[locale]
  const labels = roundLabels(rounds, locale)
  const latestLabel = labels.at(-1) as string
  const latestPillars = pillarScores(latest, snapshot.dimensions, locale)
  const withOverall = rounds.filter((round) => round.overall !== null)
  return {
    rounds: rounds.map((round, index) => ({
      label: labels[index],
      overall: round.overall === null ? null : formatScore(round.overall, locale),
      pillars: pillarScores(round, snapshot.dimensions, locale).map((pillar) => ({
        name: pillar.name,
        score: formatScore(pillar.score, locale),
      })),
    })),
    index:
      withOverall.length >= 2
        ? {
            locale: INTL_TAG[locale],
            labels,
            values: rounds.map((round) => round.overall),
            label: t.index,
            valueAxisTitle: t.indexAxis,
          }
        : null,
    indexSummary: t.indexSummary(
      rounds.flatMap((round, index) => (round.overall === null ? [] : [`${labels[index]}: ${formatScore(round.overall, locale)}`])).join(', '),
    ),
    latestRound: latestLabel,
    latestPillars: latestPillars.map((pillar) => ({
      name: pillar.name,
      score: formatScore(pillar.score, locale),
    })),
    radar: pillarRadar(latestPillars, latestLabel, locale),
    radarSummary: t.radarSummary(
      latestLabel,
      latestPillars.map((pillar) => `${pillar.name} ${formatScore(pillar.score, locale)}`).join(', '),
    ),
    recommendationsHtml: richTextHtml(latest.recommendations[locale] ?? latest.recommendations[locale === 'id' ? 'en' : 'id']),
    resultsHref: absoluteMediaUrl(`/api/reports/${latest.report}/results.pdf${locale === 'en' ? '?locale=en' : ''}`, origin),
  }
}

/**
 * Where a page's share card is served: `/og/<language>/<the page's path>.jpg`, e.g.
 * `/og/id/kota/kota-ambon.jpg`, so every card has one address per language.
 */
export function shareImagePath(locale: Locale, pagePath: string): string {
  const page = locale === 'en' ? pagePath.replace(/^\/en(?=\/)/, '') : pagePath
  return `/og/${locale}${page.replace(/\/$/, '')}.jpg`
}

function cityCard(city: SnapshotCity, rounds: Snapshot['scores'] | undefined, locale: Locale): ShareCard {
  const t = UI[locale]
  const latest = rounds?.filter((round) => round.overall !== null).at(-1)
  return {
    kicker: `${t.kind[city.kind]} · ${city.province}`,
    title: city.name,
    figure: latest ? formatScore(latest.overall as number, locale) : null,
    caption: latest ? t.shareIndex(String(latest.periodYear)) : t.noCityResults,
    footer: `Pantau · ${t.movement}`,
  }
}

function programmeCard(programme: ProgrammePageView, locale: Locale): ShareCard {
  const t = UI[locale]
  const measured = programme.indicators.find((indicator) => indicator.latestSentence)
  return {
    kicker: programme.city.name,
    title: programme.title,
    figure: measured?.progress === null || measured?.progress === undefined ? null : t.progressValue(measured.progress),
    caption: measured ? `${measured.name}: ${measured.latestSentence}` : t.noIndicators,
    footer: `Pantau · ${t.movement}`,
  }
}

/** What the pages show the same way in both languages, worked out once per build. */
interface SharedView {
  series: SeriesByIndicator
  /** Whole percent of the way to the target by indicator id, or null when it cannot be said. */
  progress: ReadonlyMap<string, number | null>
}

function buildSharedView(snapshot: Snapshot): SharedView {
  const series = seriesByIndicator(snapshot)
  const progress = new Map(
    snapshot.indicators.map((indicator) => {
      const latest = latestPoint(series.get(indicator.id) ?? [])
      const share = progressToTarget(indicator, latest?.actual)
      return [indicator.id, share === null ? null : percent(share)]
    }),
  )
  return { series, progress }
}

function buildLocaleView(snapshot: Snapshot, shared: SharedView, locale: Locale, origin: string): LocaleView {
  const t = UI[locale]
  const programmes = programmesByCity(snapshot, locale, shared.series)
  const updates = updateViews(snapshot, locale, origin)
  const updatesOfCity = groupBy(updates, (update) => update.city.id)
  const updatesOfProgramme = groupBy(
    updates.filter((update) => update.programme !== null),
    (update) => update.programme?.id ?? '',
  )
  const scores = scoresByCity(snapshot.scores)
  const programById = new Map(snapshot.programs.map((program) => [program.id, program]))
  const dimensionById = new Map(snapshot.dimensions.map((dimension) => [dimension.id, dimension]))
  const comparableOf = comparableCities(snapshot.cities, locale)

  const cities = snapshot.cities.map(
    (city): CityPageView => ({
      city,
      href: cityPath(locale, city),
      profileHtml: richTextHtml(city.profile[locale] ?? city.profile[locale === 'id' ? 'en' : 'id']),
      masterplan: city.masterplan.map((book) => ({
        book: book.book,
        year: book.year,
        href: book.url ? absoluteMediaUrl(book.url, origin) : null,
      })),
      programmes: (programmes.get(city.id) ?? []).map((programme) => ({
        ...programme,
        indicators: programme.indicators.map((row) => ({ ...row, progress: shared.progress.get(row.id) ?? null })),
      })),
      updates: updatesOfCity.get(city.id) ?? [],
      scores: cityScores(scores, snapshot, city.id, locale, origin),
      comparable: comparableOf(city),
      downloadHref: openDataHref(`${CITY_DOWNLOAD_DIR}/${cityDownloadFile(city)}`),
      provinceHref: provincePath(locale, city.province),
      share: { path: shareImagePath(locale, cityPath(locale, city)), card: cityCard(city, scores.get(city.id), locale) },
    }),
  )
  const compare = compareView(
    snapshot,
    [...programmes.values()].flat().map((programme) => {
      const program = programById.get(programme.id)
      return { id: programme.id, city: program?.city ?? '', dimension: program?.dimension ?? '', title: programme.title, href: programme.href }
    }),
    { index: t.index, indexAxis: t.indexAxis },
    locale,
  )

  const pillarAverages = averageByPillar(scores, snapshot.dimensions, locale)
  return {
    home: {
      cohorts: groupByCohort(snapshot.cities),
      cityCount: snapshot.cities.length,
      programmeCount: snapshot.programs.length,
      pillarAverages,
      averagesRadar: pillarRadar(
        pillarAverages.map((pillar) => ({ name: pillar.name, score: pillar.average })),
        t.average,
        locale,
      ),
      averagesRadarSummary: t.averagesRadarSummary(
        pillarAverages.map((pillar) => `${pillar.name} ${formatScore(pillar.average, locale)}`).join(', '),
      ),
      latestUpdates: updates.slice(0, LATEST_UPDATES),
    },
    cities,
    programmes: programmePages(snapshot, locale, shared.series).map((programme) => {
      const program = programById.get(programme.id)
      const description = program?.description[locale] ?? program?.description[locale === 'id' ? 'en' : 'id']
      const dimension = program ? dimensionById.get(program.dimension) : undefined
      return {
        ...programme,
        descriptionHtml: richTextHtml(description),
        share: { path: shareImagePath(locale, programme.href), card: programmeCard(programme, locale) },
        updates: updatesOfProgramme.get(programme.id) ?? [],
        pillarHref: dimension ? pillarPath(locale, dimension) : null,
      }
    }),
    pillars: pillarPages(
      snapshot.dimensions,
      snapshot.cities,
      programmes,
      new Map(snapshot.programs.map((program) => [program.id, program.dimension])),
      locale,
    ),
    updates,
    openData: openDataView(snapshot.datapackage, locale),
    compare,
    provinces: provincePages(compare),
  }
}

/** Joins a checked snapshot into the pages' views; each language is joined on first use. */
export function createSiteData(snapshot: Snapshot, dir: string, origin = cmsOrigin(), partial = partialSiteBuild(process.env)): SiteData {
  let shared: SharedView | undefined
  const views = new Map<Locale, LocaleView>()
  return {
    dir,
    snapshot,
    rendered(locale) {
      const { cities, programmes } = this.view(locale)
      if (!partial) return { cities, programmes }
      return {
        cities: cities.filter((page) => partial.cities.has(page.city.slug)),
        programmes: programmes.filter((programme) => partial.cities.has(programme.city.slug)),
      }
    },
    view(locale) {
      let view = views.get(locale)
      if (!view) {
        shared ??= buildSharedView(snapshot)
        view = buildLocaleView(snapshot, shared, locale, origin)
        views.set(locale, view)
      }
      return view
    },
  }
}

const loaded = new Map<string, Promise<SiteData>>()

/**
 * The site's data, read once per build and per snapshot folder: every page's `getStaticPaths` and
 * frontmatter share one promise. A snapshot that does not match its schema rejects with the
 * `SnapshotError` naming the file and the path, which stops `astro build` with that message. In a
 * build the publish job started early, nothing is read before the job says the snapshot is written.
 */
export function loadSiteData(dir: string = snapshotDirectory()): Promise<SiteData> {
  let data = loaded.get(dir)
  if (!data) {
    data = siteBuildScope().then(async (partial) => createSiteData(await loadSnapshot(dir), dir, cmsOrigin(), partial))
    loaded.set(dir, data)
  }
  return data
}

