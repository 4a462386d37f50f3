/**
 * The e-mails a submitted report sets off, composed as plain data so the wording and the recipients
 * can be read and tested without a mail server. Sending is the hook's business.
 */

export type Recipient = { email?: string | null; name?: string | null }

export type OutgoingMail = { to: string[]; subject: string; text: string }

export type SubmissionNoticeInput = {
  reportTitle: string
  cityName: string
  periodTitle: string
  /** Who submitted, as shown to the secretariat; absent when system code moved the report. */
  submittedBy?: string | null
  submittedAt: Date
  /** Council members of the report's city: they get a receipt. */
  council: Recipient[]
  /** Every secretariat account: they learn a report is waiting. */
  secretariat: Recipient[]
  /** Where the report opens in the admin, when the server's address is known. */
  reportUrl?: string | null
}

const addresses = (people: Recipient[]): string[] => [
  ...new Set(people.map((person) => person.email?.trim()).filter((email): email is string => Boolean(email))),
]

const stamp = (date: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(date)

/**
 * A receipt for the city's council and a notice for the secretariat, Indonesian first. A group with
 * no address gets no mail, so the result may be shorter than two.
 */
export function submissionNotice(input: SubmissionNoticeInput): OutgoingMail[] {
  const { reportTitle, cityName, periodTitle, submittedBy, submittedAt, reportUrl } = input
  const link = reportUrl ? [``, `${reportUrl}`] : []
  const by = submittedBy ? { id: ` oleh ${submittedBy}`, en: ` by ${submittedBy}` } : { id: '', en: '' }
  const when = { id: stamp(submittedAt, 'id-ID'), en: stamp(submittedAt, 'en-GB') }

  const receipt: OutgoingMail = {
    to: addresses(input.council),
    subject: `Laporan diajukan: ${cityName} — ${periodTitle} / Report submitted`,
    text: [
      `Laporan "${reportTitle}" telah diajukan${by.id} pada ${when.id} WIB.`,
      'Laporan kini terkunci untuk dewan kota selama ditinjau; asesor akan menghubungi Anda bila perlu revisi.',
      '',
      `The report "${reportTitle}" was submitted${by.en} on ${when.en} (WIB).`,
      'It is now locked for the city council while it is reviewed; the assessor will contact you if it needs revision.',
      ...link,
    ].join('\n'),
  }

  const notice: OutgoingMail = {
    to: addresses(input.secretariat),
    subject: `Laporan masuk: ${cityName} — ${periodTitle} / New report submitted`,
    text: [
      `${cityName} telah mengajukan laporan "${reportTitle}" untuk ${periodTitle}${by.id} pada ${when.id} WIB.`,
      '',
      `${cityName} submitted the report "${reportTitle}" for ${periodTitle}${by.en} on ${when.en} (WIB).`,
      ...link,
    ].join('\n'),
  }

  return [receipt, notice].filter((mail) => mail.to.length > 0)
}
