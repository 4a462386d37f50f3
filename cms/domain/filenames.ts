/**
 * File names as Pantau stores and shows them. A name can carry characters that make it lie: Unicode
 * bidirectional controls turn `x\u202Efdp.exe` into "xexe.pdf" on screen, and control characters
 * (NUL, line breaks) break paths, headers and logs. Payload already drops C0 and C1 controls; the
 * bidirectional ones are dropped here too, before the name is stored.
 */

const MISLEADING = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu

/** `name` without control and bidirectional-control characters; "berkas" (file) if nothing is left. */
export function cleanFilename(name: string): string {
  return name.replace(MISLEADING, '').trim() || 'berkas'
}
