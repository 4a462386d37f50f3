'use client'

import { useTranslation } from '@payloadcms/ui'

/** Payload's language cookie (`<cookiePrefix>-lng`), the one cms/proxy.ts sets to Indonesian by default. */
const LANGUAGE_COOKIE = 'payload-lng'
const ONE_YEAR_S = 60 * 60 * 24 * 365

const CHOICES = [
  { code: 'id', label: 'Bahasa Indonesia' },
  { code: 'en', label: 'English' },
] as const

/**
 * A language choice below the login form: the admin speaks Indonesian until someone picks English,
 * and a person who reads English should not have to sign in through Indonesian first.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const choose = (code: string) => {
    document.cookie = `${LANGUAGE_COOKIE}=${code}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`
    window.location.reload()
  }
  return (
    <p data-testid="language-switch" style={{ marginTop: '1.5rem' }} lang="">
      {CHOICES.map((choice, index) => (
        <span key={choice.code}>
          {index > 0 ? ' · ' : null}
          {i18n.language === choice.code ? (
            <strong lang={choice.code}>{choice.label}</strong>
          ) : (
            <button
              type="button"
              lang={choice.code}
              onClick={() => choose(choice.code)}
              style={{ background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', textDecoration: 'underline', cursor: 'pointer' }}
            >
              {choice.label}
            </button>
          )}
        </span>
      ))}
    </p>
  )
}
