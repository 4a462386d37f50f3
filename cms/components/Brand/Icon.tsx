import { Mark } from './Mark.tsx'

/** Pantau's mark where Payload shows its own icon (the top bar's link to the start page). */
export function Icon() {
  return <Mark size={24} title="Pantau" />
}
