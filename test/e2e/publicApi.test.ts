import { beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { pdfFile } from '../helpers/files.ts'
import { getJSON, login, postOnOwnConnection } from '../helpers/rest.ts'

const adminURL = inject('adminURL')
const api = (path: string) => `${adminURL}/api${path}`
const account = (email: string) => {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.email === email)
  if (!found) throw new Error(`no demo account ${email}`)
  return found
}

type Doc = Record<string, unknown>

/** What the anonymous public gets from the REST API: published facts only. */
describe('the REST API for the anonymous public', () => {
  let privateEvidence: { id: number; filename: string }

  beforeAll(async () => {
    const council = account('dewan.ambon@pantau.example')
    const token = await login(adminURL, council.email, council.password)
    const { body: cities } = await getJSON(api('/cities?where[regionCode][equals]=81.71'), token)
    const form = new FormData()
    const file = pdfFile('notulen-rapat.pdf')
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ city: (cities as { docs: Doc[] }).docs[0].id, description: 'Notulen (privat)' }))
    const response = await fetch(api('/evidence'), { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
    expect(response.status).toBe(201)
    privateEvidence = ((await response.json()) as { doc: { id: number; filename: string } }).doc
  })

  it.each(['/users', '/reports', '/instruments', '/periods'])('refuses to list %s', async (path) => {
    const { status } = await getJSON(api(path))
    expect([401, 403]).toContain(status)
  })

  it('lists only public programmes, all of them public', async () => {
    const { status, body } = await getJSON(api('/programs?limit=100&depth=0'))
    expect(status).toBe(200)
    const docs = (body as { docs: Doc[] }).docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.isPublic === true)).toBe(true)
  })

  it('lists only published updates', async () => {
    const { body } = await getJSON(api('/updates?limit=100&depth=0'))
    const docs = (body as { docs: Doc[] }).docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
  })

  it('neither lists nor serves private evidence', async () => {
    const { body } = await getJSON(api('/evidence?limit=100&depth=0'))
    const docs = (body as { docs: Doc[] }).docs
    expect(docs.some((doc) => doc.id === privateEvidence.id)).toBe(false)
    expect(docs.every((doc) => doc.isPublic === true)).toBe(true)
    const file = await fetch(api(`/evidence/file/${privateEvidence.filename}`))
    expect([401, 403]).toContain(file.status)
    const one = await getJSON(api(`/evidence/${privateEvidence.id}`))
    expect([401, 403, 404]).toContain(one.status)
  })

  it('serves evidence files to their council as a download that browsers do not sniff', async () => {
    const council = account('dewan.ambon@pantau.example')
    const token = await login(adminURL, council.email, council.password)
    const response = await fetch(api(`/evidence/file/${privateEvidence.filename}`), { headers: { Authorization: `JWT ${token}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('cuts off an upload over the size limit with 413', async () => {
    const council = account('dewan.ambon@pantau.example')
    const token = await login(adminURL, council.email, council.password)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(26 * 1024 * 1024)], { type: 'application/pdf' }), 'besar.pdf')
    form.append('_payload', JSON.stringify({}))
    const status = await postOnOwnConnection(api('/evidence'), form, token)
    expect(status).toBe(413)
  })

  it('refuses a council member\'s reports of another city', async () => {
    const council = account('dewan.semarang@pantau.example')
    const token = await login(adminURL, council.email, council.password)
    const { body } = await getJSON(api('/reports?limit=100&depth=1'), token)
    const docs = (body as { docs: { city: { regionCode: string } }[] }).docs
    expect(docs.every((doc) => doc.city.regionCode === '33.74')).toBe(true)
  })
})
