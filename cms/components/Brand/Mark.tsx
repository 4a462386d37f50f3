/**
 * Pantau's mark: a rising line on a tile, "to monitor" progress. Drawn inline so the login page and
 * the navigation need no extra request, and the same drawing is the favicon (cms/public/pantau.svg).
 */
export function Mark({ size = 32, title }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <rect width="64" height="64" rx="14" fill="#0b5c7a" />
      <polyline points="12,46 25,32 35,39 51,20" fill="none" stroke="#ffffff" strokeWidth="6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="51" cy="20" r="5" fill="#f2b705" />
    </svg>
  )
}
