import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { fileEmailAdapter } from '../../cms/infra/email.ts'
import { submissionNotice, type SubmissionNoticeInput } from '../../cms/domain/notifications.ts'

const input = (overrides: Partial<SubmissionNoticeInput> = {}): SubmissionNoticeInput => ({
  reportTitle: 'Kota Ambon — Evaluasi Smart City 2023 Tahap I',
  cityName: 'Kota Ambon',
  periodTitle: 'Evaluasi Smart City 2023 Tahap I',
  submittedBy: 'Dewan Kota Ambon',
  submittedAt: new Date('2023-06-13T03:30:00.000Z'),
  council: [{ email: 'dewan@ambon.example' }, { email: 'tim@ambon.example' }],
  secretariat: [{ email: 'sekretariat@kominfo.example' }],
  ...overrides,
})

describe('submissionNotice', () => {
  it('sends the council a receipt and the secretariat a notice, Indonesian first', () => {
    const [receipt, notice] = submissionNotice(input())
    expect(receipt.to).toEqual(['dewan@ambon.example', 'tim@ambon.example'])
    expect(receipt.subject).toBe('Laporan diajukan: Kota Ambon — Evaluasi Smart City 2023 Tahap I / Report submitted')
    expect(receipt.text).toMatch(/^Laporan "Kota Ambon — .*" telah diajukan oleh Dewan Kota Ambon pada 13 Juni 2023.*10\.30 WIB/)
    expect(receipt.text).toMatch(/\nThe report ".*" was submitted by Dewan Kota Ambon on 13 June 2023/)
    expect(notice.to).toEqual(['sekretariat@kominfo.example'])
    expect(notice.subject).toMatch(/^Laporan masuk: Kota Ambon/)
  })

  describe.each([
    ['no council addresses', { council: [{ email: null }, {}] }, [['sekretariat@kominfo.example']]],
    ['no secretariat', { secretariat: [] }, [['dewan@ambon.example', 'tim@ambon.example']]],
    ['the same address twice', { council: [{ email: 'dewan@ambon.example' }, { email: ' dewan@ambon.example ' }] }, [['dewan@ambon.example'], ['sekretariat@kominfo.example']]],
    ['nobody at all', { council: [], secretariat: [] }, []],
  ])('with %s', (_label, overrides, expected) => {
    it('writes only to real, distinct addresses', () => {
      expect(submissionNotice(input(overrides)).map((mail) => mail.to)).toEqual(expected)
    })
  })

  it('links to the report when the server address is known', () => {
    const [receipt] = submissionNotice(input({ reportUrl: 'https://pantau.example/admin/collections/reports/7' }))
    expect(receipt.text.endsWith('https://pantau.example/admin/collections/reports/7')).toBe(true)
  })

  it('leaves out who submitted when system code did', () => {
    expect(submissionNotice(input({ submittedBy: null }))[0].text).toMatch(/telah diajukan pada/)
  })
})

describe('the development e-mail adapter', () => {
  let dir: string
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true })
  })

  it('writes each message as an .eml file and logs one line', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-mail-'))
    const info = vi.fn()
    const adapter = fileEmailAdapter({ dir })({ payload: { logger: { info } } as unknown as Payload })
    const { file } = await adapter.sendEmail({ to: ['a@example.test', 'b@example.test'], subject: 'Laporan masuk: Kota Ambon — 2023', text: 'Isi pesan' })
    expect(path.dirname(file)).toBe(dir)
    expect(file.endsWith('.eml')).toBe(true)
    const eml = await fs.readFile(file, 'utf8')
    expect(eml).toMatch(/^To: a@example\.test, b@example\.test\r$/m)
    expect(eml).toMatch(/^From: Pantau <pantau@localhost>\r$/m)
    // The dash makes the subject non-ASCII: it travels as an RFC 2047 encoded word.
    expect(eml).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m)
    expect(eml).toContain('Isi pesan')
    expect(info).toHaveBeenCalledTimes(1)
  })

  it('keeps an HTML body as an alternative to the text', async () => {
    const adapter = fileEmailAdapter({ dir })({ payload: { logger: { info: vi.fn() } } as unknown as Payload })
    const { file } = await adapter.sendEmail({ to: 'a@example.test', subject: 'Hi', text: 'plain', html: '<p>html</p>' })
    const eml = await fs.readFile(file, 'utf8')
    expect(eml).toMatch(/multipart\/alternative[\s\S]*plain[\s\S]*<p>html<\/p>/)
    expect(eml).toMatch(/^Subject: Hi\r$/m)
  })
})
