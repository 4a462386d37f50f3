import type { UIFieldServerProps } from 'payload'

import { officialRegions } from '../../infra/officialRegions.ts'
import { OfficialRegionPicker } from './OfficialRegionPicker.tsx'

/**
 * Above a new city's fields: the official list of kabupaten and kota (cms/infra/officialRegions.ts),
 * searched by name or by code, so that the secretariat adds a participating city by choosing it
 * rather than typing its name, kind, province and region code.
 */
export async function OfficialRegionField({ i18n }: UIFieldServerProps) {
  return <OfficialRegionPicker regions={await officialRegions()} lang={i18n.language === 'en' ? 'en' : 'id'} />
}
