// Astro's module types (`astro:content`, `?raw` imports) for `tsc`, even before `astro sync` has
// written .astro/types.d.ts.
/// <reference types="astro/client" />
