'use client'

import { useEffect, useState } from 'react'

import guide from './kit.module.css'
import type { GuideEvidence } from './types.ts'

/**
 * A preview fetched with the person's cookie into a blob URL: evidence is served only through the
 * access-checked route and as an attachment, which an <iframe> would download instead of showing.
 */
export function FilePreview({ file, failed, label }: { file: GuideEvidence; failed: string; label: string }) {
  const [source, setSource] = useState<string | null>(null)
  const [error, setError] = useState(false)
  useEffect(() => {
    let url: string | null = null
    let cancelled = false
    fetch(file.url ?? '', { credentials: 'include' })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        if (cancelled) return
        url = URL.createObjectURL(new Blob([blob], { type: file.mimeType }))
        setSource(url)
      })
      .catch(() => !cancelled && setError(true))
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [file.url, file.mimeType])
  if (error) return <p className={guide.error}>{failed}</p>
  if (!source) return <p aria-live="polite">…</p>
  return file.mimeType === 'application/pdf' ? (
    <iframe className={guide.pdf} src={source} title={`${label}: ${file.filename}`} />
  ) : (
    <img className={guide.image} src={source} alt={`${label}: ${file.filename}`} />
  )
}
