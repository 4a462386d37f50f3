import { describe, expect, it } from 'vitest'

import { pathIsClean, requestLanguage } from '../../cms/endpoints/requestProblem.ts'

describe('the language a malformed request is answered in', () => {
  const headers = (init: Record<string, string>) => new Headers(init)

  it('is the language cookie first, whatever Accept-Language says', () => {
    expect(requestLanguage(headers({ cookie: 'a=b; payload-lng=en', 'accept-language': 'id-ID,id;q=0.9' }))).toBe('en')
    expect(requestLanguage(headers({ cookie: 'payload-lng=id', 'accept-language': 'en-GB,en;q=0.9' }))).toBe('id')
  })

  it('follows Accept-Language without a cookie, and is Indonesian when neither names a language of Pantau', () => {
    expect(requestLanguage(headers({ 'accept-language': 'en-US,en;q=0.8' }))).toBe('en')
    expect(requestLanguage(headers({ 'accept-language': 'fr-FR' }))).toBe('id')
    expect(requestLanguage(headers({ cookie: 'payload-lng=fr' }))).toBe('id')
    expect(requestLanguage(headers({}))).toBe('id')
  })
})

describe('a clean path', () => {
  it.each([
    ['/api/media/file/laporan%20survei.pdf', true],
    ['/api/reports/12', true],
    ['/api/media/file/%E0%A4%A', false],
    ['/api/media/file/x%00.pdf', false],
    ['/api/media/file/%0Aname', false],
  ])('%s is clean: %s', (path, clean) => {
    expect(pathIsClean(path)).toBe(clean)
  })
})
