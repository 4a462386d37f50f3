'use client'

import { useField } from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { OfficialRegion } from '../../infra/officialRegions.ts'
import type { Lang } from '../kit/types.ts'

const LABELS = {
  id: {
    label: 'Cari di daftar resmi kabupaten/kota (Kemendagri)',
    hint: 'Ketik nama atau kode wilayah (mis. Ambon atau 81.71), lalu pilih: nama, jenis, provinsi dan kode wilayah terisi sendiri.',
    filled: (region: string) => `Diisi dari daftar resmi: ${region}.`,
    unknown: 'Tidak ada di daftar resmi; pilih salah satu saran, atau isi kolom di bawah sendiri.',
  },
  en: {
    label: 'Find it in the official list of regencies and cities (Kemendagri)',
    hint: 'Type a name or a region code (e.g. Ambon or 81.71), then choose: the name, kind, province and region code are filled in.',
    filled: (region: string) => `Filled in from the official list: ${region}.`,
    unknown: 'Not in the official list; choose one of the suggestions, or fill in the fields below yourself.',
  },
} as const

/** How an entry of the list reads among the suggestions: "81.71 · Kota Ambon (Maluku)". */
const entry = (region: OfficialRegion) => `${region.code} · ${region.name} (${region.province})`

export function OfficialRegionPicker({ regions, lang }: { regions: OfficialRegion[]; lang: Lang }) {
  const t = LABELS[lang]
  const id = useId()
  const name = useField<string>({ path: 'name' })
  const kind = useField<string>({ path: 'kind' })
  const province = useField<string>({ path: 'province' })
  const regionCode = useField<string>({ path: 'regionCode' })
  const [typed, setTyped] = useState('')
  const [chosen, setChosen] = useState<OfficialRegion | null>(null)

  const choose = (text: string) => {
    setTyped(text)
    const trimmed = text.trim()
    const found = regions.find((region) => entry(region) === trimmed || region.code === trimmed) ?? null
    setChosen(found)
    if (!found) return
    name.setValue(found.name)
    kind.setValue(found.kind)
    province.setValue(found.province)
    regionCode.setValue(found.code)
  }

  return (
    <div className="field-type text" data-testid="official-region">
      <label className="field-label" htmlFor={`${id}-input`}>
        {t.label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        list={`${id}-list`}
        autoComplete="off"
        aria-describedby={`${id}-note`}
        value={typed}
        onChange={(event) => choose(event.target.value)}
      />
      <datalist id={`${id}-list`}>
        {regions.map((region) => (
          <option key={region.code} value={entry(region)} />
        ))}
      </datalist>
      <p id={`${id}-note`} className="field-description" role="status">
        {chosen ? t.filled(entry(chosen)) : typed.trim().length >= 5 && /^\d{2}\.\d{2}$/.test(typed.trim()) ? t.unknown : t.hint}
      </p>
    </div>
  )
}
