/** Which collections each role finds in the admin's navigation (cms/components/navigation.ts). */
import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { withRoleNavigation } from '../../cms/components/navigation.ts'
import { COLLECTIONS, ROLES } from '../../cms/constants.ts'

const collections = withRoleNavigation(Object.values(COLLECTIONS).map((slug) => ({ slug, fields: [] }) as CollectionConfig))
const shownTo = (role: string | null) =>
  collections
    .filter((collection) => {
      const hidden = collection.admin?.hidden
      return typeof hidden === 'function' ? !hidden({ user: role ? ({ id: 1, role } as never) : (null as never) }) : !hidden
    })
    .map((collection) => collection.slug)
    .sort()

describe('withRoleNavigation', () => {
  it('shows the secretariat every collection', () => {
    expect(shownTo(ROLES.secretariat)).toEqual(Object.values(COLLECTIONS).sort())
  })

  it("shows a council its city's records, its reports and evidence, and none of the secretariat's tools", () => {
    const shown = shownTo(ROLES.council)
    expect(shown).toEqual(expect.arrayContaining([COLLECTIONS.reports, COLLECTIONS.programs, COLLECTIONS.measurements, COLLECTIONS.cities]))
    for (const hidden of [COLLECTIONS.users, COLLECTIONS.instruments, COLLECTIONS.periods, COLLECTIONS.auditLog, COLLECTIONS.reviews]) {
      expect(shown).not.toContain(hidden)
    }
  })

  it('shows an assessor its reports, reviews and notices only', () => {
    expect(shownTo(ROLES.assessor)).toEqual([COLLECTIONS.notices, COLLECTIONS.reports, COLLECTIONS.reviews].sort())
  })

  it('shows someone without a role nothing', () => {
    expect(shownTo(null)).toEqual([])
  })

  it("keeps the rest of a collection's admin settings", () => {
    const [reports] = withRoleNavigation([{ slug: COLLECTIONS.reports, fields: [], admin: { useAsTitle: 'title' } }])
    expect(reports.admin?.useAsTitle).toBe('title')
  })
})
