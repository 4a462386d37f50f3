import { describe, expect, inject, it } from 'vitest'

/** `npm start` (run by the global setup) serves the admin, the API and the public site. */
describe('npm start', () => {
  const adminURL = inject('adminURL')
  const siteURL = inject('siteURL')

  it('serves the admin login page', async () => {
    const response = await fetch(`${adminURL}/admin/login`)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/Pantau/)
  })

  it('serves the REST API', async () => {
    const response = await fetch(`${adminURL}/api/cities?limit=100`)
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: { name: string }[] }
    expect(docs.map((city) => city.name)).toContain('Kota Ambon')
  })

  it('serves the public site listing the cities, built from the demo data', async () => {
    const response = await fetch(`${siteURL}/`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<html[^>]+lang="id"/)
    expect(html).toContain('Kota Ambon')
    expect(html).toContain('Kabupaten Banyuwangi')
  })
})
