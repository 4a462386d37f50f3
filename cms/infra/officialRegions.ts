/**
 * Indonesia's official list of kabupaten and kota (Kemendagri region codes, names and provinces),
 * from the `idn-area-data` package (data under the Open Database License, ODbL 1.0), so that the
 * national benchmark data set (seed/scenarios/synthetic.ts) is made of the real 514 and their codes
 * pass the same NN.NN rule as a city the secretariat adds.
 */
import { getProvinces, getRegencies } from 'idn-area-data'

import type { CityKind } from '../contract/options.ts'

export interface OfficialRegion {
  /** Kemendagri code, NN.NN (e.g. 81.71). */
  code: string
  /** As the list writes it: "Kota Ambon", "Kabupaten Aceh Selatan". */
  name: string
  kind: CityKind
  province: string
}

let cached: Promise<OfficialRegion[]> | undefined

async function load(): Promise<OfficialRegion[]> {
  const provinces = new Map((await getProvinces()).map(({ code, name }) => [code, name]))
  const regencies = await getRegencies({ transform: true })
  return regencies
    .map(({ code, provinceCode, name }) => {
      const province = provinces.get(provinceCode)
      if (!province) throw new Error(`idn-area-data: region ${code} names an unknown province ${provinceCode}`)
      const kind: CityKind = name.startsWith('Kota ') ? 'kota' : 'kabupaten'
      return { code, name, kind, province }
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

/** All 514 kabupaten and kota, in code order. */
export function officialRegions(): Promise<OfficialRegion[]> {
  cached ??= load()
  return cached
}
