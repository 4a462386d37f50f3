import { cityPath, programmePath } from './cityPage.ts'
import { inLocale, type Locale } from './locale.ts'
import { excerpt, richTextHtml, richTextPlain } from './richText.ts'
import type { Snapshot, SnapshotMedia, SnapshotUpdate } from './snapshot.ts'

export interface PhotoView {
  src: string
  /** `srcset` from the resized copies, widest last; empty when there are none. */
  srcset: string
  /** Always given, so the browser reserves the photo's box before it loads. */
  width: number
  height: number
  alt: string
  credit: string | null
}

export interface UpdateView {
  id: string
  /** The fragment on the programme (or city) page where the update is shown. */
  anchor: string
  /** The update's place on the site: its programme's page, else its city's page. */
  href: string
  date: string
  dateLabel: string
  title: string
  bodyHtml: string
  summary: string
  photos: PhotoView[]
  city: { id: string; name: string; href: string }
  programme: { id: string; title: string; href: string } | null
}

const DATE_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }

const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** "26 Mei 2023" / "26 May 2023"; one formatter per language, made on first use. */
export function formatDate(iso: string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format.format(new Date(iso))
}

/**
 * A media address as the browser can fetch it. The CMS stores addresses relative to itself
 * (`/api/media/file/...`); the static site lives elsewhere, so they are made absolute against the
 * CMS's public address.
 */
export function absoluteMediaUrl(url: string, cmsOrigin: string): string {
  return new URL(url, cmsOrigin).href
}

/** Photos without both dimensions are left out: they would shift the page while loading. */
export function photoView(media: SnapshotMedia, locale: Locale, cmsOrigin: string): PhotoView | null {
  if (media.width === null || media.height === null) return null
  if (media.mimeType !== null && !media.mimeType.startsWith('image/')) return null
  const sizes = Object.values(media.sizes)
    .filter((size) => size.width !== null)
    .sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
  return {
    src: absoluteMediaUrl((sizes.find((size) => (size.width ?? 0) >= 768) ?? media).url, cmsOrigin),
    srcset: sizes.map((size) => `${absoluteMediaUrl(size.url, cmsOrigin)} ${size.width}w`).join(', '),
    width: media.width,
    height: media.height,
    alt: inLocale(media.alt, locale),
    credit: media.credit,
  }
}

export const updateAnchor = (update: Pick<SnapshotUpdate, 'id'>) => `kabar-${update.id}`

/**
 * Every published update in one language, newest first, with its text made safe for the page and
 * its photos. Built once per language for the whole site; pages pick theirs by city or programme.
 */
export function updateViews(
  snapshot: Pick<Snapshot, 'updates' | 'media' | 'cities' | 'programs'>,
  locale: Locale,
  cmsOrigin: string,
): UpdateView[] {
  const cities = new Map(snapshot.cities.map((city) => [city.id, city]))
  const programs = new Map(snapshot.programs.map((program) => [program.id, program]))
  const media = new Map(snapshot.media.map((item) => [item.id, item]))
  return [...snapshot.updates]
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id, 'en', { numeric: true }))
    .flatMap((update): UpdateView[] => {
      const city = cities.get(update.city)
      if (!city) return []
      const program = update.program === null ? undefined : programs.get(update.program)
      const body = update.body[locale] ?? update.body[locale === 'id' ? 'en' : 'id']
      const cityHref = cityPath(locale, city)
      const programme = program
        ? { id: program.id, title: inLocale(program.title, locale), href: programmePath(locale, city, program) }
        : null
      const anchor = updateAnchor(update)
      return [
        {
          id: update.id,
          anchor,
          href: `${programme?.href ?? cityHref}#${anchor}`,
          date: update.date,
          dateLabel: formatDate(update.date, locale),
          title: inLocale(update.title, locale),
          bodyHtml: richTextHtml(body),
          summary: excerpt(richTextPlain(body)),
          photos: update.photos.flatMap((id) => {
            const item = media.get(id)
            const view = item ? photoView(item, locale, cmsOrigin) : null
            return view ? [view] : []
          }),
          city: { id: city.id, name: city.name, href: cityHref },
          programme,
        },
      ]
    })
}
