/** Labels of a sideways bar chart on a phone are broken into lines instead of being cut off. */
import { describe, expect, it } from 'vitest'

import { wrapLabel } from '../../cms/components/SecretariatDashboard/BarChart.tsx'

describe('wrapLabel', () => {
  it.each([
    ['Tata Kelola Cerdas (Smart Governance)', 16, ['Tata Kelola', 'Cerdas (Smart', 'Governance)']],
    ['Kota Ambon', 16, ['Kota Ambon']],
    ['Supercalifragilistic label', 8, ['Supercalifragilistic', 'label']],
    ['', 16, ['']],
  ])('breaks %j at about %i characters', (label, width, lines) => {
    expect(wrapLabel(label, width)).toEqual(lines)
  })
})
