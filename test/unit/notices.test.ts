import { describe, expect, it } from 'vitest'

import { composeNotice, dueReminders, NOTICE_KINDS, type NoticeFacts } from '../../cms/domain/notices.ts'

const facts: NoticeFacts = {
  cityName: 'Kota Ambon',
  periodTitle: 'Evaluasi Smart City 2023 Tahap I',
  by: 'Dewan Smart City Ambon',
  at: new Date('2023-07-28T03:00:00.000Z'),
  reason: 'Lampirkan SK Wali Kota yang berlaku',
  comments: 2,
  resultsUrl: 'https://pantau.example/api/reports/7/results.pdf',
  deadline: { at: new Date('2023-07-31T14:59:59.999Z'), zone: 'WIT' },
  daysLeft: 7,
  lead: true,
}

describe('composeNotice', () => {
  it.each(NOTICE_KINDS)('writes the %s notice in Indonesian and in English, never both at once', (kind) => {
    const id = composeNotice(kind, facts, 'id')
    const en = composeNotice(kind, facts, 'en')
    expect(id.title).toContain('Kota Ambon')
    expect(en.title).toContain('Kota Ambon')
    expect(`${id.title}\n${id.body}`).not.toMatch(/\b(the|report|submitted|deadline)\b/i)
    expect(`${en.title}\n${en.body}`).not.toMatch(/\b(laporan|telah|dengan)\b/i)
  })

  it('hands the council the reason and the number of comments with a revision request', () => {
    const { body } = composeNotice('revisionRequested', facts, 'id')
    expect(body).toContain('Alasan: Lampirkan SK Wali Kota yang berlaku')
    expect(body).toContain('2 komentar asesor')
  })

  it('links the results document when a report is accepted', () => {
    expect(composeNotice('accepted', facts, 'en').body).toContain('Results document: https://pantau.example/api/reports/7/results.pdf')
  })

  it('gives a reminder the deadline in the city’s own zone', () => {
    expect(composeNotice('reminder', facts, 'id').body).toMatch(/31 Juli 2023.*23[.:]59 WIT/)
    expect(composeNotice('reminder', { ...facts, daysLeft: 1 }, 'en').title).toMatch(/^Deadline tomorrow/)
  })
})

describe('dueReminders', () => {
  const deadline = { at: new Date('2023-07-31T14:59:59.999Z'), zone: 'WIT' as const }
  const draft = { report: '7', status: 'draft', deadline }
  const at = (iso: string) => new Date(iso)

  it.each([
    ['ten days before', '2023-07-21T14:00:00.000Z', []],
    ['seven days before', '2023-07-24T15:00:00.000Z', [7]],
    ['three days before', '2023-07-28T15:00:00.000Z', [7]],
    ['twenty hours before', '2023-07-30T19:00:00.000Z', [1]],
    ['after the deadline', '2023-07-31T15:00:00.000Z', []],
  ] as const)('%s, reminds with the %j-day notice', (_label, now, expected) => {
    expect(dueReminders([draft], at(now)).map((due) => due.days)).toEqual(expected)
  })

  it('reminds nobody whose report is no longer a draft', () => {
    expect(dueReminders([{ ...draft, status: 'submitted' }], at('2023-07-30T19:00:00.000Z'))).toEqual([])
  })

  it('keys each reminder by report, threshold and deadline, so a second run repeats the key and an extension does not', () => {
    const first = dueReminders([draft], at('2023-07-30T19:00:00.000Z'))[0].key
    expect(dueReminders([draft], at('2023-07-30T20:00:00.000Z'))[0].key).toBe(first)
    const extended = { ...draft, deadline: { ...deadline, at: new Date('2023-08-15T14:59:59.999Z') } }
    expect(dueReminders([extended], at('2023-08-14T19:00:00.000Z'))[0].key).not.toBe(first)
  })
})
