// Astro's module types (`astro:content`, `astro:i18n`) for `tsc`, even before `astro sync` has
// written .astro/types.d.ts: that needs the database, a type check should not.
/// <reference types="astro/client" />
